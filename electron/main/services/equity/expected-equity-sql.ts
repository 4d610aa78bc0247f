/**
 * The daily equity that the trades imply, as one set-based query. Rebuild writes it,
 * validation compares it with what is stored. `?` binds an account id, or NULL for all.
 * Winners are trades with net P&L > 0; peak starts at the starting balance.
 */
export const EXPECTED_DAILY_EQUITY_SQL = `
  WITH per_day AS (
    SELECT t.account_id, t.close_day AS day,
           SUM(t.gross_pnl_cents) AS gross, SUM(t.fees_cents) AS fees, SUM(t.net_pnl_cents) AS net,
           COUNT(*) AS trades, SUM(t.net_pnl_cents > 0) AS wins
    FROM trades t
    WHERE t.status = 'closed' AND t.close_day IS NOT NULL AND (?1 IS NULL OR t.account_id = ?1)
    GROUP BY t.account_id, t.close_day
  ), running AS (
    SELECT d.*, a.starting_balance_cents + SUM(d.net) OVER w AS ending, a.starting_balance_cents AS start
    FROM per_day d JOIN accounts a ON a.id = d.account_id
    WINDOW w AS (PARTITION BY d.account_id ORDER BY d.day ROWS UNBOUNDED PRECEDING)
  ), peaks AS (
    SELECT r.*, MAX(r.start, MAX(r.ending) OVER w) AS peak
    FROM running r
    WINDOW w AS (PARTITION BY r.account_id ORDER BY r.day ROWS UNBOUNDED PRECEDING)
  )
  SELECT account_id AS accountId, day, gross AS grossPnlCents, fees AS feesCents, net AS netPnlCents,
         trades AS tradeCount, wins AS winCount, ending AS endingEquityCents, peak AS peakEquityCents,
         peak - ending AS drawdownCents
  FROM peaks`;
