import type { Sqlite } from '../db/client';

/**
 * The row triggers of migration 0013 that keep analytics_day_facts and analytics_utc_days
 * exact on every write to trades and trade_tags. Each recomputes the touched day whole
 * (through the analytics_day_refresh / analytics_utc_refresh views), which is right for
 * the few rows an edit touches and wasteful for a bulk write: see withAnalyticsDeferred.
 * A migration that rebuilds trades or trade_tags (copy, drop, rename) must drop these
 * first and recreate them after, like the count triggers (journal/trade-filter-counts.ts).
 */
export const ANALYTICS_TRIGGERS = [
  'trades_analytics_insert',
  'trades_analytics_delete',
  'trades_analytics_update',
  'trade_tags_analytics_insert',
  'trade_tags_analytics_delete',
  'trade_tags_analytics_update',
] as const;

const UTC_DAY = (ms: string) => `(${ms} - (((${ms} % 86400000) + 86400000) % 86400000)) / 86400000`;
// The unary + keeps the planner off the status index (half the table) when a better one applies.
const CLOSED = (r: string) => `+${r}.status = 'closed' AND ${r}.close_day IS NOT NULL`;

/**
 * Recomputes the day facts from the trades: every account-day and UTC day, or those of one
 * account. Runs as a savepoint inside the caller's transaction, if any.
 */
export function rebuildAnalyticsDayFacts(sqlite: Sqlite, accountId: number | null = null): void {
  const run = sqlite.transaction(() => {
    if (accountId === null) {
      sqlite.exec('DELETE FROM analytics_day_facts; DELETE FROM analytics_utc_days;');
      sqlite.exec(`INSERT INTO analytics_day_refresh (account_id, day, tags_only)
        SELECT DISTINCT account_id, close_day, 0 FROM trades t WHERE ${CLOSED('t')}`);
      sqlite.exec(`INSERT INTO analytics_utc_refresh (utc_day) SELECT DISTINCT ${UTC_DAY('closed_at')} FROM trades t WHERE ${CLOSED('t')}`);
      return;
    }
    sqlite.prepare('DELETE FROM analytics_day_facts WHERE account_id = ?').run(accountId);
    sqlite
      .prepare(`INSERT INTO analytics_day_refresh (account_id, day, tags_only)
        SELECT DISTINCT account_id, close_day, 0 FROM trades t WHERE t.account_id = ? AND ${CLOSED('t')}`)
      .run(accountId);
    sqlite
      .prepare(`INSERT INTO analytics_utc_refresh (utc_day)
        SELECT DISTINCT ${UTC_DAY('closed_at')} FROM trades t WHERE t.account_id = ? AND ${CLOSED('t')}`)
      .run(accountId);
  });
  if (sqlite.inTransaction) run();
  else run.immediate();
}

/**
 * Runs a bulk write with the analytics row triggers lifted: temporary triggers only note
 * which account-days and UTC days the write touches, and each is recomputed once at the
 * end, instead of once per row. Must run inside a transaction, so a failure rolls the
 * triggers back with everything else. Imports, their undo, tag merges and deletes and
 * deletes of many trades run under it.
 */
export function withAnalyticsDeferred<T>(sqlite: Sqlite, write: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withAnalyticsDeferred must run inside a transaction');
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${ANALYTICS_TRIGGERS.map(() => '?').join(', ')})`)
    .all(...ANALYTICS_TRIGGERS) as { name: string; sql: string }[];
  // Nested deferral (an import inside a deferred block): the outer one notes and refreshes.
  if (triggers.length === 0) return write();
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  const markDay = (r: string) =>
    `INSERT OR IGNORE INTO temp.analytics_dirty_days (account_id, day) SELECT ${r}.account_id, ${r}.close_day WHERE ${CLOSED(r)};
     INSERT OR IGNORE INTO temp.analytics_dirty_utc (utc_day) SELECT ${UTC_DAY(`${r}.closed_at`)} WHERE ${CLOSED(r)};`;
  const markTag = (r: string) =>
    `INSERT OR IGNORE INTO temp.analytics_dirty_days (account_id, day) SELECT t.account_id, t.close_day FROM main.trades t WHERE t.id = ${r}.trade_id AND ${CLOSED('t')};
     INSERT OR IGNORE INTO temp.analytics_dirty_utc (utc_day) SELECT ${UTC_DAY('t.closed_at')} FROM main.trades t WHERE t.id = ${r}.trade_id AND ${CLOSED('t')};`;
  sqlite.exec(`
    CREATE TEMP TABLE analytics_dirty_days (account_id INTEGER NOT NULL, day TEXT NOT NULL, PRIMARY KEY (account_id, day)) WITHOUT ROWID;
    CREATE TEMP TABLE analytics_dirty_utc (utc_day INTEGER PRIMARY KEY);
    CREATE TEMP TRIGGER analytics_mark_insert AFTER INSERT ON main.trades BEGIN ${markDay('NEW')} END;
    CREATE TEMP TRIGGER analytics_mark_delete AFTER DELETE ON main.trades BEGIN ${markDay('OLD')} END;
    CREATE TEMP TRIGGER analytics_mark_update AFTER UPDATE ON main.trades BEGIN ${markDay('OLD')} ${markDay('NEW')} END;
    CREATE TEMP TRIGGER analytics_mark_tag_insert AFTER INSERT ON main.trade_tags BEGIN ${markTag('NEW')} END;
    CREATE TEMP TRIGGER analytics_mark_tag_delete AFTER DELETE ON main.trade_tags BEGIN ${markTag('OLD')} END;
    CREATE TEMP TRIGGER analytics_mark_tag_update AFTER UPDATE ON main.trade_tags BEGIN ${markTag('OLD')} ${markTag('NEW')} END;`);
  let result: T;
  try {
    result = write();
    sqlite.exec(`
      INSERT INTO analytics_day_refresh (account_id, day, tags_only) SELECT account_id, day, 0 FROM temp.analytics_dirty_days;
      INSERT INTO analytics_utc_refresh (utc_day) SELECT utc_day FROM temp.analytics_dirty_utc;`);
  } finally {
    sqlite.exec(`
      DROP TRIGGER temp.analytics_mark_insert; DROP TRIGGER temp.analytics_mark_delete; DROP TRIGGER temp.analytics_mark_update;
      DROP TRIGGER temp.analytics_mark_tag_insert; DROP TRIGGER temp.analytics_mark_tag_delete; DROP TRIGGER temp.analytics_mark_tag_update;
      DROP TABLE temp.analytics_dirty_days; DROP TABLE temp.analytics_dirty_utc;`);
  }
  for (const { sql } of triggers) sqlite.exec(sql);
  return result;
}

/**
 * Lifting the triggers is DDL, which makes every prepared statement of the connection
 * prepare again: worth it from this many rows on (a day's recompute costs about as much).
 */
export const ANALYTICS_DEFER_MIN_ROWS = 16;
