import { describe, expect, it } from 'vitest';
import type { ExportProgressEvent } from '../../../shared/domain/export-job';
import { createTrayQueue } from '../../../electron/main/tray-queue';
import type { TrayExport } from '../../../electron/main/tray-menu';

const progress = (over: Partial<ExportProgressEvent>): ExportProgressEvent => ({
  jobId: 1,
  requestId: 'req-1',
  type: 'trades',
  format: 'csv',
  status: 'queued',
  attempt: 0,
  rowsWritten: 0,
  rowsTotal: null,
  bytesWritten: 0,
  ...over,
});

function setup() {
  let now = 0;
  const seen: TrayExport[][] = [];
  const queue = createTrayQueue((jobs) => seen.push(jobs), { now: () => now, minIntervalMs: 1000 });
  return { queue, seen, advance: (ms: number) => (now += ms) };
}

describe('createTrayQueue', () => {
  it('follows a job from queued to running to completed', () => {
    const { queue, seen, advance } = setup();
    queue.apply(progress({ status: 'queued' }));
    queue.apply(progress({ status: 'running', rowsTotal: 1000 }));
    advance(1500);
    queue.apply(progress({ status: 'running', rowsWritten: 400, rowsTotal: 1000 }));
    queue.apply(progress({ status: 'completed', rowsWritten: 1000, rowsTotal: 1000 }));
    expect(seen.map((jobs) => jobs.map((j) => `${j.id}:${j.status}:${j.rowsWritten}`))).toEqual([['1:queued:0'], ['1:running:0'], ['1:running:400'], []]);
    expect(queue.jobs()).toEqual([]);
  });

  it('passes progress on at most once a second, but status changes at once', () => {
    const { queue, seen, advance } = setup();
    queue.apply(progress({ status: 'running', rowsTotal: 10_000 }));
    for (let i = 1; i <= 10; i += 1) {
      advance(250);
      queue.apply(progress({ status: 'running', rowsWritten: i * 100, rowsTotal: 10_000 }));
    }
    // 2.5 s of progress at 4 events a second: the start plus two throttled updates.
    expect(seen.map((jobs) => jobs[0]?.rowsWritten)).toEqual([0, 400, 800]);
    queue.apply(progress({ status: 'failed', rowsWritten: 1000, rowsTotal: 10_000 }));
    expect(seen.at(-1)).toEqual([]);
  });

  it('ignores terminal events of jobs it never showed, and keeps jobs ordered by id', () => {
    const { queue, seen } = setup();
    queue.apply(progress({ jobId: 5, status: 'cancelled' }));
    expect(seen).toEqual([]);
    queue.reset([progress({ jobId: 9, status: 'queued' }), progress({ jobId: 3, status: 'running' }), progress({ jobId: 4, status: 'completed' })]);
    expect(queue.jobs().map((j) => j.id)).toEqual([3, 9]);
  });
});
