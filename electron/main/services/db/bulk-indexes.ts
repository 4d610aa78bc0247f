import type { Sqlite } from './client';

/**
 * Runs a bulk write with the tables' secondary indexes dropped, then recreates them from
 * their stored definitions: one sort per index instead of a B-tree insert per row per
 * index (the trades table carries over a dozen). The write must not read through those
 * indexes. Must run inside a transaction: a failure (a duplicate in a unique index
 * included) rolls the indexes back with everything else.
 */
export function withIndexesDeferred(sqlite: Sqlite, tables: readonly string[], write: () => void): void {
  if (!sqlite.inTransaction) throw new Error('withIndexesDeferred must run inside a transaction');
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
  write();
  for (const { sql } of indexes) sqlite.exec(sql);
}
