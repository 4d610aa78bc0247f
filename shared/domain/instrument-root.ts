import type { AssetClass } from './enums';

// A futures contract: root, month code (F..Z), one- or two-digit year: ESZ5, NQH25, 6EM24.
const FUTURES_CONTRACT = /^([A-Z0-9]{1,6}?)([FGHJKMNQUVXZ])(\d{1,2})$/;

/**
 * The product an instrument belongs to: a futures contract's root (ESZ5 -> ES), an
 * option's underlying (the symbol's first word), else the symbol itself. Filters and
 * reports group contracts of one product under it.
 */
export function instrumentRoot(symbol: string, assetClass: AssetClass): string {
  const first = symbol.trim().split(/\s+/)[0] ?? symbol;
  if (assetClass === 'future') {
    const match = FUTURES_CONTRACT.exec(first.toUpperCase());
    if (match?.[1]) return match[1];
  }
  return first;
}

/** Decimals a tick size implies (0.25 -> 2, 0.00001 -> 5, 1 -> 0); undefined when unknown. */
export function tickDecimals(tickSize: number | null | undefined): number | undefined {
  if (!tickSize || tickSize <= 0 || !Number.isFinite(tickSize)) return undefined;
  for (let digits = 0; digits <= 8; digits++) {
    if (Math.abs(Math.round(tickSize * 10 ** digits) - tickSize * 10 ** digits) < 1e-9) return digits;
  }
  return 8;
}
