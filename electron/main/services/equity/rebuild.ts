import type { Sqlite } from '../db/client';
import { EXPECTED_DAILY_EQUITY_SQL } from './expected-equity-sql';

/**
 * Recomputes daily_equity from the trades for one account (or all) in one
 * transaction. Set-based: no per-trade JavaScript loop, so it scales to a million trades.
 */
export function rebuildDailyEquity(sqlite: Sqlite, accountId: number | null = null): { days: number } {
  const run = sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM daily_equity WHERE (?1 IS NULL OR account_id = ?1)').run(accountId);
    const result = sqlite
      .prepare(
        `INSERT INTO daily_equity (account_id, day, gross_pnl_cents, fees_cents, net_pnl_cents, trade_count,
           win_count, ending_equity_cents, peak_equity_cents, drawdown_cents)
         SELECT accountId, day, grossPnlCents, feesCents, netPnlCents, tradeCount, winCount,
           endingEquityCents, peakEquityCents, drawdownCents FROM (${EXPECTED_DAILY_EQUITY_SQL})`,
      )
      .run(accountId);
    return { days: result.changes };
  });
  return run.immediate();
}
