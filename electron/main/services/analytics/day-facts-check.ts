import type { Sqlite } from '../db/client';
import type { EquityDiscrepancy } from '../../../../shared/domain/equity';

/**
 * Where the analytics day facts disagree with daily_equity, which validation has just
 * compared with the trades: each account-day's 'all' row must hold the same trade count,
 * wins, net P&L and fees, and the rows of every dimension that splits a day's trades
 * (instrument, direction, hour, setup) must add up to it. A few thousand rows, no trades
 * read. One discrepancy per account-day, field 'analytics_day_facts', with the facts' net
 * P&L as stored and daily_equity's (or the day's 'all' row's) as expected. A rebuild
 * (rebuildDailyEquity) recomputes both.
 */
export function dayFactsDiscrepancies(
  sqlite: Sqlite,
  accountId: number | null,
  /** Account-days ('id|day') where daily_equity itself disagrees with the trades: no yardstick there. */
  equityWrong: ReadonlySet<string> = new Set(),
): Omit<EquityDiscrepancy, 'accountName'>[] {
  const rows = sqlite
    .prepare(
      `WITH e AS (SELECT account_id, day, net_pnl_cents AS net, fees_cents AS fees, trade_count AS n, win_count AS w
                  FROM daily_equity WHERE (@account IS NULL OR account_id = @account)),
            f AS (SELECT account_id, day, net_pnl_cents AS net, fees_cents AS fees, trades AS n, wins AS w
                  FROM analytics_day_facts WHERE dim = 'all' AND key = 0 AND (@account IS NULL OR account_id = @account)),
            d AS (SELECT account_id, day, dim, SUM(trades) AS n, SUM(net_pnl_cents) AS net FROM analytics_day_facts
                  WHERE dim IN ('instrument', 'direction', 'hour', 'setup') AND (@account IS NULL OR account_id = @account)
                  GROUP BY account_id, day, dim)
       SELECT e.account_id AS accountId, e.day AS day, f.net AS stored, e.net AS expected FROM e LEFT JOIN f USING (account_id, day)
         WHERE f.n IS NOT e.n OR f.w IS NOT e.w OR f.net IS NOT e.net OR f.fees IS NOT e.fees
       UNION
       SELECT f.account_id, f.day, f.net, NULL FROM f LEFT JOIN e USING (account_id, day) WHERE e.n IS NULL
       UNION
       SELECT d.account_id, d.day, d.net, f.net FROM d LEFT JOIN f USING (account_id, day) WHERE d.n IS NOT f.n OR d.net IS NOT f.net
       ORDER BY 1, 2`,
    )
    .all({ account: accountId }) as { accountId: number; day: string; stored: number | null; expected: number | null }[];
  const seen = new Set<string>();
  const out: Omit<EquityDiscrepancy, 'accountName'>[] = [];
  for (const r of rows) {
    const key = `${r.accountId}|${r.day}`;
    if (seen.has(key) || equityWrong.has(key)) continue;
    seen.add(key);
    out.push({ accountId: r.accountId, day: r.day, field: 'analytics_day_facts', stored: r.stored, expected: r.expected, difference: (r.expected ?? 0) - (r.stored ?? 0) });
  }
  return out;
}
