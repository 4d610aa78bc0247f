import type { Sqlite } from '../db/client';

/**
 * Equity of a set of accounts at the start of any trading day: their starting balances plus
 * the net P&L of every closed trade on earlier days, read from the daily_equity ledger.
 */
export function dayStartEquity(sqlite: Sqlite, accountIds: number[]): (day: string) => number {
  if (accountIds.length === 0) return () => 0;
  const ids = JSON.stringify(accountIds);
  const base =
    (sqlite.prepare('SELECT SUM(starting_balance_cents) FROM accounts WHERE id IN (SELECT value FROM json_each(?))').pluck().get(ids) as
      | number
      | null) ?? 0;
  const rows = sqlite
    .prepare(
      `SELECT day, SUM(net_pnl_cents) AS net FROM daily_equity
       WHERE account_id IN (SELECT value FROM json_each(?)) GROUP BY day ORDER BY day`,
    )
    .all(ids) as { day: string; net: number }[];
  // before[i] = equity at the start of rows[i].day.
  const days = rows.map((r) => r.day);
  const before: number[] = [];
  let running = base;
  for (const r of rows) {
    before.push(running);
    running += r.net;
  }
  return (day) => {
    // The first ledger day on or after `day`: everything before it is already in.
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo < days.length ? before[lo]! : running;
  };
}
