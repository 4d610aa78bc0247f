import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServices } from '../../../helpers/test-services';
import { createHandlers } from '../../../../electron/main/services/handlers';
import { ExportSpecSchema } from '../../../../shared/domain/export-params';
import type { ExportProgressEvent } from '../../../../shared/domain/export-job';
import { faultyWorker, seededServices } from './helpers';

let current: (TestServices & { out: string }) | null = null;
afterEach(async () => {
  await current?.cleanup();
  current = null;
  delete process.env.SPARK_EXPORT_FAULT;
});

describe('exports channels', () => {
  it('create asks where to save with a suggested name and format filter, then runs the job to a notified finish', async () => {
    const t = (current = seededServices(120));
    const handlers = createHandlers(t.services);
    const progress: ExportProgressEvent[] = [];
    const finished: number[] = [];
    t.services.events.subscribe((event, payload) => {
      if (event === 'exports:progress') progress.push(payload as ExportProgressEvent);
      if (event === 'exports:finished') finished.push((payload as { job: { id: number } }).job.id);
    });
    const target = join(t.out, 'my trades');
    t.desktop.answerNextSave(target);
    const created = await handlers['exports:create']({ type: 'trades', format: 'xlsx', params: { filter: { status: 'closed' } } });
    if (!created.ok) throw new Error(created.error.message);
    const job = created.data!;
    expect(t.desktop.saveRequests.at(-1)).toMatchObject({
      title: 'Export trades as XLSX',
      suggestedName: expect.stringMatching(/^spark-journal-trades-\d{4}-\d{2}-\d{2}\.xlsx$/),
      filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
    });
    expect(job.targetPath).toBe(`${target}.xlsx`);
    expect(job.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const done = await t.services.exports.waitFor(job.id);
    expect(done.status).toBe('completed');
    expect(finished).toEqual([job.id]);
    expect(progress.map((p) => p.status)).toEqual(expect.arrayContaining(['queued', 'running']));
    const closed = t.services.db.sqlite.prepare("SELECT COUNT(*) AS n FROM trades WHERE status = 'closed'").get() as { n: number };
    expect(done.rowsWritten).toBe(closed.n);
    expect(t.desktop.notifications.at(-1)).toEqual({
      title: 'Trades export finished',
      body: `${closed.n} rows, ${Math.round(done.bytesWritten / 1000)} KB`,
      action: { kind: 'reveal', path: done.targetPath },
    });

    // The job's log lines all carry its requestId.
    const events = t.logger.lines.filter((l) => l.requestId === job.requestId).map((l) => l.event);
    expect(events).toEqual(expect.arrayContaining(['export.job.enqueued', 'export.job.started', 'export.job.completed']));

    expect(await handlers['exports:reveal']({ id: job.id })).toEqual({ ok: true, data: undefined });
    expect(t.desktop.revealed).toEqual([done.targetPath]);
    await handlers['exports:open']({ id: job.id });
    expect(t.desktop.opened).toEqual([done.targetPath]);
    expect((await handlers['exports:get']({ id: job.id })).ok).toBe(true);
    const listed = await handlers['exports:list']({ status: ['completed'] });
    expect(listed.ok && listed.data.map((j) => j.id)).toEqual([job.id]);

    const health = await handlers['exports:health']({});
    expect(health.ok && health.data).toMatchObject({ queued: 0, running: 0, processed: 1, failed: 0 });
    const summary = await handlers['perf:summary']({});
    expect(summary.ok && summary.data).toEqual([
      expect.objectContaining({ type: 'trades', format: 'xlsx', runs: 1, completed: 1, rows: closed.n }),
    ]);
    const runs = await handlers['perf:runs']({ format: 'xlsx' });
    expect(runs.ok && runs.data[0]).toMatchObject({ jobId: job.id, outcome: 'completed', rows: closed.n, bytes: done.bytesWritten });
  });

  it('a cancelled save dialog creates no job and no error', async () => {
    const t = (current = seededServices(10));
    t.desktop.answerNextSave(null);
    expect(await createHandlers(t.services)['exports:create']({ type: 'goals', format: 'csv' })).toEqual({ ok: true, data: null });
    expect(t.services.exports.list({ offset: 0, limit: 10 })).toEqual([]);
  });

  it('without "always ask" the default export folder gets a fresh file name', async () => {
    const t = (current = seededServices(10));
    t.services.settings.update({ alwaysAskWhereToSave: false });
    const first = (await t.services.exports.create(ExportSpecSchema.parse({ type: 'dailyPnl', format: 'csv' })))!;
    await t.services.exports.waitFor(first.id);
    const second = (await t.services.exports.create(ExportSpecSchema.parse({ type: 'dailyPnl', format: 'csv' })))!;
    expect(t.desktop.saveRequests).toEqual([]);
    expect(first.targetPath.startsWith(t.desktop.defaultExportFolder())).toBe(true);
    expect(second.targetPath).toBe(first.targetPath.replace(/\.csv$/, ' (2).csv'));
    await t.services.exports.waitFor(second.id);

    // A chosen folder must exist (it is never created, unlike the OS default).
    expect(() => t.services.settings.update({ defaultExportFolder: join(t.out, 'nested', 'exports') })).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('does not exist') }),
    );
    mkdirSync(join(t.out, 'nested', 'exports'), { recursive: true });
    t.services.settings.update({ defaultExportFolder: join(t.out, 'nested', 'exports') });
    const third = (await t.services.exports.create(ExportSpecSchema.parse({ type: 'dailyPnl', format: 'json' })))!;
    expect(third.targetPath.startsWith(join(t.out, 'nested', 'exports'))).toBe(true);
    expect((await t.services.exports.waitFor(third.id)).status).toBe('completed');
  });

  it('a PDF above the row cap is refused with a validation error that suggests CSV or XLSX', async () => {
    const t = (current = seededServices(150));
    t.services.settings.update({ pdfRowCap: 100 });
    const result = await createHandlers(t.services)['exports:create']({ type: 'trades', format: 'pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/150 rows.*PDF row cap is 100.*CSV or XLSX/) } });
    expect(t.desktop.saveRequests).toEqual([]);
    expect(t.services.exports.list({ offset: 0, limit: 10 })).toEqual([]);
    // Within the cap it runs.
    const ok = (await t.services.exports.create(ExportSpecSchema.parse({ type: 'trades', format: 'pdf', params: { limit: 100 } })))!;
    expect((await t.services.exports.waitFor(ok.id)).status).toBe('completed');
  });

  it('the worker enforces the PDF row cap too when it changed after the job was queued', async () => {
    const t = (current = seededServices(3000, { exportWorker: faultyWorker({ kind: 'slow', delayMs: 100 }) }));
    const blocker = t.services.exports.enqueue(ExportSpecSchema.parse({ type: 'trades', format: 'csv' }), join(t.out, 'a.csv'));
    const pdf = t.services.exports.enqueue(ExportSpecSchema.parse({ type: 'trades', format: 'pdf' }), join(t.out, 'b.pdf'));
    t.services.settings.update({ pdfRowCap: 1000 });
    t.services.exports.cancel(blocker.id);
    const failed = await t.services.exports.waitFor(pdf.id);
    expect(failed).toMatchObject({ status: 'failed', attempt: 1, error: { class: 'validation', code: 'pdf_row_cap' } });
    expect(readdirSync(t.out).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('bad requests get specific validation errors and lose nothing', async () => {
    const t = (current = seededServices(10));
    const handlers = createHandlers(t.services);
    const cases: [unknown, RegExp][] = [
      [{ type: 'trades', format: 'docx' }, /format/],
      [{ type: 'trades', format: 'csv', columns: [{ key: 'nope' }] }, /columns\.0\.key/],
      [{ type: 'trades', format: 'csv', columns: [{ key: 'id' }, { key: 'id' }] }, /only once/],
      [{ type: 'trades', format: 'csv', params: { filter: { dateFrom: '2024-02-30' } } }, /real calendar day/],
      [{ type: 'trades', format: 'csv', params: { limit: 0 } }, /limit/],
      [{ type: 'goals', format: 'csv', params: { statuses: ['great'] } }, /statuses/],
      [{ type: 'dailyPnl', format: 'csv', params: { dateFrom: '2024-05-02', dateTo: '2024-05-01' } }, /on or before/],
      [{ type: 'trades', format: 'csv', extra: 1 }, /extra|Unrecognized/],
    ];
    for (const [payload, message] of cases) {
      const result = await handlers['exports:create'](payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(!result.ok && result.error.message).toMatch(message);
    }
    expect(await handlers['exports:get']({ id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await handlers['exports:cancel']({ id: 'x' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(t.services.exports.list({ offset: 0, limit: 10 })).toEqual([]);
  });

  it('reveal and open say clearly when the file is gone or not finished', async () => {
    const t = (current = seededServices(10));
    const handlers = createHandlers(t.services);
    const job = await t.services.exports.waitFor(t.services.exports.enqueue(ExportSpecSchema.parse({ type: 'goals', format: 'csv' }), join(t.out, 'g.csv')).id);
    unlinkSync(job.targetPath);
    expect(await handlers['exports:reveal']({ id: job.id })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no longer there') } });
    expect(await handlers['exports:retry']({ id: job.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const again = await handlers['exports:reexport']({ id: job.id });
    if (!again.ok || !again.data) throw new Error('reexport failed');
    expect(again.data).toMatchObject({ type: 'goals', format: 'csv', status: expect.stringMatching(/queued|running/) });
    expect(again.data.id).not.toBe(job.id);
    expect((await t.services.exports.waitFor(again.data.id)).status).toBe('completed');
  });

  it('prunes performance rows by age and by count', async () => {
    const t = (current = seededServices(10));
    const insert = t.services.db.sqlite.prepare(
      `INSERT INTO export_job_performance (type, format, outcome, attempt, queue_wait_ms, duration_ms, rows, bytes, rows_per_sec, created_at)
       VALUES ('trades', 'csv', 'completed', 1, 0, 10, 1, 1, 100, ?)`,
    );
    const now = Date.now();
    for (let i = 0; i < 20; i++) insert.run(now - 40 * 86_400_000);
    for (let i = 0; i < 150; i++) insert.run(now - 1000 - i);
    t.services.settings.update({ perfRetentionDays: 30, perfRetentionMaxRows: 100 });
    await t.services.exports.waitFor(t.services.exports.enqueue(ExportSpecSchema.parse({ type: 'goals', format: 'json' }), join(t.out, 'g.json')).id);
    const left = t.services.db.sqlite.prepare('SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM export_job_performance').get() as { n: number; oldest: number };
    expect(left.n).toBe(100);
    expect(left.oldest).toBeGreaterThan(now - 86_400_000);
    expect(t.services.exports.perfRuns({ offset: 0, limit: 1 })[0]).toMatchObject({ type: 'goals', format: 'json' });
  });

  it('records the duration the user waited, worker start-up included, as the job list shows it', async () => {
    const t = (current = seededServices(50));
    const job = await t.services.exports.waitFor(t.services.exports.enqueue(ExportSpecSchema.parse({ type: 'trades', format: 'xlsx' }), join(t.out, 't.xlsx')).id);
    const run = t.services.exports.perfRuns({ offset: 0, limit: 1 })[0]!;
    // Both are wall times over the same span, one on the clock and one on performance.now().
    expect(Math.abs(run.durationMs - (job.finishedAt! - job.startedAt!))).toBeLessThanOrEqual(5);
    const completed = t.logger.lines.find((l) => l.event === 'export.job.completed')!;
    expect(completed.durationMs).toBeGreaterThanOrEqual(completed.workerMs as number);
  });
});
