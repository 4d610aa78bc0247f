import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServices } from '../../../helpers/test-services';
import { createHandlers } from '../../../../electron/main/services/handlers';
import { ExportSpecSchema } from '../../../../shared/domain/export-params';
import { FakeClock } from '../equity/fake-clock';
import { seededServices } from './helpers';

const DAY_MS = 86_400_000;
const csvSpec = ExportSpecSchema.parse({ type: 'trades', format: 'csv' });

let current: (TestServices & { out: string }) | null = null;
afterEach(async () => {
  await current?.cleanup();
  current = null;
});

describe('export health counters', () => {
  it('count jobs by final state and do not shrink when old performance rows are pruned', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 10, 12));
    const t = (current = seededServices(30, { clock }));
    const handlers = createHandlers(t.services);
    t.services.settings.update({ perfRetentionDays: 1 });
    const first = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, join(t.out, 'first.csv')).id);
    expect(first.status).toBe('completed');
    const cancelled = t.services.exports.enqueue(csvSpec, join(t.out, 'cancelled.csv'));
    t.services.exports.cancel(cancelled.id);
    await t.services.exports.waitFor(cancelled.id);

    clock.time += 3 * DAY_MS;
    const second = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, join(t.out, 'second.csv')).id);
    expect(second.status).toBe('completed');
    // The first run's performance row is gone with the retention...
    const perfJobs = (t.services.db.sqlite.prepare('SELECT job_id AS jobId FROM export_job_performance').all() as { jobId: number }[]).map((r) => r.jobId);
    expect(perfJobs).not.toContain(first.id);
    // ...but the job still counts.
    const health = await handlers['exports:health']({});
    expect(health).toMatchObject({ ok: true, data: { processed: 2, failed: 0, cancelled: 1, retried: 0, queued: 0, running: 0 } });
    expect(health.ok && health.data.since).toBe(first.createdAt);
  });
});
