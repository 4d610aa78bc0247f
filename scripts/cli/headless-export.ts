import { performance } from 'node:perf_hooks';
import { dirname } from 'node:path';
import { openDb } from '../../electron/main/services/db/client';
import { createEventBus } from '../../electron/main/services/event-bus';
import { createSettingsStore } from '../../electron/main/services/settings/settings-store';
import { createExportService } from '../../electron/main/services/exports/export-service';
import type { ExportWorkerConfig } from '../../electron/main/services/exports/worker-config';
import type { Clock } from '../../electron/main/services/clock';
import type { Logger } from '../../electron/main/services/logging';
import type { ExportJob, ExportPerfRun, ExportProgressEvent } from '../../shared/domain/export-job';
import type { ExportSpec } from '../../shared/domain/export-params';
import { createHeadlessDesktop } from './headless-desktop';

export interface HeadlessExportOptions {
  dbPath: string;
  migrationsFolder: string;
  outPath: string;
  spec: ExportSpec;
  worker: ExportWorkerConfig;
  clock: Clock;
  logger: Logger;
  onProgress?: (event: ExportProgressEvent) => void;
  /** An attempt failed and the job waits for its next one (the job carries the error and the time). */
  onRetry?: (job: ExportJob) => void;
  print?: (line: string) => void;
  /** Aborting cancels the job: the worker stops, its partial file is removed, the job ends cancelled. */
  signal?: AbortSignal;
}

export interface HeadlessExportResult {
  job: ExportJob;
  perf: ExportPerfRun | undefined;
  /** From queueing to the finished event, as a user waits for it. */
  wallMs: number;
}

/**
 * One export through the real engine (export service, queue, worker) on a journal file,
 * without the rest of the app: what the CLI and the benchmark run.
 */
export async function runHeadlessExport(options: HeadlessExportOptions): Promise<HeadlessExportResult> {
  const db = openDb(options.dbPath, { migrationsFolder: options.migrationsFolder, now: () => options.clock.now() });
  const events = createEventBus();
  const settings = createSettingsStore(db.sqlite, options.logger, () => options.clock.now());
  const service = createExportService({
    sqlite: db.sqlite,
    dbPath: options.dbPath,
    clock: options.clock,
    logger: options.logger,
    events,
    desktop: createHeadlessDesktop(dirname(options.outPath), options.print ?? (() => undefined)),
    settings,
    worker: options.worker,
  });
  try {
    service.start();
    if (options.onProgress) {
      events.subscribe((event, payload) => {
        if (event === 'exports:progress') options.onProgress!(payload as ExportProgressEvent);
      });
    }
    const started = performance.now();
    const queued = service.enqueue(options.spec, options.outPath);
    if (options.onRetry) {
      events.subscribe((event, payload) => {
        const p = payload as ExportProgressEvent;
        if (event === 'exports:progress' && p.jobId === queued.id && p.status === 'queued' && p.attempt > 0) options.onRetry!(service.get(queued.id));
      });
    }
    const cancel = () => {
      try {
        service.cancel(queued.id);
      } catch {
        // It ended meanwhile: waitFor has its final state.
      }
    };
    if (options.signal?.aborted) cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    const job = await service.waitFor(queued.id);
    options.signal?.removeEventListener('abort', cancel);
    const wallMs = performance.now() - started;
    const perf = service.perfRuns({ offset: 0, limit: 1 }).find((r) => r.jobId === job.id);
    return { job, perf, wallMs };
  } finally {
    await service.stop();
    db.close();
  }
}
