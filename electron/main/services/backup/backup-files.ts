import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../db/open-sqlite';
import { checkWritableFolder } from '../files/folder-check';

/**
 * Automatic backups live in one folder and are named like the pre-migration backups that
 * db/client.ts writes: `<db name>-<kind>-<ISO time with : and . as ->.db`, so one listing
 * and one rotation cover all of them.
 */
export const AUTO_BACKUP_KINDS = ['pre-migration', 'pre-restore', 'daily'] as const;
export type AutoBackupKind = (typeof AUTO_BACKUP_KINDS)[number];

export interface BackupFile {
  path: string;
  fileName: string;
  kind: AutoBackupKind;
  createdAt: number;
  bytes: number;
}

/** The stamp db/client.ts uses: ISO 8601 with ':' and '.' replaced, sortable as text. */
export function backupStamp(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}

function parseStamp(stamp: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  if (!m) return null;
  const at = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at) ? null : at;
}

export function backupFileName(dbPath: string, kind: AutoBackupKind, at: number): string {
  return `${basename(dbPath, '.db')}-${kind}-${backupStamp(at)}.db`;
}

/** Folder precedence: the user's setting, then the configured folder, then `backups` next to the database. */
export function resolveBackupFolder(setting: string, configured: string | undefined, dbPath: string): string {
  if (setting.trim() !== '') return setting.trim();
  return configured ?? join(dirname(dbPath), 'backups');
}

/**
 * The backupFolder setting read straight from the database file before it is opened for
 * real, so the pre-migration backup already goes where the user wants. '' when the file,
 * the table or the row does not exist yet, or when the folder is no longer a usable folder
 * (the settings store logs why): mkdir under /proc would block start-up.
 */
export function readBackupFolderSetting(dbPath: string): string {
  if (!existsSync(dbPath)) return '';
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openSqlite(dbPath, { fileMustExist: true });
    const row = sqlite.prepare("SELECT value_json AS v FROM settings WHERE key = 'backupFolder'").get() as { v: string } | undefined;
    const value: unknown = row ? JSON.parse(row.v) : '';
    if (typeof value !== 'string' || value.trim() === '') return '';
    const check = checkWritableFolder(value.trim());
    return check.ok ? check.path : '';
  } catch {
    return '';
  } finally {
    sqlite?.close();
  }
}

/** Automatic backups of this database in the folder, newest first. */
export function listBackups(folder: string, dbPath: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  const prefix = `${basename(dbPath, '.db')}-`;
  const files: BackupFile[] = [];
  for (const fileName of readdirSync(folder)) {
    if (!fileName.startsWith(prefix) || !fileName.endsWith('.db')) continue;
    const rest = fileName.slice(prefix.length, -3);
    const kind = AUTO_BACKUP_KINDS.find((k) => rest.startsWith(`${k}-`));
    if (!kind) continue;
    const createdAt = parseStamp(rest.slice(kind.length + 1));
    if (createdAt === null) continue;
    const path = join(folder, fileName);
    files.push({ path, fileName, kind, createdAt, bytes: statSync(path).size });
  }
  return files.sort((a, b) => b.createdAt - a.createdAt || b.fileName.localeCompare(a.fileName));
}

/** Keeps the newest `keep` backups of each kind; returns the deleted paths. */
export function rotateBackups(folder: string, dbPath: string, keep: number): string[] {
  const deleted: string[] = [];
  for (const kind of AUTO_BACKUP_KINDS) {
    const ofKind = listBackups(folder, dbPath).filter((file) => file.kind === kind);
    for (const file of ofKind.slice(keep)) {
      rmSync(file.path, { force: true });
      deleted.push(file.path);
    }
  }
  return deleted;
}
