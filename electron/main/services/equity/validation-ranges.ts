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
 * What a range costs to sum, in trades: each trade is one index entry read, and each day adds
 * its own seeks (the next day, then winners and the rest), measured at about 70 entries' worth
 * (1M trades over 3,150 days: a range of 2,151 days took 8 ms longer than one of 999 days
 * with the same 500k trades, against about 51 ms for the trades themselves).
 */
export const DAY_COST_IN_TRADES = 70;

interface StoredLoad {
  trades: number;
  /** trades + DAY_COST_IN_TRADES per day. */
  cost: number;
}

function storedLoad(sqlite: Sqlite, accountId: number | null): StoredLoad {
  return sqlite
    .prepare(
      `SELECT COALESCE(SUM(trade_count), 0) AS trades, COALESCE(SUM(trade_count + ${DAY_COST_IN_TRADES}), 0) AS cost
       FROM daily_equity ${accountId === null ? '' : 'WHERE account_id = ?'}`,
    )
    .get(...(accountId === null ? [] : [accountId])) as StoredLoad;
}

/**
 * The ranges of each scope (planForLoad), remembered until the stored trade count moves by a
 * tenth: the split only balances the threads, and the journal rarely changes that much
 * between runs.
 */
export function createRangePlanner(sqlite: Sqlite, plan: RangePlan): (accountId: number | null) => DayKeyRange[] {
  const cache = new Map<number | null, { trades: number; ranges: DayKeyRange[] }>();
  return (accountId) => {
    const load = storedLoad(sqlite, accountId);
    const cached = cache.get(accountId);
    if (cached && Math.abs(load.trades - cached.trades) <= cached.trades / 10) return cached.ranges;
    const ranges = planForLoad(sqlite, accountId, plan, load);
    cache.set(accountId, { trades: load.trades, ranges });
    return ranges;
  };
}

/**
 * Where to split the account-days in scope so that each range costs about the same to sum.
 * The counts come from daily_equity, so they are only a hint (the stored rows may be wrong:
 * that is what validation looks for); the ranges cover every account-day whatever they say.
 * One pass in SQL: each stored day falls in the share that its midpoint (the cost before it
 * plus half its own) reaches, so a heavy day goes where most of it lies, and a cut goes
 * before the first day of every share but the first.
 */
function planForLoad(sqlite: Sqlite, accountId: number | null, plan: RangePlan, load: StoredLoad): DayKeyRange[] {
  const parts = Math.max(1, Math.min(plan.parts, Math.floor(load.trades / Math.max(1, plan.minTradesPerPart))));
  if (parts === 1) return rangesFromCuts([], accountId);
  const cuts = sqlite
    .prepare(
      `SELECT account_id AS accountId, day FROM (
         SELECT account_id, day, MIN(rn), share FROM (
           SELECT account_id, day, ROW_NUMBER() OVER w AS rn,
                  CAST((2 * SUM(trade_count + @dayCost) OVER w - (trade_count + @dayCost)) * @parts / (2 * @total) AS INTEGER) AS share
           FROM daily_equity ${accountId === null ? '' : 'WHERE account_id = @account'}
           WINDOW w AS (ORDER BY account_id, day ROWS UNBOUNDED PRECEDING)
         ) GROUP BY share
       ) WHERE share > 0 ORDER BY share`,
    )
    .all({ parts, total: load.cost, dayCost: DAY_COST_IN_TRADES, ...(accountId === null ? {} : { account: accountId }) }) as DayKey[];
  return rangesFromCuts(cuts, accountId);
}
