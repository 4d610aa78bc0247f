import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import { closedTradesSql } from './closed-trades-sql';

/**
 * Longest runs of consecutive wins and losses in close-time order, in SQL with one window
 * pass: with rn = position, cw = wins so far, rn - cw counts the non-wins so far, which is
 * constant exactly within a run of wins (likewise rn - cl for losses). Counting wins per
 * (rn - cw) gives every win run's length. A breakeven trade is neither, so it ends both.
 */
export function longestStreaks(sqlite: Sqlite, filter: TradeFilter): { win: number; loss: number } {
  const { where, params } = closedTradesSql(filter);
  const rows = sqlite
    .prepare(
      `WITH x AS (
         SELECT sign(t.net_pnl_cents) AS s, ROW_NUMBER() OVER w AS rn,
                SUM(t.net_pnl_cents > 0) OVER w AS cw, SUM(t.net_pnl_cents < 0) OVER w AS cl
         FROM trades t WHERE ${where}
         WINDOW w AS (ORDER BY t.closed_at, t.id ROWS UNBOUNDED PRECEDING)
       )
       SELECT s AS sign, MAX(n) AS longest FROM (
         SELECT s, COUNT(*) AS n FROM x WHERE s <> 0 GROUP BY s, CASE WHEN s > 0 THEN rn - cw ELSE rn - cl END
       ) GROUP BY s`,
    )
    .all(...params) as { sign: number; longest: number }[];
  return {
    win: rows.find((r) => r.sign === 1)?.longest ?? 0,
    loss: rows.find((r) => r.sign === -1)?.longest ?? 0,
  };
}
