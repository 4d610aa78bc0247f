import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServices } from '../../../helpers/test-services';
import { ExportSpecSchema, type ExportSpec } from '../../../../shared/domain/export-params';
import { selectColumns } from '../../../../shared/domain/export-columns';
import type { ExportJob } from '../../../../shared/domain/export-job';
import { retryDelayMs } from '../../../../electron/main/services/exports/errors';
import { FakeClock } from '../equity/fake-clock';
import { faultyWorker, seededServices, waitUntil } from './helpers';
import { readCsv } from './read-back';
import { expectedRows } from './expected-rows';
import { firstDifference, csvGuarded } from './canonical';

const csvSpec: ExportSpec = ExportSpecSchema.parse({ type: 'trades', format: 'csv' });
let current: (TestServices & { out: string }) | null = null;

afterEach(async () => {
  await current?.cleanup();
  current = null;
  delete process.env.SPARK_EXPORT_FAULT;
});

const partials = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.partial'));
const perfRows = (t: TestServices) => t.services.exports.perfRuns({ offset: 0, limit: 100 }).reverse();

function expectCsvMatchesDb(t: TestServices, job: ExportJob) {
  const columns = selectColumns('trades', undefined);
  const csv = readCsv(job.targetPath, columns);
  expect(firstDifference(columns, csv.rows, expectedRows(t.services.db.sqlite, 'trades', columns, job.startedAt!), { textOf: (_k, s) => csvGuarded(s) })).toBeNull();
}

describe('export faults', () => {
  it('a worker that crashes mid-run is retried and the job completes with a correct file', async () => {
    const t = (current = seededServices(3000, { exportWorker: faultyWorker({ kind: 'crash', afterBytes: 100_000, marker: '' }) }));
    process.env.SPARK_EXPORT_FAULT = JSON.stringify({ kind: 'crash', afterBytes: 100_000, marker: join(t.dir, 'crashed') });
    const job = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, join(t.out, 'trades.csv')).id);
    expect(existsSync(join(t.dir, 'crashed'))).toBe(true);
    expect(job.status).toBe('completed');
    expect(job.attempt).toBe(2);
    expectCsvMatchesDb(t, job);
    expect(partials(t.out)).toEqual([]);
    const runs = perfRows(t);
    expect(runs.map((r) => [r.outcome, r.attempt])).toEqual([
      ['failed', 1],
      ['completed', 2],
    ]);
    const failed = t.logger.lines.find((l) => l.event === 'export.job.failed')!;
    expect(failed).toMatchObject({ errorClass: 'transient', errorCode: 'worker_crashed', willRetry: true, requestId: job.requestId });
    expect(t.desktop.notifications.at(-1)).toMatchObject({ title: 'Trades export finished', action: { kind: 'reveal', path: job.targetPath } });
  });

  it('disk full fails the job as terminal with no partial file, and the next job still runs', async () => {
    const t = (current = seededServices(3000, { exportWorker: faultyWorker({ kind: 'enospc', afterBytes: 50_000 }) }));
    const failed = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, join(t.out, 'full.csv')).id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ class: 'terminal', code: 'disk_full' });
    expect(failed.error!.message).toContain(t.out);
    expect(failed.attempt).toBe(1);
    expect(existsSync(failed.targetPath)).toBe(false);
    expect(partials(t.out)).toEqual([]);
    expect(t.desktop.notifications.at(-1)).toMatchObject({ title: 'Trades export failed', body: failed.error!.message });

    process.env.SPARK_EXPORT_FAULT = JSON.stringify({ kind: 'none' });
    const next = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, join(t.out, 'ok.csv')).id);
    expect(next.status).toBe('completed');
    expectCsvMatchesDb(t, next);
  });

  it('permission denied on the target is terminal (injected EACCES and a real read-only location)', async () => {
    const t = (current = seededServices(200, { exportWorker: faultyWorker({ kind: 'eacces' }) }));
    const injected = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, join(t.out, 'denied.csv')).id);
    expect(injected.error).toMatchObject({ class: 'terminal', code: 'permission_denied' });
    expect(injected.status).toBe('failed');
    expect(partials(t.out)).toEqual([]);

    if (process.platform === 'linux') {
      // /sys refuses new files even to root.
      process.env.SPARK_EXPORT_FAULT = JSON.stringify({ kind: 'none' });
      const real = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, '/sys/spark-journal-export.csv').id);
      expect(real.error).toMatchObject({ class: 'terminal', code: 'permission_denied' });
      expect(readdirSync('/sys').filter((f) => f.endsWith('.partial'))).toEqual([]);
    }
  });

  it('a target folder that disappeared is terminal and says so', async () => {
    const t = (current = seededServices(200));
    const gone = join(t.out, 'gone');
    const job = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, join(gone, 'x.csv')).id);
    expect(job.error).toMatchObject({ class: 'terminal', code: 'folder_missing' });
    expect(job.error!.message).toContain(gone);
  });

  it('cancel mid-run stops the worker, removes the partial file and records the cancel', async () => {
    const t = (current = seededServices(3000, { exportWorker: faultyWorker({ kind: 'slow', delayMs: 150 }) }));
    const progress: number[] = [];
    t.services.events.subscribe((event, payload) => {
      if (event === 'exports:progress') progress.push((payload as { rowsWritten: number }).rowsWritten);
    });
    const job = t.services.exports.enqueue(csvSpec, join(t.out, 'cancel.csv'));
    await waitUntil(() => progress.some((n) => n > 0) && partials(t.out).length > 0, 'progress');
    expect(t.services.exports.cancel(job.id).status).toBe('running');
    const done = await t.services.exports.waitFor(job.id);
    expect(done.status).toBe('cancelled');
    expect(done.error).toMatchObject({ class: 'cancelled' });
    expect(existsSync(job.targetPath)).toBe(false);
    expect(partials(t.out)).toEqual([]);
    expect(perfRows(t).map((r) => r.outcome)).toEqual(['cancelled']);
    expect(t.desktop.notifications).toEqual([]);
    expect(() => t.services.exports.cancel(job.id)).toThrow(/nothing to cancel/);

    // A queued job is cancelled at once; retry brings a cancelled job back.
    process.env.SPARK_EXPORT_FAULT = JSON.stringify({ kind: 'slow', delayMs: 100 });
    const first = t.services.exports.enqueue(csvSpec, join(t.out, 'a.csv'));
    const second = t.services.exports.enqueue(csvSpec, join(t.out, 'b.csv'));
    expect(t.services.exports.cancel(second.id)).toMatchObject({ status: 'cancelled' });
    t.services.exports.cancel(first.id);
    await t.services.exports.waitFor(first.id);
    process.env.SPARK_EXPORT_FAULT = JSON.stringify({ kind: 'none' });
    const retried = await t.services.exports.waitFor(t.services.exports.retry(second.id).id);
    expect(retried).toMatchObject({ status: 'completed', attempt: 1, error: null });
    expectCsvMatchesDb(t, retried);
  });

  it('retries transient failures at 500 ms x 2^attempt on the injected clock, at most 3 attempts', async () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelayMs)).toEqual([500, 1000, 2000, 4000, 30_000, 30_000, 30_000]);
    const clock = new FakeClock(Date.UTC(2024, 4, 1, 12));
    const t = (current = seededServices(100, { clock, exportWorker: faultyWorker({ kind: 'ebusy' }) }));
    const t0 = clock.now();
    const job = t.services.exports.enqueue(csvSpec, join(t.out, 'busy.csv'));
    const afterFirst = await waitUntil(() => {
      const j = t.services.exports.get(job.id);
      return j.status === 'queued' && j.attempt === 1 ? j : null;
    }, 'first failure');
    expect(afterFirst.nextAttemptAt).toBe(t0 + 500);
    expect(afterFirst.error).toMatchObject({ class: 'transient', code: 'ebusy' });
    expect(t.services.exports.health()).toMatchObject({ queued: 0, waitingRetry: 1, running: 0 });

    clock.advance(499);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.services.exports.get(job.id)).toMatchObject({ status: 'queued', attempt: 1 });

    clock.advance(1);
    const afterSecond = await waitUntil(() => {
      const j = t.services.exports.get(job.id);
      return j.status === 'queued' && j.attempt === 2 ? j : null;
    }, 'second failure');
    expect(afterSecond.nextAttemptAt).toBe(clock.now() + 1000);

    clock.advance(1000);
    const final = await t.services.exports.waitFor(job.id);
    expect(final).toMatchObject({ status: 'failed', attempt: 3, nextAttemptAt: null, error: { class: 'transient', code: 'ebusy' } });
    expect(perfRows(t).map((r) => [r.outcome, r.attempt])).toEqual([
      ['failed', 1],
      ['failed', 2],
      ['failed', 3],
    ]);
    // Counted once, as a job, by its final state.
    expect(t.services.exports.health()).toMatchObject({ queued: 0, waitingRetry: 0, failed: 1, retried: 1 });
    // The last attempt's words do not promise another one.
    expect(afterFirst.error!.message).toContain('It will be retried.');
    expect(final.error!.message).not.toContain('It will be retried');
    expect(final.error!.message).toContain('It was tried 3 times and will not be retried automatically.');
  });

  it('the soft memory limit fails the job as terminal and names the setting', async () => {
    const t = (current = seededServices(10_000, { exportWorker: faultyWorker({ kind: 'hog', mbPerWrite: 8 }) }));
    t.services.settings.update({ exportSoftMemoryMb: 48 });
    const job = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, join(t.out, 'soft.csv')).id);
    expect(job.error).toMatchObject({ class: 'terminal', code: 'memory' });
    expect(job.error!.message).toContain('exportSoftMemoryMb');
    expect(partials(t.out)).toEqual([]);
  });

  it('the hard heap cap kills the worker, not the app, and fails the job naming the setting', async () => {
    // 10,000 rows go out in about ten chunks (32 KiB doubling to 256 KiB), each pinning 16 MB: well past the 64 MB
    // cap. The pins stay small steps, as a real leak grows: one allocation larger than the whole cap takes V8
    // past the point where Node can stop the worker alone, and the process dies with it.
    const t = (current = seededServices(10_000, { exportWorker: faultyWorker({ kind: 'hog', mbPerWrite: 16 }) }));
    t.services.settings.update({ exportWorkerHeapMb: 64, exportSoftMemoryMb: 4096 });
    const job = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, join(t.out, 'hard.csv')).id);
    expect(job.error).toMatchObject({ class: 'terminal', code: 'memory' });
    expect(job.error!.message).toContain('exportWorkerHeapMb');
    expect(partials(t.out)).toEqual([]);
    expect(t.services.lookups.counts().trades).toBe(10_000);
  });

  it('closing the app stops a running job at a safe point; the next start finishes it', async () => {
    const t = seededServices(3000, { exportWorker: faultyWorker({ kind: 'slow', delayMs: 100 }) });
    const dbPath = t.services.config.dbPath;
    const progress: number[] = [];
    t.services.events.subscribe((event, payload) => {
      if (event === 'exports:progress') progress.push((payload as { rowsWritten: number }).rowsWritten);
    });
    const job = t.services.exports.enqueue(csvSpec, join(t.out, 'resume.csv'));
    await waitUntil(() => progress.some((n) => n > 0) && partials(t.out).length > 0, 'progress');
    await t.services.close();
    expect(partials(t.out)).toEqual([]);
    expect(existsSync(job.targetPath)).toBe(false);

    process.env.SPARK_EXPORT_FAULT = JSON.stringify({ kind: 'none' });
    const again = (current = { ...seededReopen(dbPath, t), out: t.out });
    const done = await again.services.exports.waitFor(job.id);
    expect(done).toMatchObject({ status: 'completed', attempt: 1 });
    expectCsvMatchesDb(again, done);
  });

  it('refuses more active jobs than the setting allows with a limit error', async () => {
    const t = (current = seededServices(3000, { exportWorker: faultyWorker({ kind: 'slow', delayMs: 100 }) }));
    t.services.settings.update({ maxActiveExportJobs: 2 });
    t.services.exports.enqueue(csvSpec, join(t.out, '1.csv'));
    t.services.exports.enqueue(csvSpec, join(t.out, '2.csv'));
    expect(() => t.services.exports.enqueue(csvSpec, join(t.out, '3.csv'))).toThrow(
      expect.objectContaining({ code: 'limit', message: expect.stringContaining('Max active export jobs') }),
    );
    for (const j of t.services.exports.list({ offset: 0, limit: 10 })) t.services.exports.cancel(j.id);
  });
});

import { createServices } from '../../../../electron/main/services/app';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { systemClock } from '../../../../electron/main/services/clock';
import { createMemoryLogger } from '../../../../electron/main/services/logging';

/** Services again on an existing journal file (an app restart). */
function seededReopen(dbPath: string, previous: TestServices): TestServices {
  const logger = createMemoryLogger();
  const services = createServices({ dbPath, migrationsFolder: SOURCE_MIGRATIONS_FOLDER, desktop: previous.desktop, clock: systemClock, logger });
  return {
    services,
    desktop: previous.desktop,
    logger,
    dir: previous.dir,
    async cleanup() {
      await services.close();
      rmSync(previous.dir, { recursive: true, force: true });
    },
  };
}
