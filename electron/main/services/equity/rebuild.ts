import type { Sqlite } from '../db/client';
import { expectedDailyEquitySql } from './expected-equity-sql';
import { rebuildAnalyticsDayFacts } from '../analytics/day-facts-maintenance';

/**
 * Replaces daily_equity rows with what the trades imply: for one account or all, from a
 * first day or from the start. Runs as a savepoint when the caller already holds a
 * transaction, so trade writes and their equity update commit or roll back together.
 */
export function writeExpectedEquity(sqlite: Sqlite, accountId: number | null, fromDay: string | null): { days: number } {
  const scope = { account: accountId !== null, fromDay: fromDay !== null };
  const where = [scope.account ? 'account_id = ?1' : '', scope.fromDay ? 'day >= ?2' : ''].filter(Boolean);
  const params = { ...(scope.account ? { 1: accountId } : {}), ...(scope.fromDay ? { 2: fromDay } : {}) };
  const run = sqlite.transaction(() => {
    sqlite.prepare(`DELETE FROM daily_equity ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).run(params);
    const result = sqlite
      .prepare(
        `INSERT INTO daily_equity (account_id, day, gross_pnl_cents, fees_cents, net_pnl_cents, trade_count,
           win_count, ending_equity_cents, peak_equity_cents, drawdown_cents)
         SELECT accountId, day, grossPnlCents, feesCents, netPnlCents, tradeCount, winCount,
           endingEquityCents, peakEquityCents, drawdownCents FROM (${expectedDailyEquitySql(scope)})`,
      )
      .run(params);
    return { days: result.changes };
  });
  return sqlite.inTransaction ? run() : run.immediate();
}

/**
 * Recomputes daily_equity from the trades for one account (or all), from scratch
 * (set-based), and the analytics day facts with it, in one transaction.
 */
export function rebuildDailyEquity(sqlite: Sqlite, accountId: number | null = null): { days: number } {
  const run = sqlite.transaction(() => {
    rebuildAnalyticsDayFacts(sqlite, accountId);
    return writeExpectedEquity(sqlite, accountId, null);
  });
  return sqlite.inTransaction ? run() : run.immediate();
}
