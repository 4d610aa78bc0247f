/**
 * Numbers as brokers and spreadsheets write them: "1,234.56", "1.234,56", "1 234,56",
 * "$1,250.50", "(50.00)", "-1.24", "1'234.5". The result is a canonical decimal string
 * ("-1234.56") so money can be turned into cents without a float round trip.
 * A string that is not a number yields `{ reason }`.
 */
export interface NumberFailure {
  reason: string;
}

export type DecimalMark = '.' | ',';

const CANONICAL = /^\d+(\.\d+)?$/;
const STRIP = /[\s\u00a0\u202f$€£¥'’]|USD|EUR|GBP|CHF|JPY/g;

const PLAIN = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

export function parseDecimalString(raw: string, mark: DecimalMark): string | NumberFailure {
  // Most cells are already canonical ("6650.25", "-12"): no rewriting needed. A lone "1.234"
  // is ambiguous, so the fast path is for a '.' mark only.
  if (mark === '.' && PLAIN.test(raw)) return raw === '-0' ? '0' : raw;
  let text = raw.trim();
  if (text === '') return { reason: 'is empty' };
  let negative = false;
  // Accounting negatives come as "(15.00)" and, with the currency outside, "$(15.00)" (Tradovate).
  text = text.replace(STRIP, '');
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  } else if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  if (/^\d+(\.\d+)?[eE][-+]?\d+$/.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) return { reason: 'is not a finite number' };
    return canonicalFromNumber(negative ? -value : value);
  }
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  let decimalMark: DecimalMark | null = null;
  if (dot >= 0 && comma >= 0) {
    decimalMark = dot > comma ? '.' : ',';
  } else if (comma >= 0) {
    const groups = text.split(',');
    // A single comma followed by other than three digits can only be a decimal comma.
    if (groups.length === 2 && groups[1]!.length !== 3) decimalMark = ',';
    else if (groups.length > 2) decimalMark = '.';
    else decimalMark = mark;
  } else if (dot >= 0) {
    const groups = text.split('.');
    if (groups.length === 2 && groups[1]!.length !== 3) decimalMark = '.';
    else if (groups.length > 2) decimalMark = ',';
    else decimalMark = mark;
  }
  let canonical = text;
  if (decimalMark === '.') {
    if (!/^\d{1,3}(,\d{3})*(\.\d*)?$|^\d*(\.\d*)?$/.test(text)) return { reason: 'is not a number' };
    canonical = text.replace(/,/g, '');
  } else if (decimalMark === ',') {
    if (!/^\d{1,3}(\.\d{3})*(,\d*)?$|^\d*(,\d*)?$/.test(text)) return { reason: 'is not a number' };
    canonical = text.replace(/\./g, '').replace(',', '.');
  }
  if (canonical.endsWith('.')) canonical = canonical.slice(0, -1);
  if (canonical.startsWith('.')) canonical = `0${canonical}`;
  if (!CANONICAL.test(canonical)) return { reason: 'is not a number' };
  canonical = canonical.replace(/^0+(?=\d)/, '');
  if (/^0(\.0*)?$/.test(canonical)) negative = false;
  return negative ? `-${canonical}` : canonical;
}

function canonicalFromNumber(value: number): string {
  // toFixed keeps plain notation for the magnitudes trading data holds.
  const fixed = value.toFixed(10).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

export function isFailure(value: unknown): value is NumberFailure {
  return typeof value === 'object' && value !== null && 'reason' in value;
}

/** Exact cents of a canonical decimal string, rounding half away from zero. */
export function canonicalToCents(canonical: string): number {
  // Up to two decimals, the float product is within 1e-9 of the integer: rounding is exact.
  const dot = canonical.indexOf('.');
  if (dot < 0 || canonical.length - dot <= 3) return Math.round(Number(canonical) * 100);
  const negative = canonical.startsWith('-');
  const body = negative ? canonical.slice(1) : canonical;
  const [whole = '0', fraction = ''] = body.split('.');
  const padded = `${fraction}000`;
  let cents = Number(whole) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) cents += 1;
  return negative ? -cents : cents;
}
