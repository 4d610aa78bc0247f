import { existsSync, rmSync, statSync } from 'node:fs';
import { openDb } from '../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../electron/main/services/db/migrations-folder';
import { loadDemoJournal } from '../../electron/main/services/demo/load-demo';
import type { DemoLoadResult } from '../../shared/ipc/channels/app';

export interface SeedFileOptions {
  trades: number;
  seed: number;
  now: number;
  /** Delete an existing file (and its -wal/-shm) before seeding. */
  force: boolean;
}

export interface SeedFileResult extends DemoLoadResult {
  openMs: number;
  tagLinks: number;
  dailyEquityDays: number;
  fileBytes: number;
}

export class SeedRefusedError extends Error {}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Seeds a demo journal into a database file that holds no journal yet. On a brand-new
 * file nothing can be lost, so the bulk load runs without a rollback journal or fsyncs;
 * the normal WAL settings are restored before the file is handed back.
 */
export function seedJournalFile(path: string, options: SeedFileOptions): SeedFileResult {
  if (options.force) removeDatabase(path);
  const brandNew = !existsSync(path);
  const openStarted = performance.now();
  const handle = openDb(path, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
  const openMs = performance.now() - openStarted;
  try {
    const { accounts, trades } = handle.sqlite
      .prepare('SELECT (SELECT COUNT(*) FROM accounts) AS accounts, (SELECT COUNT(*) FROM trades) AS trades')
      .get() as { accounts: number; trades: number };
    if (accounts > 0 || trades > 0) {
      throw new SeedRefusedError(
        `${path} already holds a journal (${accounts} accounts, ${trades} trades). Pass --force to delete the file and seed a new one.`,
      );
    }
    if (brandNew) {
      handle.sqlite.pragma('journal_mode = OFF');
      handle.sqlite.pragma('synchronous = OFF');
      handle.sqlite.pragma('cache_size = -262144');
    }
    const result = loadDemoJournal(handle.sqlite, { trades: options.trades, seed: options.seed, now: options.now });
    if (brandNew) {
      handle.sqlite.pragma('cache_size = -32000');
      handle.sqlite.pragma('synchronous = NORMAL');
      handle.sqlite.pragma('journal_mode = WAL');
    }
    handle.sqlite.pragma('optimize');
    const tagLinks = handle.sqlite.prepare('SELECT COUNT(*) FROM trade_tags').pluck().get() as number;
    const dailyEquityDays = handle.sqlite.prepare('SELECT COUNT(*) FROM daily_equity').pluck().get() as number;
    handle.close();
    return { ...result, openMs: Math.round(openMs), tagLinks, dailyEquityDays, fileBytes: statSync(path).size };
  } catch (error) {
    handle.close();
    throw error;
  }
}
