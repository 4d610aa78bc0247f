export interface ExpectedEquityScope {
  /** Bind an account id as ?1 (else every account). */
  account: boolean;
  /** Bind a first day as ?2 (else all days). */
  fromDay: boolean;
}

/**
 * The daily equity that the trades imply, as one set-based query (no per-trade JavaScript).
 * Rebuild and every trade write store it. Validation recomputes independently: it sums the
 * days its own way (day-totals-sql.ts, split across threads) and applies the same
 * definitions to those day totals (validate.ts).
 *
 * With `fromDay`, each account's running figures continue from its stored row for the last
 * day before ?2 (the incremental path used on trade writes). The variants are separate SQL
 * texts rather than `?1 IS NULL OR ...` so that the planner can seek the index.
 *
 * Definitions: a trade counts on its close_day when status = 'closed'; a win is net P&L > 0;
 * ending equity = starting balance + cumulative net P&L; the peak starts at the starting
 * balance and is the running maximum of ending equity; drawdown = peak - ending (>= 0).
 *
 * The per-day GROUP BY reads only the covering partial index trades_equity_cover_idx
 * (WHERE status = 'closed': account_id, close_day, net, fees) in group order, so it
 * never touches the wide table rows and needs no sort. Gross is net plus fees: the schema
 * holds net = gross - fees on every trade (migration 0007). INDEXED BY pins it: without ANALYZE
 * statistics the planner prefers trades_status_idx, which reads every row and sorts.
 */
export function expectedDailyEquitySql(scope: ExpectedEquityScope): string {
  const tradeWhere = [
    "t.status = 'closed'",
    't.close_day IS NOT NULL',
    scope.account ? 't.account_id = ?1' : '',
    scope.fromDay ? 't.close_day >= ?2' : '',
  ].filter(Boolean);
  const prior = (column: string) =>
    scope.fromDay
      ? `COALESCE((SELECT e.${column} FROM daily_equity e WHERE e.account_id = a.id AND e.day < ?2
                   ORDER BY e.day DESC LIMIT 1), a.starting_balance_cents)`
      : 'a.starting_balance_cents';
  return `
  WITH per_day AS (
    SELECT t.account_id, t.close_day AS day,
           SUM(t.net_pnl_cents) + SUM(t.fees_cents) AS gross, SUM(t.fees_cents) AS fees, SUM(t.net_pnl_cents) AS net,
           COUNT(*) AS trades, SUM(t.net_pnl_cents > 0) AS wins
    FROM trades t INDEXED BY trades_equity_cover_idx
    WHERE ${tradeWhere.join(' AND ')}
    GROUP BY t.account_id, t.close_day
  ), base AS (
    SELECT a.id AS account_id, ${prior('ending_equity_cents')} AS ending0, ${prior('peak_equity_cents')} AS peak0
    FROM accounts a ${scope.account ? 'WHERE a.id = ?1' : ''}
  ), running AS (
    SELECT d.*, b.ending0 + SUM(d.net) OVER w AS ending, b.peak0 AS peak0
    FROM per_day d JOIN base b ON b.account_id = d.account_id
    WINDOW w AS (PARTITION BY d.account_id ORDER BY d.day ROWS UNBOUNDED PRECEDING)
  ), peaks AS (
    SELECT r.*, MAX(r.peak0, MAX(r.ending) OVER w) AS peak
    FROM running r
    WINDOW w AS (PARTITION BY r.account_id ORDER BY r.day ROWS UNBOUNDED PRECEDING)
  )
  SELECT account_id AS accountId, day, gross AS grossPnlCents, fees AS feesCents, net AS netPnlCents,
         trades AS tradeCount, wins AS winCount, ending AS endingEquityCents, peak AS peakEquityCents,
         peak - ending AS drawdownCents
  FROM peaks`;
}
