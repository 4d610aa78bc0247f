import { zoneWallClockFormatter } from '../../../../shared/domain/zone-calendar';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The UTC offset (ms) of a zone at an instant. */
export function zoneOffsetMs(epochMs: number, formatter: Intl.DateTimeFormat): number {
  const parts = formatter.formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

export interface OffsetSpan {
  /** The offset that applies from this instant on (the first span starts at -Infinity). */
  from: number;
  offsetMs: number;
}

/**
 * The zone's offsets over [fromMs, toMs]: sampled daily (zones change offset at most a
 * few times a year, never twice a day) and each change pinned to the minute by bisection.
 */
export function offsetSpans(timeZone: string, fromMsRaw: number, toMsRaw: number): OffsetSpan[] {
  // Minute-aligned, so bisection lands on the exact minute of a change.
  const fromMs = Math.floor(fromMsRaw / MINUTE) * MINUTE;
  const toMs = Math.max(fromMs, Math.ceil(toMsRaw / MINUTE) * MINUTE);
  const formatter = zoneWallClockFormatter(timeZone);
  const spans: OffsetSpan[] = [{ from: -Infinity, offsetMs: zoneOffsetMs(fromMs, formatter) }];
  let previous = fromMs;
  let previousOffset = spans[0]!.offsetMs;
  for (let t = fromMs + DAY; ; t += DAY) {
    const at = Math.min(t, toMs);
    const offset = zoneOffsetMs(at, formatter);
    if (offset !== previousOffset) {
      let lo = previous;
      let hi = at;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE || lo + MINUTE;
        if (zoneOffsetMs(mid, formatter) === previousOffset) lo = mid;
        else hi = mid;
      }
      spans.push({ from: hi, offsetMs: offset });
      previousOffset = offset;
    }
    previous = at;
    if (at >= toMs) break;
  }
  return spans;
}

/** A SQL expression (integer ms) choosing the span offset for `column` by binary search. */
export function offsetCaseSql(column: string, spans: OffsetSpan[]): string {
  const build = (lo: number, hi: number): string => {
    if (lo === hi) return String(spans[lo]!.offsetMs);
    const mid = Math.ceil((lo + hi) / 2);
    return `CASE WHEN ${column} < ${spans[mid]!.from} THEN ${build(lo, mid - 1)} ELSE ${build(mid, hi)} END`;
  };
  return build(0, spans.length - 1);
}

/**
 * The local hour (0-23) of `column` (epoch ms of a trade of account `t.account_id`), exact
 * across DST changes, for the given accounts' zones over [fromMs, toMs].
 */
export function localHourSql(column: string, zones: { accountId: number; timeZone: string }[], fromMs: number, toMs: number): string {
  if (zones.length === 0) return `((${column} % ${DAY}) + ${DAY}) % ${DAY} / 3600000`;
  const byZone = new Map<string, string>();
  const cases = zones.map(({ accountId, timeZone }) => {
    let expr = byZone.get(timeZone);
    if (expr === undefined) {
      expr = offsetCaseSql(column, offsetSpans(timeZone, fromMs, toMs));
      byZone.set(timeZone, expr);
    }
    return `WHEN ${Number(accountId)} THEN ${expr}`;
  });
  const offset = `(CASE t.account_id ${cases.join(' ')} ELSE 0 END)`;
  return `(((${column} + ${offset}) % ${DAY}) + ${DAY}) % ${DAY} / 3600000`;
}
