import { promises as fs, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { EventBus } from '../event-bus';
import type { Desktop } from '../desktop-port';
import type { SettingsStore } from '../settings/settings-store';
import { AppError } from '../errors';
import { progressEventOf, type ExportJob } from '../../../../shared/domain/export-job';
import type { ExportSpec } from '../../../../shared/domain/export-params';
import type { JobStore } from './job-store';
import type { PerfStore } from './perf-store';
import type { ExportWorkerConfig } from './worker-config';
import { startExportWorker, type RunningWorker } from './worker-runner';
import { cancelledFailure, ExportFailure, retryDelayMs } from './errors';
import { partialPathFor } from './file-sink';
import { finishNotification } from './notify';
import type { RunOutcome, WorkerJob, WorkerMessage } from './worker-protocol';

/** How long a worker gets to reach a safe point after cancel or shutdown before it is terminated. */
const STOP_GRACE_MS = 5_000;
const PROGRESS_INTERVAL_MS = 250;
const PROGRESS_LOG_INTERVAL_MS = 5_000;
export const MAX_ATTEMPTS = 3;

export interface ExportQueueDeps {
  dbPath: string;
  store: JobStore;
  perf: PerfStore;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  desktop: Desktop;
  settings: SettingsStore;
  worker: ExportWorkerConfig;
}

interface Running {
  job: ExportJob;
  worker: RunningWorker;
  eligibleAt: number;
  /** performance.now() at launch: a run's duration is what the user waits, worker start-up included. */
  launchedAt: number;
  log: Logger;
  lastLogAt: number;
  /** Clock timer: terminate a cancelled worker that did not stop in time. */
  stopTimer: unknown;
  /** Real timer: terminate a worker that ignores shutdown (close() must end). */
  killTimer: NodeJS.Timeout | null;
  settled: Promise<void>;
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

async function removePartial(targetPath: string): Promise<void> {
  await fs.unlink(partialPathFor(targetPath)).catch(() => undefined);
}

/**
 * The export queue in main: persistent jobs in export_jobs, up to `exportConcurrency` workers,
 * oldest job first, transient failures retried at next_attempt_at (on the injected clock), jobs
 * a previous process left running re-queued at start. Main only schedules and records; the
 * rows are read and written in the workers.
 */
export function createExportQueue(deps: ExportQueueDeps) {
  const { store, perf, clock, logger, events, settings } = deps;
  const running = new Map<number, Running>();
  const waiters = new Map<number, ((job: ExportJob) => void)[]>();
  let started = false;
  let stopping = false;
  let wakeTimer: unknown = null;
  let wakeAt = Number.POSITIVE_INFINITY;
  let unsubscribeSettings: (() => void) | null = null;

  const jobLog = (job: ExportJob) => logger.child({ requestId: job.requestId, jobId: job.id });

  const emitProgress = (job: ExportJob) => events.emit('exports:progress', progressEventOf(job));

  const finished = (job: ExportJob) => {
    events.emit('exports:finished', { job });
    const notification = finishNotification(job);
    if (notification) deps.desktop.notify(notification);
    const list = waiters.get(job.id);
    waiters.delete(job.id);
    for (const resolve of list ?? []) resolve(job);
  };

  function scheduleWake(now: number): void {
    const at = store.earliestRetryAfter(now);
    if (at === null || at >= wakeAt) return;
    if (wakeTimer !== null) clock.clearTimeout(wakeTimer);
    wakeAt = at;
    wakeTimer = clock.setTimeout(() => {
      wakeTimer = null;
      wakeAt = Number.POSITIVE_INFINITY;
      pump();
    }, at - now);
  }

  function pump(): void {
    if (!started || stopping) return;
    const limit = settings.get('exportConcurrency');
    const now = clock.now();
    while (running.size < limit) {
      const job = store.nextRunnable(now);
      if (!job) break;
      launch(job, now);
    }
    scheduleWake(now);
  }

  function onWorkerMessage(entry: Running, message: Extract<WorkerMessage, { kind: 'started' | 'progress' }>): void {
    const now = clock.now();
    if (message.kind === 'started') {
      store.setTotal(entry.job.id, message.rowsTotal, now);
      entry.job = { ...entry.job, rowsTotal: message.rowsTotal };
    } else {
      store.progress(entry.job.id, message, now);
      entry.job = { ...entry.job, ...message };
      if (now - entry.lastLogAt >= PROGRESS_LOG_INTERVAL_MS) {
        entry.lastLogAt = now;
        entry.log.info('export.job.progress', {
          rowsWritten: message.rowsWritten,
          rowsTotal: message.rowsTotal,
          bytesWritten: message.bytesWritten,
          heapUsed: message.heapUsed,
        });
      }
    }
    emitProgress(entry.job);
  }

  function launch(queued: ExportJob, now: number): void {
    const eligibleAt = queued.nextAttemptAt ?? queued.createdAt;
    const job = store.markRunning(queued.id, queued.attempt + 1, now);
    const log = jobLog(job);
    log.info('export.job.started', { type: job.type, format: job.format, attempt: job.attempt, queueWaitMs: now - eligibleAt });
    const spec: ExportSpec = { type: job.type, format: job.format, params: job.params, columns: job.columns, options: job.options } as ExportSpec;
    const workerJob: WorkerJob = {
      jobId: job.id,
      spec,
      dbPath: deps.dbPath,
      targetPath: job.targetPath,
      now,
      csvBom: settings.get('csvBom'),
      pdfRowCap: settings.get('pdfRowCap'),
      softMemoryMb: settings.get('exportSoftMemoryMb'),
      progressIntervalMs: PROGRESS_INTERVAL_MS,
    };
    const entry = { job, eligibleAt, launchedAt: performance.now(), log, lastLogAt: now, stopTimer: null, killTimer: null } as Running;
    try {
      entry.worker = startExportWorker(deps.worker, workerJob, settings.get('exportWorkerHeapMb'), (m) => onWorkerMessage(entry, m));
    } catch (error) {
      log.error('export.worker.spawn_failed', { error });
      const failure = new ExportFailure('terminal', 'worker_start', `The export worker could not start: ${(error as Error).message}`);
      entry.worker = {
        stop: () => undefined,
        terminate: async () => undefined,
        done: Promise.resolve({ kind: 'failed', error: failure.toJobError(), stats: { rows: 0, bytes: 0, durationMs: 0, chunkP50Ms: null, chunkP95Ms: null, chunkMaxMs: null, peakHeapBytes: 0 } }),
      };
    }
    running.set(job.id, entry);
    emitProgress(job);
    entry.settled = entry.worker.done
      .then((outcome) => settle(entry, outcome))
      .catch((error) => log.error('export.job.settle_failed', { error }));
  }

  async function settle(entry: Running, outcome: RunOutcome): Promise<void> {
    if (entry.stopTimer !== null) clock.clearTimeout(entry.stopTimer);
    if (entry.killTimer !== null) clearTimeout(entry.killTimer);
    const { job, log } = entry;
    // Whatever happened inside the worker, a run that did not complete leaves no partial file.
    if (outcome.kind !== 'completed') await removePartial(job.targetPath);
    running.delete(job.id);
    const now = clock.now();
    const stats = outcome.stats;
    // The worker times only its own run; the Performance page and the job list show the wait
    // the user saw, so the recorded duration starts when the worker was launched.
    const durationMs = Math.max(stats.durationMs, performance.now() - entry.launchedAt);
    if (!(outcome.kind === 'stopped' && outcome.reason === 'shutdown')) {
      perf.record({
        jobId: job.id,
        type: job.type,
        format: job.format,
        outcome: outcome.kind === 'completed' ? 'completed' : outcome.kind === 'stopped' ? 'cancelled' : 'failed',
        attempt: job.attempt,
        queueWaitMs: (job.startedAt ?? now) - entry.eligibleAt,
        durationMs,
        rows: stats.rows,
        bytes: stats.bytes,
        chunkP50Ms: stats.chunkP50Ms,
        chunkP95Ms: stats.chunkP95Ms,
        chunkMaxMs: stats.chunkMaxMs,
        peakHeapBytes: stats.peakHeapBytes || null,
        createdAt: now,
      });
      perf.prune(now, settings.get('perfRetentionDays'), settings.get('perfRetentionMaxRows'));
    }

    if (outcome.kind === 'completed') {
      const done = store.finish(job.id, 'completed', { rows: stats.rows, bytes: stats.bytes, error: null }, now);
      log.info('export.job.completed', {
        type: job.type,
        format: job.format,
        attempt: job.attempt,
        rows: stats.rows,
        bytes: stats.bytes,
        durationMs,
        workerMs: stats.durationMs,
        peakHeapBytes: stats.peakHeapBytes,
        targetPath: job.targetPath,
      });
      finished(done);
    } else if (outcome.kind === 'stopped' && outcome.reason === 'shutdown') {
      store.requeueInterrupted(job.id, now);
      log.info('export.job.interrupted', { reason: 'shutdown', attempt: job.attempt });
    } else {
      const error = outcome.kind === 'stopped' ? cancelledFailure().toJobError() : outcome.error;
      const willRetry = error.class === 'transient' && job.attempt < job.maxAttempts;
      if (willRetry) {
        const nextAttemptAt = now + retryDelayMs(job.attempt);
        const waiting = store.scheduleRetry(job.id, nextAttemptAt, error, now);
        log.warn('export.job.failed', { errorClass: error.class, errorCode: error.code, message: error.message, attempt: job.attempt, willRetry, nextAttemptAt });
        emitProgress(waiting);
      } else {
        const status = error.class === 'cancelled' ? 'cancelled' : 'failed';
        const done = store.finish(job.id, status, { rows: stats.rows, bytes: stats.bytes, error }, now);
        const fields = { errorClass: error.class, errorCode: error.code, message: error.message, attempt: job.attempt, willRetry };
        if (status === 'cancelled') log.info('export.job.failed', fields);
        else log.error('export.job.failed', fields);
        finished(done);
      }
    }
    pump();
  }

  function capacityCheck(): void {
    const cap = settings.get('maxActiveExportJobs');
    const active = store.activeCount();
    if (active >= cap) {
      throw new AppError(
        'limit',
        `${active} exports are already waiting or running, the most allowed at once (${cap}, "Max active export jobs" in Settings). Wait for one to finish or cancel one, then try again.`,
      );
    }
  }

  return {
    capacityCheck,

    /** Recovers jobs a previous process left running, then starts scheduling. */
    start(): void {
      if (started) return;
      const now = clock.now();
      for (const job of store.interrupted()) {
        rmSync(partialPathFor(job.targetPath), { force: true });
        store.requeueInterrupted(job.id, now);
        jobLog(job).warn('export.job.recovered', { previousStatus: 'running', attempt: job.attempt, partialRemoved: true });
      }
      perf.prune(now, settings.get('perfRetentionDays'), settings.get('perfRetentionMaxRows'));
      started = true;
      unsubscribeSettings = settings.subscribe(() => pump());
      pump();
    },

    /** Queues a job for a known target (the create channel resolves the target first). */
    enqueue(spec: ExportSpec, targetPath: string, requestId: string): ExportJob {
      capacityCheck();
      const job = store.insert(spec, requestId, targetPath, MAX_ATTEMPTS, clock.now());
      jobLog(job).info('export.job.enqueued', { type: job.type, format: job.format, targetPath });
      emitProgress(job);
      pump();
      return store.get(job.id) ?? job;
    },

    cancel(id: number): ExportJob {
      const job = store.get(id);
      if (!job) throw new AppError('not_found', `There is no export job #${id}.`);
      const entry = running.get(id);
      if (entry) {
        if (entry.stopTimer === null) {
          entry.worker.stop('cancel');
          entry.stopTimer = clock.setTimeout(() => void entry.worker.terminate(), STOP_GRACE_MS);
          entry.log.info('export.job.cancel_requested', {});
        }
        return job;
      }
      if (job.status !== 'queued') {
        throw new AppError('conflict', `Export #${id} has already ${job.status === 'completed' ? 'completed' : job.status === 'failed' ? 'failed' : 'been cancelled'}; there is nothing to cancel.`);
      }
      const cancelled = store.cancelQueued(id, cancelledFailure().toJobError(), clock.now());
      jobLog(cancelled).info('export.job.failed', { errorClass: 'cancelled', errorCode: 'cancelled', message: 'Cancelled while queued.', attempt: job.attempt, willRetry: false });
      finished(cancelled);
      pump();
      return cancelled;
    },

    retry(id: number): ExportJob {
      const job = store.get(id);
      if (!job) throw new AppError('not_found', `There is no export job #${id}.`);
      if (job.status !== 'failed' && job.status !== 'cancelled') {
        throw new AppError('conflict', `Export #${id} is ${job.status}; only a failed or cancelled export can be retried.`);
      }
      capacityCheck();
      const queued = store.resetForRetry(id, clock.now());
      jobLog(queued).info('export.job.enqueued', { type: job.type, format: job.format, targetPath: job.targetPath, retry: true });
      emitProgress(queued);
      pump();
      return store.get(id) ?? queued;
    },

    /** Resolves when the job completes, fails or is cancelled. */
    waitFor(id: number): Promise<ExportJob> {
      const job = store.get(id);
      if (!job) return Promise.reject(new AppError('not_found', `There is no export job #${id}.`));
      if (TERMINAL.has(job.status)) return Promise.resolve(job);
      return new Promise((resolve) => {
        const list = waiters.get(id) ?? [];
        list.push(resolve);
        waiters.set(id, list);
      });
    },

    runningCount: () => running.size,

    /** Stops at a safe point: running jobs abort, drop their partial files and stay queued for the next start. */
    async stop(): Promise<void> {
      if (!started || stopping) return;
      stopping = true;
      unsubscribeSettings?.();
      if (wakeTimer !== null) clock.clearTimeout(wakeTimer);
      const pending = [...running.values()];
      for (const entry of pending) {
        entry.worker.stop('shutdown');
        entry.killTimer = setTimeout(() => void entry.worker.terminate(), STOP_GRACE_MS);
      }
      await Promise.all(pending.map((entry) => entry.settled));
    },
  };
}

export type ExportQueue = ReturnType<typeof createExportQueue>;
