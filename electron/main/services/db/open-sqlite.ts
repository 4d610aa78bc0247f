import Database from 'better-sqlite3';
import { SQLITE_BINDING_ENV } from './sqlite-binding';

export type SqliteOptions = Omit<Database.Options, 'nativeBinding'>;

/**
 * Every SQLite connection of the app opens here, so main and its worker threads load the
 * binding main chose (sqlite-binding.ts) and plain Node keeps better-sqlite3's default.
 */
export function openSqlite(path: string, options: SqliteOptions = {}, env: NodeJS.ProcessEnv = process.env): Database.Database {
  const nativeBinding = env[SQLITE_BINDING_ENV];
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}
