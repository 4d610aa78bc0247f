import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Sqlite } from '../db/client';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { EventBus } from '../event-bus';
import type { Desktop } from '../desktop-port';
import type { SettingsStore } from '../settings/settings-store';
import { AppError } from '../errors';
import type { ExportFormat, ExportJobStatus, ExportType } from '../../../../shared/domain/enums';
import type { ExportHealth, ExportJob, ExportPerfRun, ExportPerfSummary } from '../../../../shared/domain/export-job';
import { XLSX_MAX_DATA_ROWS, type ExportSpec } from '../../../../shared/domain/export-params';
import { selectColumns } from '../../../../shared/domain/export-columns';
import { createJobStore } from './job-store';
import { createPerfStore } from './perf-store';
import { createExportQueue, type ExportQueueDeps } from './queue';
import { resolveTarget } from './target';
import { openRowSource } from './jobs/registry';
import { pdfRowCapFailure, xlsxRowsFailure } from './caps';
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

/** What the exports:* and perf:* channels, the CLI and the harness use. */
export function createExportService(deps: ExportServiceDeps) {
  const store = createJobStore(deps.sqlite);
  const perf = createPerfStore(deps.sqlite);
  const queue = createExportQueue({ ...deps, store, perf });

  const mustGet = (id: number): ExportJob => {
    const job = store.get(id);
    if (!job) throw new AppError('not_found', `There is no export job #${id}.`);
    return job;
  };

  const existingFile = (id: number): ExportJob => {
    const job = mustGet(id);
    if (job.status !== 'completed') {
      throw new AppError('conflict', `Export #${id} is ${job.status}; its file exists only once it has completed.`);
    }
    if (!existsSync(job.targetPath)) {
      throw new AppError('not_found', `The exported file ${job.targetPath} is no longer there (moved or deleted). Export it again.`);
    }
    return job;
  };

  /** Row caps are checked before asking where to save, so nobody picks a file for nothing. */
  const checkCaps = (spec: ExportSpec) => {
    if (spec.format !== 'pdf' && spec.format !== 'xlsx') return;
    if (spec.format === 'xlsx' && spec.type === 'trades' && spec.params.limit !== undefined && spec.params.limit <= XLSX_MAX_DATA_ROWS) return;
    const rows = openRowSource(spec, { sqlite: deps.sqlite, now: deps.clock.now() }, selectColumns(spec.type, spec.columns)).count();
    const cap = deps.settings.get('pdfRowCap');
    if (spec.format === 'pdf' && rows > cap) throw new AppError('validation', pdfRowCapFailure(rows, cap).message);
    if (spec.format === 'xlsx' && rows > XLSX_MAX_DATA_ROWS) throw new AppError('validation', xlsxRowsFailure(rows).message);
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
      return { ...counts, ...perf.health() };
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
