import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import { closedTradesSql } from './closed-trades-sql';

/**
 * Longest runs of consecutive wins and losses in close-time order, as gaps-and-islands in
 * SQL: within a run, the overall row number minus the row number among same-sign trades is
 * constant. Breakeven trades (sign 0) form their own runs and so end both kinds.
 */
export function longestStreaks(sqlite: Sqlite, filter: TradeFilter): { win: number; loss: number } {
  const { where, params } = closedTradesSql(filter);
  const rows = sqlite
    .prepare(
      `WITH s AS (
         SELECT sign(t.net_pnl_cents) AS sign, ROW_NUMBER() OVER (ORDER BY t.closed_at, t.id) AS rn
         FROM trades t WHERE ${where}
       ), g AS (
         SELECT sign, rn - ROW_NUMBER() OVER (PARTITION BY sign ORDER BY rn) AS grp FROM s WHERE sign <> 0
       )
       SELECT sign, MAX(n) AS longest FROM (SELECT sign, COUNT(*) AS n FROM g GROUP BY sign, grp) GROUP BY sign`,
    )
    .all(...params) as { sign: number; longest: number }[];
  return {
    win: rows.find((r) => r.sign === 1)?.longest ?? 0,
    loss: rows.find((r) => r.sign === -1)?.longest ?? 0,
  };
}
