import type { Sqlite } from '../db/client';
import { withAnalyticsDeferred } from '../analytics/day-facts-maintenance';

/**
 * The triggers that keep trade_filter_counts (migration 0003) and trade_tag_filter_counts
 * (migration 0004) exact on every write to trades and trade_tags.
 */
export const COUNT_TRIGGERS = [
  'trades_filter_counts_insert',
  'trades_filter_counts_delete',
  'trades_filter_counts_update',
  'trade_tags_tag_filter_counts_insert',
  'trade_tags_tag_filter_counts_delete',
  'trade_tags_tag_filter_counts_update',
  'trades_tag_filter_counts_update',
  'trades_tag_filter_counts_delete',
] as const;

/** Recomputes trade_filter_counts from the trades (set-based: one GROUP BY). */
export function rebuildTradeFilterCounts(sqlite: Sqlite): void {
  sqlite.exec(`
    DELETE FROM trade_filter_counts;
    INSERT INTO trade_filter_counts (account_id, close_day, instrument_id, direction, status, trades)
      SELECT account_id, close_day, instrument_id, direction, status, COUNT(*) FROM trades
      GROUP BY account_id, close_day, instrument_id, direction, status;`);
}

/** Recomputes trade_tag_filter_counts from the tag links and their trades (one GROUP BY). */
export function rebuildTradeTagFilterCounts(sqlite: Sqlite): void {
  sqlite.exec(`
    DELETE FROM trade_tag_filter_counts;
    INSERT INTO trade_tag_filter_counts (tag_id, account_id, close_day, instrument_id, direction, status, trades)
      SELECT tt.tag_id, t.account_id, t.close_day, t.instrument_id, t.direction, t.status, COUNT(*)
      FROM trade_tags tt JOIN trades t ON t.id = tt.trade_id
      GROUP BY tt.tag_id, t.account_id, t.close_day, t.instrument_id, t.direction, t.status;`);
}

/**
 * Runs a bulk write with the count triggers lifted, then rebuilds both count tables once
 * and restores the triggers from their stored definitions: one GROUP BY per table instead
 * of a trigger run per row. Must run inside a transaction, so a failure rolls all of it back.
 * The analytics day facts are deferred with them (each touched day recomputed once).
 */
export function withTradeFilterCountsDeferred(sqlite: Sqlite, write: () => void): void {
  if (!sqlite.inTransaction) throw new Error('withTradeFilterCountsDeferred must run inside a transaction');
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${COUNT_TRIGGERS.map(() => '?').join(', ')})`)
    .all(...COUNT_TRIGGERS) as { name: string; sql: string }[];
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  withAnalyticsDeferred(sqlite, write);
  rebuildTradeFilterCounts(sqlite);
  rebuildTradeTagFilterCounts(sqlite);
  for (const { sql } of triggers) sqlite.exec(sql);
}
