import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './open-sqlite';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { registerJournalFunctions } from './journal-functions';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
  sqlite: Sqlite;
  db: Db;
  close(): void;
}

export interface OpenDbOptions {
  /** Folder with drizzle-kit's SQL files and meta/_journal.json. Required unless readonly. */
  migrationsFolder?: string;
  /** Where the automatic pre-migration backup goes; defaults to `<db dir>/backups`. */
  backupDir?: string;
  readonly?: boolean;
  /** Injected so tests can pin backup file names. */
  now?: () => number;
}

function applyPragmas(sqlite: Sqlite, readonly: boolean): void {
  // WAL lets the export worker read while the app writes; busy_timeout rides out
  // the short write locks instead of surfacing SQLITE_BUSY to the user.
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  if (!readonly) sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -32000');
  sqlite.pragma('temp_store = MEMORY');
}

interface JournalFile {
  entries: { tag: string }[];
}

function pendingMigrationCount(sqlite: Sqlite, migrationsFolder: string): number {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as JournalFile;
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return journal.entries.length;
  const row = sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number };
  return Math.max(0, journal.entries.length - row.n);
}

function hasUserTables(sqlite: Sqlite): boolean {
  return (
    sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1")
      .get() !== undefined
  );
}

/**
 * Snapshot the database before a schema change. VACUUM INTO writes a consistent,
 * compact copy even while WAL holds uncommitted pages, and it is synchronous, which
 * start-up needs.
 */
export function backupBeforeMigration(sqlite: Sqlite, dbPath: string, backupDir: string, at: number): string {
  mkdirSync(backupDir, { recursive: true });
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const target = join(backupDir, `${basename(dbPath, '.db')}-pre-migration-${stamp}.db`);
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Opens the journal database, applying pending migrations (after a backup) unless readonly. */
export function openDb(dbPath: string, options: OpenDbOptions = {}): DbHandle {
  const readonly = options.readonly ?? false;
  if (!readonly) mkdirSync(dirname(dbPath), { recursive: true });
  if (readonly && !existsSync(dbPath)) {
    throw new Error(`Database file not found: ${dbPath}`);
  }
  const sqlite = openSqlite(dbPath, { readonly, fileMustExist: readonly });
  try {
    applyPragmas(sqlite, readonly);
    registerJournalFunctions(sqlite);
    const db = drizzle(sqlite, { schema });
    if (!readonly) {
      if (!options.migrationsFolder) throw new Error('openDb: migrationsFolder is required for a writable database');
      if (pendingMigrationCount(sqlite, options.migrationsFolder) > 0 && hasUserTables(sqlite)) {
        backupBeforeMigration(
          sqlite,
          dbPath,
          options.backupDir ?? join(dirname(dbPath), 'backups'),
          (options.now ?? Date.now)(),
        );
      }
      // drizzle runs every pending migration inside one BEGIN/COMMIT.
      migrate(db, { migrationsFolder: options.migrationsFolder });
    }
    return { sqlite, db, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * The largest memory mapping SQLite takes in this build (SQLITE_MAX_MMAP_SIZE): `PRAGMA
 * mmap_size` is capped there, so this maps a journal of up to 2 GiB whole.
 */
export const MAX_MMAP_BYTES = 2_147_418_112;

/**
 * A bare connection to an existing journal that only ever holds the write lock for a
 * moment (validation's snapshot barrier): no migrations, no schema.
 */
export function openLockConnection(dbPath: string, busyTimeoutMs: number): Sqlite {
  const sqlite = openSqlite(dbPath, { fileMustExist: true });
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  return sqlite;
}
