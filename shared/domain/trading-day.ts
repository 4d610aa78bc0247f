import type { Day } from './day';
import { createZoneCalendar, dayNumberToDay, type ZoneCalendar } from './zone-calendar';

/**
 * Which trading day a trade belongs to, as a rule of its account:
 * - `calendar`: the calendar day of the close in the account's zone (stocks, most brokers);
 * - `session`: an exchange session that ends at `cutoffMinute` in `zone` and belongs to the next
 *   trading day (CME Globex: 17:00 America/Chicago); weekend sessions roll to Monday.
 */
export type TradingDayRule =
  | { kind: 'calendar' }
  | { kind: 'session'; zone: string; cutoffMinute: number };

export const CME_SESSION: TradingDayRule = { kind: 'session', zone: 'America/Chicago', cutoffMinute: 17 * 60 };

const DAY_MS = 86_400_000;

/**
 * A pure function of the close instant, so validation can recompute the day instead of trusting
 * the stored one. Build once per account (calendars are cached inside) and call per trade.
 */
export function createTradingDay(accountZone: string, rule: TradingDayRule): (closedAt: number) => Day {
  const account = createZoneCalendar(accountZone);
  if (rule.kind === 'calendar') return (closedAt) => account.dayOf(closedAt);
  const session: ZoneCalendar = rule.zone === accountZone ? account : createZoneCalendar(rule.zone);
  return (closedAt) => {
    let dayNumber = session.dayNumberOf(closedAt);
    const minute = Math.floor((closedAt + session.offsetAt(closedAt) - dayNumber * DAY_MS) / 60_000);
    if (minute >= rule.cutoffMinute) dayNumber += 1;
    // 1970-01-01 was a Thursday: day number + 4 mod 7 is the weekday, 0 = Sunday.
    const weekday = (((dayNumber + 4) % 7) + 7) % 7;
    if (weekday === 6) dayNumber += 2;
    else if (weekday === 0) dayNumber += 1;
    return dayNumberToDay(dayNumber);
  };
}

// Root, month code, one- or two-digit year: ESZ6, MNQH26, 6EM5. Stock tickers end in a letter.
const CONTRACT = /^([A-Z0-9]{1,5}?)([FGHJKMNQUVXZ])(\d{1,2})$/;

/** The root a futures contract rolls up to for statistics (ESZ6 and ESH7 are both ES); other symbols are their own root. */
export function contractRoot(symbol: string, assetClass: string): string {
  if (assetClass !== 'future') return symbol;
  const m = CONTRACT.exec(symbol.trim().toUpperCase());
  return m ? m[1]! : symbol;
}
