import type { Sqlite } from '../db/client';
import { writeExpectedEquity } from './rebuild';

/**
 * Brings one account's daily_equity in line with its trades. Call it INSIDE the same
 * transaction as every trade insert, update or delete (and after changing an account's
 * starting balance or time zone), so the pre-aggregate can never disagree with a commit.
 *
 * `fromDay`: the earliest trading day the write touched (for an update, the earlier of the
 * old and new close_day; see earliestDay). Days before it are kept and the running ending
 * equity and peak continue from the stored row of the day before, so an edit of today's
 * trade recomputes only today. Omit it (or pass null) to rebuild the whole account, which
 * is also the right call after an import or a starting-balance change.
 */
export function refreshAccountEquity(sqlite: Sqlite, accountId: number, fromDay: string | null = null): { days: number } {
  return writeExpectedEquity(sqlite, accountId, fromDay);
}

/** The earliest of the given trading days (close days of the old and new versions of trades); null if none. */
export function earliestDay(...days: (string | null | undefined)[]): string | null {
  let earliest: string | null = null;
  for (const day of days) if (day && (earliest === null || day < earliest)) earliest = day;
  return earliest;
}

/**
 * The usual call after a trade write: `days` are the close days before and after the write
 * (null for open trades). Nothing closed touched = nothing to do.
 */
export function refreshAccountEquityForDays(
  sqlite: Sqlite,
  accountId: number,
  days: (string | null | undefined)[],
): { days: number } {
  const fromDay = earliestDay(...days);
  return fromDay === null ? { days: 0 } : writeExpectedEquity(sqlite, accountId, fromDay);
}
