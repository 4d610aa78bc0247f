import { readMigrationFiles } from 'drizzle-orm/migrator';
import type Database from 'better-sqlite3';
import { openSqlite } from '../db/open-sqlite';
import type { Sqlite } from '../db/client';
import { openDb } from '../db/client';
import { AppError } from '../errors';

/**
 * Tables a restore leaves alone: the schema bookkeeping (the live file is already at the
 * current version), machine preferences (settings: folders, theme, worker limits belong to
 * this install, and the settings store caches them), and the export queue's own state
 * (export_jobs, export_job_performance: the running queue holds those rows in memory).
 */
export const NOT_RESTORED = new Set(['__drizzle_migrations', 'settings', 'export_jobs', 'export_job_performance']);

const REQUIRED_TABLES = ['accounts', 'instruments', 'trades', 'daily_equity', '__drizzle_migrations'];

function userTables(sqlite: Sqlite, schema: string): string[] {
  return (
    sqlite
      .prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  ).map((row) => row.name);
}

function columnsOf(sqlite: Sqlite, schema: string, table: string): string[] {
  return (sqlite.prepare(`PRAGMA ${schema}.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
}

/**
 * Checks a candidate backup before anything is replaced: a readable SQLite file that passes
 * PRAGMA integrity_check and foreign_key_check, holds the journal's tables, and was written
 * by this or an older version of the app (its applied migrations are all known here).
 * `path` must be a private copy: the check may open it read-write.
 */
export function checkBackupFile(path: string, migrationsFolder: string, label: string): void {
  let candidate: Database.Database;
  try {
    candidate = openSqlite(path, { fileMustExist: true });
  } catch (error) {
    throw new AppError('validation', `${label} cannot be opened: ${(error as Error).message}. Choose a Spark Journal backup (.db).`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (candidate.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      throw new AppError('validation', `${label} is not a SQLite database (${(error as Error).message}). Choose a Spark Journal backup (.db).`);
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new AppError('validation', `${label} is damaged: integrity check reports ${integrity.slice(0, 3).join('; ')}. Nothing was restored; choose another backup.`, { problems: integrity.slice(0, 20) });
    }
    const tables = new Set(userTables(candidate, 'main'));
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) {
      throw new AppError('validation', `${label} is not a Spark Journal database: it has no ${missing.join(', ')} table. Nothing was restored.`);
    }
    const known = new Set(readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
    const applied = candidate.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as { at: number }[];
    if (applied.some((m) => !known.has(Number(m.at)))) {
      throw new AppError('validation', `${label} was written by a newer version of Spark Journal. Update the app, then restore it.`);
    }
    const orphans = candidate.prepare('PRAGMA foreign_key_check').all();
    if (orphans.length > 0) {
      throw new AppError('validation', `${label} has ${orphans.length} rows that point at missing rows (foreign key check). Nothing was restored; choose another backup.`);
    }
  } finally {
    candidate.close();
  }
}

/** Brings a checked private copy to the current schema (a backup from an older version). */
export function migrateCopy(path: string, migrationsFolder: string, scratchDir: string): void {
  openDb(path, { migrationsFolder, backupDir: scratchDir }).close();
}

/**
 * Replaces the journal's data with the checked, migrated copy's, inside ONE transaction on
 * the live connection: every service keeps its connection and prepared statements, other
 * connections (the export worker) keep reading their snapshot until they finish, and a
 * crash midway rolls back to the journal as it was. Returns rows per restored table.
 */
export function copyIntoLive(live: Sqlite, copyPath: string): Record<string, number> {
  live.prepare('ATTACH DATABASE ? AS restored').run(copyPath);
  try {
    const tables = userTables(live, 'main').filter((table) => !NOT_RESTORED.has(table));
    const theirs = new Set(userTables(live, 'restored'));
    const columns = new Map<string, string>();
    for (const table of tables) {
      if (!theirs.has(table)) throw new AppError('validation', `The backup has no table ${table} after migration; nothing was restored.`);
      const mine = columnsOf(live, 'main', table);
      const other = new Set(columnsOf(live, 'restored', table));
      const lacking = mine.filter((column) => !other.has(column));
      if (lacking.length > 0) {
        throw new AppError('validation', `The backup's ${table} table lacks ${lacking.join(', ')}; nothing was restored.`);
      }
      columns.set(table, mine.map((c) => `"${c}"`).join(', '));
    }
    return live
      .transaction(() => {
        // Checked once, at commit: rows arrive in table order, not dependency order.
        live.pragma('defer_foreign_keys = ON');
        // Triggers keep derived tables (e.g. filter counts) in step with live writes; the
        // backup's derived tables are already in step with its rows, so they are copied as
        // they are and the triggers sleep meanwhile (DDL is transactional in SQLite).
        const triggers = live
          .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")
          .all() as { name: string; sql: string }[];
        for (const trigger of triggers) live.prepare(`DROP TRIGGER main."${trigger.name}"`).run();
        for (const table of tables) live.prepare(`DELETE FROM main."${table}"`).run();
        const counts: Record<string, number> = {};
        for (const table of tables) {
          const list = columns.get(table)!;
          counts[table] = live.prepare(`INSERT INTO main."${table}" (${list}) SELECT ${list} FROM restored."${table}"`).run().changes;
        }
        const names = tables.map(() => '?').join(', ');
        live.prepare(`DELETE FROM main.sqlite_sequence WHERE name IN (${names})`).run(...tables);
        live
          .prepare(`INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restored.sqlite_sequence WHERE name IN (${names})`)
          .run(...tables);
        for (const trigger of triggers) live.exec(trigger.sql);
        return counts;
      })
      .immediate();
  } finally {
    live.prepare('DETACH DATABASE restored').run();
  }
}
