import type { Sqlite } from '../db/client';

/** The triggers of migration 0003 that keep trade_filter_counts exact on every trade write. */
const COUNT_TRIGGERS = ['trades_filter_counts_insert', 'trades_filter_counts_delete', 'trades_filter_counts_update'] as const;

/** Recomputes trade_filter_counts from the trades (set-based: one GROUP BY). */
export function rebuildTradeFilterCounts(sqlite: Sqlite): void {
  sqlite.exec(`
    DELETE FROM trade_filter_counts;
    INSERT INTO trade_filter_counts (account_id, close_day, instrument_id, direction, status, trades)
      SELECT account_id, close_day, instrument_id, direction, status, COUNT(*) FROM trades
      GROUP BY account_id, close_day, instrument_id, direction, status;`);
}

/**
 * Runs a bulk write with the count triggers lifted, then rebuilds the counts once and
 * restores the triggers from their stored definitions: one GROUP BY instead of a
 * trigger run per row. Must run inside a transaction, so a failure rolls all of it back.
 */
export function withTradeFilterCountsDeferred(sqlite: Sqlite, write: () => void): void {
  if (!sqlite.inTransaction) throw new Error('withTradeFilterCountsDeferred must run inside a transaction');
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${COUNT_TRIGGERS.map(() => '?').join(', ')})`)
    .all(...COUNT_TRIGGERS) as { name: string; sql: string }[];
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  write();
  rebuildTradeFilterCounts(sqlite);
  for (const { sql } of triggers) sqlite.exec(sql);
}
