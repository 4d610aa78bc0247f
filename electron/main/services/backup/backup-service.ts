import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Sqlite } from '../db/client';
import type { Clock } from '../clock';
import type { Desktop } from '../desktop-port';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logging';
import type { SettingsStore } from '../settings/settings-store';
import { AppError } from '../errors';
import { checkFolderToCreate } from '../files/folder-check';
import {
  backupFileName,
  listBackups,
  resolveBackupFolder,
  rotateBackups,
  type AutoBackupKind,
  type BackupFile,
} from './backup-files';
import { checkBackupFile, copyIntoLive, migrateCopy } from './restore';

export interface BackupResult {
  path: string;
  bytes: number;
  durationMs: number;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The automatic backup of the journal as it was just before the restore. */
  preRestoreBackup: string;
  /** Rows per restored table. */
  tables: Record<string, number>;
  durationMs: number;
  /** What reconciling the restored journal found and repaired before success was reported. */
  reconciled?: { daysRebuilt: number; tradesRepaired: number; validation: string } | undefined;
}

export interface BackupDeps {
  sqlite: Sqlite;
  dbPath: string;
  migrationsFolder: string;
  /** The folder createServices was configured with (ServicesConfig.backupDir). */
  configuredFolder: string | undefined;
  settings: SettingsStore;
  desktop: Desktop;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  /**
   * Brings the restored tables in line before success is reported: stale trade days and nets
   * repaired, daily equity rebuilt from the trades, then validated (the equity service's rebuild).
   */
  reconcile?: () => Promise<NonNullable<RestoreResult['reconciled']>>;
}

const DAY_MS = 86_400_000;
const CHECK_EVERY_MS = 3_600_000;
// The first daily check waits a little so start-up is never slowed by a backup.
const FIRST_CHECK_MS = 5 * 60_000;

/**
 * Backups of the open journal with SQLite's online backup API (readers and writers carry on
 * while pages are copied), automatic rotating backups (daily, before every restore; the
 * pre-migration ones come from db/client.ts into the same folder) and restore.
 */
export function createBackupService(deps: BackupDeps) {
  const { sqlite, dbPath, settings, desktop, clock, logger, events } = deps;
  let timer: unknown = null;
  let running: Promise<unknown> | null = null;

  const folder = () => resolveBackupFolder(settings.get('backupFolder'), deps.configuredFolder, dbPath);

  /** Online backup into `<target>.partial`, then an atomic rename: a target is never half written. */
  const backupTo = async (target: string): Promise<BackupResult> => {
    const started = performance.now();
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    try {
      await sqlite.backup(partial);
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      throw new AppError('io', `Could not write the backup to ${target}: ${code ?? (error as Error).message}. Check that the folder exists, is writable and has free space.`);
    }
    const result = { path: target, bytes: statSync(target).size, durationMs: Math.round(performance.now() - started) };
    logger.info('backup.written', { ...result });
    return result;
  };

  // One backup or restore at a time: a second request waits for the first.
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    while (running) await running.catch(() => undefined);
    const promise = work();
    running = promise;
    try {
      return await promise;
    } finally {
      running = null;
    }
  };

  const automatic = async (kind: AutoBackupKind): Promise<BackupResult> => {
    const dir = folder();
    const result = await backupTo(join(dir, backupFileName(dbPath, kind, clock.now())));
    const removed = rotateBackups(dir, dbPath, settings.get('backupKeep'));
    if (removed.length > 0) logger.info('backup.rotated', { kind, removed: removed.length });
    return result;
  };

  const dailyDue = (): boolean => {
    const last = listBackups(folder(), dbPath).find((file) => file.kind === 'daily');
    return last === undefined || clock.now() - last.createdAt >= DAY_MS;
  };

  const tick = () => {
    timer = null;
    const next = () => {
      timer = clock.setTimeout(tick, CHECK_EVERY_MS);
    };
    if (!dailyDue()) return next();
    exclusive(() => automatic('daily'))
      .catch((error) => logger.error('backup.daily.failed', { error }))
      .finally(next);
  };

  /** Checks then restores `path` (main's own callers); with no path, asks for the file (null when cancelled). */
  const restore = async (path?: string): Promise<RestoreResult | null> => {
    const source =
      path ??
      (await desktop.chooseOpenPath({ title: 'Restore a backup', filters: [{ name: 'Spark Journal backup', extensions: ['db'] }] }));
    if (source === null) return null;
    if (!existsSync(source) || !statSync(source).isFile()) {
      throw new AppError('not_found', `${source} does not exist. Choose an existing backup file.`);
    }
    return exclusive(async () => {
      const started = performance.now();
      const scratch = mkdtempSync(join(tmpdir(), 'spark-restore-'));
      try {
        // Check a private copy: the chosen file is never opened for writing or changed.
        const copy = join(scratch, 'candidate.db');
        copyFileSync(source, copy);
        checkBackupFile(copy, deps.migrationsFolder, `The file ${source}`);
        migrateCopy(copy, deps.migrationsFolder, join(scratch, 'backups'));
        const before = await automatic('pre-restore');
        const tables = copyIntoLive(sqlite, copy);
        // A backup's daily_equity (or a trade's stored day) may be wrong: reconcile first.
        const reconciled = deps.reconcile ? await deps.reconcile() : undefined;
        const result = {
          restoredFrom: source,
          preRestoreBackup: before.path,
          tables,
          durationMs: Math.round(performance.now() - started),
          reconciled,
        };
        logger.info('backup.restored', { restoredFrom: source, preRestoreBackup: before.path, durationMs: result.durationMs });
        events.emit('journal:changed', { reason: 'restore' });
        return result;
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  };

  return {
    folder,
    list(): BackupFile[] {
      return listBackups(folder(), dbPath);
    },
    backupTo: (target: string) => exclusive(() => backupTo(target)),
    /** Asks where to save (null when the user cancels) and writes an online backup there. */
    async backupInteractive(): Promise<BackupResult | null> {
      const day = new Date(clock.now()).toISOString().slice(0, 10);
      const target = await desktop.chooseSavePath({
        title: 'Back up the journal',
        suggestedName: `spark-journal-backup-${day}.db`,
        filters: [{ name: 'Spark Journal backup', extensions: ['db'] }],
      });
      if (target === null) return null;
      // Checked before backupTo creates the folder: a typed /proc path is refused, never mkdir'ed.
      const chosenFolder = checkFolderToCreate(dirname(target));
      if (!chosenFolder.ok) throw new AppError('validation', `The backup cannot be saved there: ${chosenFolder.reason}`);
      return exclusive(() => backupTo(join(chosenFolder.path, basename(target))));
    },
    runAutomatic: (kind: AutoBackupKind) => exclusive(() => automatic(kind)),
    /** Restores one of the backups list() shows, by file name: the renderer never names a path. */
    async restoreListed(name: string): Promise<RestoreResult | null> {
      const listed = listBackups(folder(), dbPath).find((file) => file.fileName === name);
      if (!listed) {
        throw new AppError('not_found', `There is no backup named "${name}" in the backup folder. Pick one from the list, or restore from a file.`);
      }
      return restore(listed.path);
    },
    restore,
    /** Rotates what exists (pre-migration backups included) and starts the daily check. */
    start(): void {
      try {
        rotateBackups(folder(), dbPath, settings.get('backupKeep'));
      } catch (error) {
        logger.warn('backup.rotate.failed', { error });
      }
      if (timer === null) timer = clock.setTimeout(tick, FIRST_CHECK_MS);
    },
    async stop(): Promise<void> {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
