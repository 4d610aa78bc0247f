import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceAnalyticsWorker } from '../../../../electron/main/services/analytics/analytics-thread';
import { openDb } from '../../../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { SQLITE_BINDING_ENV } from '../../../../electron/main/services/db/sqlite-binding';
import { sourceValidationWorker } from '../../../../electron/main/services/equity/validation-threads';
import { spawnWorkerEntry, type WorkerEntry } from '../../../../electron/main/services/workers/worker-entry';

// Worker threads cannot ask Electron which better-sqlite3 build to load: they take main's
// choice from the environment they inherit. A binding that does not exist proves they
// really load the one named there and not node_modules' default.
let dir: string;
let dbPath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spark-worker-binding-'));
  dbPath = join(dir, 'journal.db');
  openDb(dbPath, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER }).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 'answered' once the worker (which opens its database first) replies to a request; else its error. */
function startError(entry: WorkerEntry, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    const worker = spawnWorkerEntry(entry, { workerData: { dbPath }, env, stdout: true, stderr: true });
    worker.on('error', (error) => resolve(error.message));
    // Understood by both entries: analytics answers a summary, validation refuses a follower
    // without a barrier. Either reply comes after the connection opened.
    worker.postMessage({ id: 1, method: 'summary', args: [{}], runId: 1, role: 'follower' });
    worker.on('message', () => void worker.terminate().then(() => resolve('answered')));
  });
}

describe('worker threads open SQLite with the binding main chose', () => {
  const bogus = join(tmpdir(), 'no-such-electron-build', 'better_sqlite3.node');
  const cases: Array<[string, () => WorkerEntry]> = [
    ['analytics', sourceAnalyticsWorker],
    ['equity validation', sourceValidationWorker],
  ];
  for (const [name, entry] of cases) {
    it(`${name}: loads the binding named in ${SQLITE_BINDING_ENV}`, async () => {
      expect(await startError(entry(), { ...process.env, [SQLITE_BINDING_ENV]: bogus })).toContain('no-such-electron-build');
      const env = { ...process.env };
      delete env[SQLITE_BINDING_ENV];
      expect(await startError(entry(), env)).toBe('answered');
    });
  }
});
