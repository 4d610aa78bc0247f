import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { openDb } from '../../../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { createServices, type Services, type ServicesConfig } from '../../../../electron/main/services/app';
import { systemClock } from '../../../../electron/main/services/clock';
import { createMemoryLogger } from '../../../../electron/main/services/logging';
import { createHandlers } from '../../../../electron/main/services/handlers';
import { selectColumns } from '../../../../shared/domain/export-columns';
import { ExportSpecSchema } from '../../../../shared/domain/export-params';
import { RecordingDesktop } from '../../../harness/recording-desktop';
import { seedExportJournal } from './export-fixture';
import { readCsv } from './read-back';
import { expectedRows } from './expected-rows';
import { csvGuarded, firstDifference } from './canonical';
import { faultyWorker, waitUntil } from './helpers';

const CHILD = fileURLToPath(new URL('./fixtures/export-child.ts', import.meta.url));
const TRADES = 3000;
let dir = '';
let out = '';
let dbPath = '';
const opened: Services[] = [];
let child: ChildProcess | null = null;

afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  for (const s of opened.splice(0)) await s.close();
  delete process.env.SPARK_EXPORT_FAULT;
  rmSync(dir, { recursive: true, force: true });
});

function journal(): void {
  dir = mkdtempSync(join(tmpdir(), 'spark-owner-'));
  dbPath = join(dir, 'journal.db');
  out = join(dir, 'out');
  mkdirSync(out);
  const seed = openDb(dbPath, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
  seedExportJournal(seed.sqlite, { trades: TRADES, now: Date.now() });
  seed.close();
}

function open(overrides: Partial<ServicesConfig> = {}) {
  const logger = createMemoryLogger();
  const desktop = new RecordingDesktop(out);
  const services = createServices({ dbPath, migrationsFolder: SOURCE_MIGRATIONS_FOLDER, desktop, clock: systemClock, logger, ...overrides });
  opened.push(services);
  return { services, logger, desktop };
}

const partials = () => readdirSync(out).filter((f) => f.endsWith('.partial'));
const csvSpec = ExportSpecSchema.parse({ type: 'trades', format: 'csv' });

function expectCompleteCsv(services: Services, path: string, startedAt: number): void {
  const columns = selectColumns('trades', undefined);
  const csv = readCsv(path, columns);
  expect(csv.rows.length).toBe(TRADES);
  expect(firstDifference(columns, csv.rows, expectedRows(services.db.sqlite, 'trades', columns, startedAt), { textOf: (_k, s) => csvGuarded(s) })).toBeNull();
}

it('start-up leaves alone a job that another live process runs, and that process finishes it', async () => {
  journal();
  const target = join(out, 'trades.csv');
  child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, target], {
    env: { ...process.env, SPARK_EXPORT_FAULT: JSON.stringify({ kind: 'slow', delayMs: 1500 }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const jobId = await new Promise<number>((resolve, reject) => {
    let text = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      const match = /RUNNING (\d+)/.exec((text += chunk.toString()));
      if (match) resolve(Number(match[1]));
    });
    child!.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });

  // The app starts on the same journal while the child's job runs.
  const { services, logger } = open();
  expect(logger.lines.filter((l) => l.event === 'export.job.recovered')).toEqual([]);
  expect(services.db.sqlite.prepare('SELECT status, attempt, owner_pid AS pid FROM export_jobs WHERE id = ?').get(jobId)).toEqual({
    status: 'running',
    attempt: 1,
    pid: child.pid,
  });
  expect(partials()).toHaveLength(1);
  const cancel = await createHandlers(services)['exports:cancel']({ id: jobId });
  expect(cancel).toEqual({
    ok: false,
    error: { code: 'conflict', message: `Export #${jobId} is being written by another Spark Journal process (the app or the command line); cancel it there.` },
  });

  // Waiting on it here follows the other process's job to its end.
  const done = await services.exports.waitFor(jobId);
  expect(done).toMatchObject({ status: 'completed', attempt: 1, error: null });
  expectCompleteCsv(services, target, done.startedAt!);
  expect(partials()).toEqual([]);
}, 90_000);

it('a process whose lease ran out loses the job: the new owner writes the file, the old run renames nothing and reports nothing', async () => {
  journal();
  const target = join(out, 'trades.csv');
  // Process A stops renewing its lease (a machine asleep, a stalled event loop) mid-run.
  const worker = faultyWorker({ kind: 'slow', delayMs: 400 });
  const a = open({
    exportWorker: worker,
    exportLease: { leaseMs: 300, heartbeatMs: 3_600_000 },
    exportOwner: { id: 'process-a', pid: process.pid, host: 'host-a' },
  });
  const finishedInA: number[] = [];
  a.services.events.subscribe((event, payload) => {
    if (event === 'exports:finished') finishedInA.push((payload as { job: { id: number } }).job.id);
  });
  const job = a.services.exports.enqueue(csvSpec, target);
  await waitUntil(() => partials().length === 1 && a.services.exports.get(job.id).status === 'running', 'A running');
  await new Promise((resolve) => setTimeout(resolve, 400));

  // Process B (another host sharing the journal) starts: A's lease has run out, so B takes over.
  const b = open({ exportWorker: worker, exportOwner: { id: 'process-b', pid: process.pid, host: 'host-b' } });
  expect(b.logger.lines.find((l) => l.event === 'export.job.recovered')).toMatchObject({ jobId: job.id, reason: 'lease_expired', partialRemoved: true });
  const done = await b.services.exports.waitFor(job.id);
  expect(done).toMatchObject({ status: 'completed', attempt: 1, error: null });

  // A's worker reached its rename, found the run token gone and left the target alone.
  await waitUntil(() => a.logger.lines.find((l) => l.event === 'export.job.lost'), 'A gives up');
  expect(a.logger.lines.filter((l) => l.event === 'export.job.completed')).toEqual([]);
  expect(finishedInA).toEqual([]);
  expect(await a.services.exports.waitFor(job.id)).toMatchObject({ status: 'completed' });
  expectCompleteCsv(b.services, target, done.startedAt!);
  expect(partials()).toEqual([]);
}, 90_000);

it('two jobs never target one file: the same save-dialog pick twice is a conflict, a default-folder name moves on', async () => {
  journal();
  const { services, desktop } = open({ exportWorker: faultyWorker({ kind: 'slow', delayMs: 500 }) });
  const handlers = createHandlers(services);
  const target = join(out, 'mine.csv');
  desktop.answerNextSave(target);
  const first = await handlers['exports:create']({ type: 'trades', format: 'csv' });
  expect(first.ok && first.data?.targetPath).toBe(target);
  desktop.answerNextSave(join(out, 'mine'));
  const second = await handlers['exports:create']({ type: 'trades', format: 'csv' });
  expect(second).toEqual({
    ok: false,
    error: {
      code: 'conflict',
      message: `Export #${first.ok ? first.data!.id : 0} is already writing ${target}. Wait for it to finish or cancel it, or choose another file name.`,
      details: { targetPath: target, jobId: first.ok ? first.data!.id : 0 },
    },
  });
  expect(services.exports.list({ offset: 0, limit: 10 })).toHaveLength(1);

  services.settings.update({ alwaysAskWhereToSave: false, defaultExportFolder: out });
  const a = await handlers['exports:create']({ type: 'goals', format: 'csv' });
  const b = await handlers['exports:create']({ type: 'goals', format: 'csv' });
  if (!a.ok || !b.ok) throw new Error('create failed');
  expect(b.data!.targetPath).toBe(a.data!.targetPath.replace(/\.csv$/, ' (2).csv'));
  for (const job of services.exports.list({ offset: 0, limit: 10 })) {
    if (job.status === 'queued' || job.status === 'running') services.exports.cancel(job.id);
  }
}, 60_000);
