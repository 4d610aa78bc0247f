import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { openDb } from '../../../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { createServices, type Services } from '../../../../electron/main/services/app';
import { systemClock } from '../../../../electron/main/services/clock';
import { createMemoryLogger } from '../../../../electron/main/services/logging';
import { selectColumns } from '../../../../shared/domain/export-columns';
import { RecordingDesktop } from '../../../harness/recording-desktop';
import { seedExportJournal } from './export-fixture';
import { readCsv } from './read-back';
import { expectedRows } from './expected-rows';
import { csvGuarded, firstDifference } from './canonical';

const partials = () => readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.partial'));
const CHILD = fileURLToPath(new URL('./fixtures/export-child.ts', import.meta.url));
let dir = '';
let services: Services | null = null;

afterEach(async () => {
  await services?.close();
  services = null;
  rmSync(dir, { recursive: true, force: true });
});

it('an app process killed mid-export leaves a job that the next start re-queues, cleans and finishes correctly', async () => {
  dir = mkdtempSync(join(tmpdir(), 'spark-restart-'));
  const dbPath = join(dir, 'journal.db');
  const out = join(dir, 'out');
  mkdirSync(out);
  const target = join(out, 'trades.csv');
  const seed = openDb(dbPath, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
  seedExportJournal(seed.sqlite, { trades: 3000, now: Date.now() });
  seed.close();

  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, target], {
    env: { ...process.env, SPARK_EXPORT_FAULT: JSON.stringify({ kind: 'slow', delayMs: 200 }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const jobId = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /RUNNING (\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;

  // What the killed process left behind: a running job and a torn partial file.
  expect(partials()).toHaveLength(1);
  const peek = openDb(dbPath, { readonly: true });
  expect(peek.sqlite.prepare('SELECT status, attempt FROM export_jobs WHERE id = ?').get(jobId)).toEqual({ status: 'running', attempt: 1 });
  peek.close();

  const logger = createMemoryLogger();
  services = createServices({
    dbPath,
    migrationsFolder: SOURCE_MIGRATIONS_FOLDER,
    desktop: new RecordingDesktop(out),
    clock: systemClock,
    logger,
  });
  // Recovery happens at start, before any worker runs again.
  expect(logger.lines.find((l) => l.event === 'export.job.recovered')).toMatchObject({ jobId, partialRemoved: true });
  const job = await services.exports.waitFor(jobId);
  expect(job).toMatchObject({ status: 'completed', attempt: 1, error: null });
  expect(partials()).toEqual([]);
  const columns = selectColumns('trades', undefined);
  const csv = readCsv(target, columns);
  expect(csv.rows.length).toBe(3000);
  expect(
    firstDifference(columns, csv.rows, expectedRows(services.db.sqlite, 'trades', columns, job.startedAt!), { textOf: (_k, s) => csvGuarded(s) }),
  ).toBeNull();
}, 60_000);
