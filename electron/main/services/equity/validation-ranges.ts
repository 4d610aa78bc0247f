import type { Sqlite } from '../db/client';
import type { DayKey, DayKeyRange } from './day-totals-sql';

export interface RangePlan {
  /** At most this many ranges (one per thread). */
  parts: number;
  /** Below this many trades per range, fewer ranges: a thread's start-up costs more than it saves. */
  minTradesPerPart: number;
}

/** Contiguous ranges covering every account-day in scope exactly once, split before each cut. */
export function rangesFromCuts(cuts: DayKey[], accountId: number | null): DayKeyRange[] {
  const outer: DayKeyRange =
    accountId === null ? { from: null, to: null } : { from: { accountId, day: null }, to: { accountId: accountId + 1, day: null } };
  const bounds = [outer.from, ...cuts, outer.to];
  return bounds.slice(1).map((to, i) => ({ from: bounds[i]!, to }));
}

/**
 * Where to split the account-days in scope so that each range holds about the same number
 * of trades. The counts come from daily_equity, so they are only a hint (the stored rows may
 * be wrong: that is what validation looks for); the ranges cover every account-day whatever
 * they say. One pass in SQL: each stored day falls in the share that its midpoint (the trades
 * before it plus half its own) reaches, so a heavy day goes where most of it lies, and a cut
 * goes before the first day of every share but the first.
 */
export function planDayRanges(sqlite: Sqlite, accountId: number | null, plan: RangePlan): DayKeyRange[] {
  return planForTotal(sqlite, accountId, plan, storedTradeCount(sqlite, accountId));
}

function storedTradeCount(sqlite: Sqlite, accountId: number | null): number {
  return sqlite
    .prepare(`SELECT COALESCE(SUM(trade_count), 0) FROM daily_equity ${accountId === null ? '' : 'WHERE account_id = ?'}`)
    .pluck()
    .get(...(accountId === null ? [] : [accountId])) as number;
}

/**
 * planDayRanges, remembered per scope until the stored trade count moves by a tenth: the
 * split only balances the threads, and the journal rarely changes that much between runs.
 */
export function createRangePlanner(sqlite: Sqlite, plan: RangePlan): (accountId: number | null) => DayKeyRange[] {
  const cache = new Map<number | null, { total: number; ranges: DayKeyRange[] }>();
  return (accountId) => {
    const total = storedTradeCount(sqlite, accountId);
    const cached = cache.get(accountId);
    if (cached && Math.abs(total - cached.total) <= cached.total / 10) return cached.ranges;
    const ranges = planForTotal(sqlite, accountId, plan, total);
    cache.set(accountId, { total, ranges });
    return ranges;
  };
}

function planForTotal(sqlite: Sqlite, accountId: number | null, plan: RangePlan, total: number): DayKeyRange[] {
  const parts = Math.max(1, Math.min(plan.parts, Math.floor(total / Math.max(1, plan.minTradesPerPart))));
  if (parts === 1) return rangesFromCuts([], accountId);
  const cuts = sqlite
    .prepare(
      `SELECT account_id AS accountId, day FROM (
         SELECT account_id, day, MIN(rn), share FROM (
           SELECT account_id, day, ROW_NUMBER() OVER w AS rn,
                  CAST((2 * SUM(trade_count) OVER w - trade_count) * @parts / (2 * @total) AS INTEGER) AS share
           FROM daily_equity ${accountId === null ? '' : 'WHERE account_id = @account'}
           WINDOW w AS (ORDER BY account_id, day ROWS UNBOUNDED PRECEDING)
         ) GROUP BY share
       ) WHERE share > 0 ORDER BY share`,
    )
    .all({ parts, total, ...(accountId === null ? {} : { account: accountId }) }) as DayKey[];
  return rangesFromCuts(cuts, accountId);
}
