import { randomUUID } from 'node:crypto';
import { lstatSync, statSync } from 'node:fs';
import { extname, resolve as resolvePath } from 'node:path';
import type { Sqlite } from '../db/client';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { EventBus } from '../event-bus';
import type { Desktop } from '../desktop-port';
import type { SettingsStore } from '../settings/settings-store';
import { AppError } from '../errors';
import type { ExportFormat, ExportJobStatus, ExportType } from '../../../../shared/domain/enums';
import type { ExportHealth, ExportJob, ExportPerfRun, ExportPerfSummary } from '../../../../shared/domain/export-job';
import type { ExportSpec } from '../../../../shared/domain/export-params';
import { selectColumns } from '../../../../shared/domain/export-columns';
import { createJobStore, type JobStore } from './job-store';
import { createPerfStore } from './perf-store';
import { createExportQueue, type ExportQueueDeps } from './queue';
import { exportFolder, resolveTarget } from './target';
import { finalAttemptError } from './errors';
import { EXPORT_FORMAT_INFO } from '../../../../shared/domain/export-formats';
import { openRowSource } from './jobs/registry';
import { pdfRowCapFailure } from './caps';
import type { ExportWorkerConfig } from './worker-config';

const DAY_MS = 86_400_000;

export interface ExportServiceDeps {
  sqlite: Sqlite;
  dbPath: string;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  desktop: Desktop;
  settings: SettingsStore;
  worker: ExportWorkerConfig;
  lease?: ExportQueueDeps['lease'];
  owner?: ExportQueueDeps['owner'];
}

/** The spec part of a stored job, to run it again. */
const specOf = (job: ExportJob): ExportSpec =>
  ({ type: job.type, format: job.format, params: job.params, columns: job.columns, options: job.options }) as ExportSpec;

/**
 * The job store as the queue sees it: a job that fails for good on a transient error is
 * recorded with words that say it will not be retried (the worker wrote them before it knew
 * whether an attempt was left).
 */
function withFinalWords(store: JobStore): JobStore {
  return {
    ...store,
    finish(id, runToken, status, result, now) {
      const attempts = store.get(id)?.attempt ?? 0;
      const error = status === 'failed' && result.error ? finalAttemptError(result.error, attempts) : result.error;
      return store.finish(id, runToken, status, { ...result, error }, now);
    },
  };
}

/** What the exports:* and perf:* channels, the CLI and the harness use. */
export function createExportService(deps: ExportServiceDeps) {
  const store = createJobStore(deps.sqlite);
  const perf = createPerfStore(deps.sqlite);
  const queue = createExportQueue({ ...deps, store: withFinalWords(store), perf });
  const jobCounts = deps.sqlite.prepare(
    `SELECT COALESCE(SUM(status = 'completed'), 0) AS processed, COALESCE(SUM(status = 'failed'), 0) AS failed,
            COALESCE(SUM(status = 'cancelled'), 0) AS cancelled,
            COALESCE(SUM(status IN ('completed', 'failed', 'cancelled') AND attempt > 1), 0) AS retried,
            MIN(CASE WHEN status IN ('completed', 'failed', 'cancelled') THEN created_at END) AS since
     FROM export_jobs`,
  );

  const mustGet = (id: number): ExportJob => {
    const job = store.get(id);
    if (!job) throw new AppError('not_found', `There is no export job #${id}.`);
    return job;
  };

  /**
   * The file of a completed job, as export_jobs recorded it: only a regular file this app wrote,
   * with its format's extension, is shown or opened (never a folder, a link or a program).
   */
  const existingFile = (id: number): ExportJob => {
    const job = mustGet(id);
    if (job.status !== 'completed') {
      throw new AppError('conflict', `Export #${id} is ${job.status}; its file exists only once it has completed.`);
    }
    let stats: ReturnType<typeof lstatSync> | undefined;
    try {
      stats = lstatSync(job.targetPath);
    } catch {
      stats = undefined;
    }
    if (!stats) {
      throw new AppError('not_found', `The exported file ${job.targetPath} is no longer there (moved or deleted). Export it again.`);
    }
    const extension = `.${EXPORT_FORMAT_INFO[job.format].extension}`;
    if (!stats.isFile() || extname(job.targetPath).toLowerCase() !== extension) {
      throw new AppError(
        'conflict',
        `${job.targetPath} is no longer the ${job.format.toUpperCase()} file Spark Journal wrote (something else now has that name). Export it again.`,
      );
    }
    return job;
  };

  /** A target that is an existing folder is refused up front instead of failing in the worker. */
  const refuseFolderTarget = (targetPath: string) => {
    let isDirectory = false;
    try {
      isDirectory = statSync(targetPath).isDirectory();
    } catch {
      return;
    }
    if (isDirectory) {
      throw new AppError('validation', `${targetPath} is a folder, so the export cannot be saved under that name. Choose a file name.`);
    }
  };

  /** Row caps are checked before asking where to save, so nobody picks a file for nothing. */
  const checkCaps = (spec: ExportSpec) => {
    // XLSX has no cap: rows past one sheet continue on the next.
    if (spec.format !== 'pdf') return;
    const rows = openRowSource(spec, { sqlite: deps.sqlite, now: deps.clock.now() }, selectColumns(spec.type, spec.columns)).count();
    const cap = deps.settings.get('pdfRowCap');
    if (rows > cap) throw new AppError('validation', pdfRowCapFailure(rows, cap).message);
  };

  const service = {
    start: () => queue.start(),
    stop: () => queue.stop(),
    waitFor: (id: number) => queue.waitFor(id),

    /** Validated spec -> caps -> where to save -> queued job; null when the save dialog was cancelled. */
    async create(spec: ExportSpec): Promise<ExportJob | null> {
      queue.capacityCheck();
      checkCaps(spec);
      const fromDialog = deps.settings.get('alwaysAskWhereToSave');
      for (let attempt = 1; ; attempt++) {
        const target = await resolveTarget(deps.desktop, deps.settings, spec, deps.clock.now(), store.activeTargets());
        if (target === null) {
          deps.logger.info('export.job.save_dialog_cancelled', { type: spec.type, format: spec.format });
          return null;
        }
        refuseFolderTarget(target);
        try {
          return queue.enqueue(spec, resolvePath(target), randomUUID());
        } catch (error) {
          // A name the app picked in the default folder that another process reserved in the
          // meantime: pick the next free name. A file the user chose stays a conflict.
          if (fromDialog || attempt >= 5 || !(error instanceof AppError) || error.code !== 'conflict') throw error;
        }
      }
    },

    /** Queues an export to a known file (the headless CLI, scripts). */
    enqueue(spec: ExportSpec, targetPath: string, requestId: string = randomUUID()): ExportJob {
      checkCaps(spec);
      refuseFolderTarget(targetPath);
      return queue.enqueue(spec, resolvePath(targetPath), requestId);
    },

    list: (filter: { status?: ExportJobStatus[] | undefined; offset: number; limit: number }) => store.list(filter),
    get: mustGet,
    cancel: (id: number) => queue.cancel(id),
    retry: (id: number) => queue.retry(id),
    reexport: (id: number) => service.create(specOf(mustGet(id))),

    reveal(id: number): void {
      deps.desktop.revealInFolder(existingFile(id).targetPath);
    },
    async open(id: number): Promise<void> {
      await deps.desktop.openPath(existingFile(id).targetPath);
    },
    /** The folder "Show exports folder" opens: the checked setting, else the default folder. */
    folder: () => exportFolder(deps.desktop, deps.settings),

    health(): ExportHealth {
      const now = deps.clock.now();
      const counts = deps.sqlite
        .prepare(
          `SELECT COALESCE(SUM(status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)), 0) AS queued,
                  COALESCE(SUM(status = 'queued' AND next_attempt_at > ?), 0) AS waitingRetry,
                  COALESCE(SUM(status = 'running'), 0) AS running
           FROM export_jobs WHERE status IN ('queued', 'running')`,
        )
        .get(now, now) as { queued: number; waitingRetry: number; running: number };
      // Jobs by their final state, from export_jobs (never pruned), so the figures do not
      // shrink with the performance rows' retention; a retried job counts once.
      const jobs = jobCounts.get() as Pick<ExportHealth, 'processed' | 'failed' | 'cancelled' | 'retried' | 'since'>;
      return { ...counts, ...jobs, averageDurationMs: perf.averageDurationMs() };
    },
    perfSummary(sinceDays?: number): ExportPerfSummary[] {
      return perf.summary(sinceDays ? deps.clock.now() - sinceDays * DAY_MS : 0);
    },
    perfRuns(filter: { type?: ExportType | undefined; format?: ExportFormat | undefined; offset: number; limit: number }): ExportPerfRun[] {
      return perf.runs(filter);
    },
  };
  return service;
}

export type ExportService = ReturnType<typeof createExportService>;
