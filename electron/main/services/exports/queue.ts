import { randomBytes, randomUUID } from 'node:crypto';
import { promises as fs, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { EventBus } from '../event-bus';
import type { Desktop } from '../desktop-port';
import type { SettingsStore } from '../settings/settings-store';
import { AppError } from '../errors';
import { progressEventOf, type ExportJob } from '../../../../shared/domain/export-job';
import type { ExportSpec } from '../../../../shared/domain/export-params';
import type { JobOwner, JobStore, RunningLease } from './job-store';
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
/** How long a running job stays its process's after the last heartbeat. */
export const LEASE_MS = 30_000;
/** How often a process renews the leases of the jobs it runs (and looks for orphans). */
export const HEARTBEAT_MS = 5_000;
/** How often waitFor looks at the journal for a job another process runs. */
const WAIT_POLL_MS = 250;

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
  /** Lease timings (tests shorten them). */
  lease?: { leaseMs: number; heartbeatMs: number };
  /** Who this queue is; tests pose as another host. Default: a random id, this pid and host name. */
  owner?: JobOwner;
}

interface Running {
  job: ExportJob;
  runToken: string;
  partialPath: string;
  /** Another process took the job over: this run touches neither the row nor the target. */
  lost: boolean;
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

async function removePartial(partialPath: string): Promise<void> {
  await fs.unlink(partialPath).catch(() => undefined);
}

/** Whether a process with this pid runs on this host (EPERM: it runs, as another user). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The export queue in main: persistent jobs in export_jobs, up to `exportConcurrency` workers,
 * oldest job first, transient failures retried at next_attempt_at (on the injected clock).
 * Several processes may share one journal (the app and the CLI): each job is run by the one
 * process that claimed it, under a lease it renews while it runs; another process takes a
 * running job over only when its owner is gone (its pid is dead on this host, or its lease
 * ran out), and every write of a run is guarded by its run token. Main only schedules and
 * records; the rows are read and written in the workers.
 */
export function createExportQueue(deps: ExportQueueDeps) {
  const { store, perf, clock, logger, events, settings } = deps;
  const { leaseMs, heartbeatMs } = deps.lease ?? { leaseMs: LEASE_MS, heartbeatMs: HEARTBEAT_MS };
  const owner: JobOwner = deps.owner ?? { id: randomUUID(), pid: process.pid, host: hostname() };
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
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
    pollWaiters();
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
    // A claim lost to another process is skipped; the bound keeps a busy journal from spinning.
    for (let tries = 0; running.size < limit && tries < limit + 8; tries++) {
      const job = store.nextRunnable(now);
      if (!job) break;
      launch(job, now);
    }
    scheduleWake(now);
  }

  function onWorkerMessage(entry: Running, message: Extract<WorkerMessage, { kind: 'started' | 'progress' }>): void {
    const now = clock.now();
    if (entry.lost) return;
    if (message.kind === 'started') {
      store.setTotal(entry.job.id, entry.runToken, message.rowsTotal, now);
      entry.job = { ...entry.job, rowsTotal: message.rowsTotal };
    } else {
      store.progress(entry.job.id, entry.runToken, message, now);
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
    const runToken = randomBytes(6).toString('hex');
    const job = store.claim(queued.id, queued.attempt + 1, owner, runToken, now, leaseMs);
    if (!job) return;
    const partialPath = partialPathFor(job.targetPath, runToken);
    const log = jobLog(job);
    log.info('export.job.started', { type: job.type, format: job.format, attempt: job.attempt, queueWaitMs: now - eligibleAt });
    const spec: ExportSpec = { type: job.type, format: job.format, params: job.params, columns: job.columns, options: job.options } as ExportSpec;
    const workerJob: WorkerJob = {
      jobId: job.id,
      spec,
      dbPath: deps.dbPath,
      targetPath: job.targetPath,
      partialPath,
      runToken,
      now,
      csvBom: settings.get('csvBom'),
      pdfRowCap: settings.get('pdfRowCap'),
      softMemoryMb: settings.get('exportSoftMemoryMb'),
      progressIntervalMs: PROGRESS_INTERVAL_MS,
    };
    const entry = { job, runToken, partialPath, lost: false, eligibleAt, launchedAt: performance.now(), log, lastLogAt: now, stopTimer: null, killTimer: null } as Running;
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
    const { job, log, runToken } = entry;
    // Whatever happened inside the worker, a run that did not complete leaves no partial file
    // (its own: the name is this run's).
    if (outcome.kind !== 'completed') await removePartial(entry.partialPath);
    running.delete(job.id);
    const now = clock.now();
    if (entry.lost || (outcome.kind === 'failed' && outcome.error.code === 'lease_lost')) {
      // Another process holds the job now: its row and its file are that process's to finish.
      log.warn('export.job.lost', { attempt: job.attempt, outcome: outcome.kind });
      pump();
      return;
    }
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

    const lost = () => {
      log.warn('export.job.lost', { attempt: job.attempt, outcome: outcome.kind });
      pump();
    };
    if (outcome.kind === 'completed') {
      const done = store.finish(job.id, runToken, 'completed', { rows: stats.rows, bytes: stats.bytes, error: null }, now);
      if (!done) return lost();
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
      store.requeueInterrupted(job.id, runToken, now);
      log.info('export.job.interrupted', { reason: 'shutdown', attempt: job.attempt });
    } else {
      const error = outcome.kind === 'stopped' ? cancelledFailure().toJobError() : outcome.error;
      const willRetry = error.class === 'transient' && job.attempt < job.maxAttempts;
      if (willRetry) {
        const nextAttemptAt = now + retryDelayMs(job.attempt);
        const waiting = store.scheduleRetry(job.id, runToken, nextAttemptAt, error, now);
        if (!waiting) return lost();
        log.warn('export.job.failed', { errorClass: error.class, errorCode: error.code, message: error.message, attempt: job.attempt, willRetry, nextAttemptAt });
        emitProgress(waiting);
      } else {
        const status = error.class === 'cancelled' ? 'cancelled' : 'failed';
        const done = store.finish(job.id, runToken, status, { rows: stats.rows, bytes: stats.bytes, error }, now);
        if (!done) return lost();
        const fields = { errorClass: error.class, errorCode: error.code, message: error.message, attempt: job.attempt, willRetry };
        if (status === 'cancelled') log.info('export.job.failed', fields);
        else log.error('export.job.failed', fields);
        finished(done);
      }
    }
    pump();
  }

  /** A running job of another process whose owner is gone: its pid is dead here, or its lease ran out. */
  function ownerGone(lease: RunningLease, now: number): string | null {
    if (lease.ownerId === owner.id) return null;
    if (lease.ownerId === null) return 'no_owner';
    if (lease.ownerHost === owner.host && lease.ownerPid !== null && lease.ownerPid !== process.pid && !pidAlive(lease.ownerPid)) {
      return 'owner_exited';
    }
    if (lease.leaseExpiresAt === null || lease.leaseExpiresAt <= now) return 'lease_expired';
    return null;
  }

  /** Takes over (compare-and-set) the running jobs of gone owners and removes their partial files. */
  function recoverOrphans(now: number): void {
    for (const lease of store.runningLeases()) {
      const reason = ownerGone(lease, now);
      if (reason === null) continue;
      const { job } = lease;
      if (!store.takeOver(job.id, lease.runToken, now)) continue;
      // Rows from before leases name no run: their partial file had the plain name.
      const partial = lease.runToken ? partialPathFor(job.targetPath, lease.runToken) : `${job.targetPath}.partial`;
      rmSync(partial, { force: true });
      jobLog(job).warn('export.job.recovered', {
        previousStatus: 'running',
        attempt: job.attempt,
        partialRemoved: true,
        reason,
        previousOwnerPid: lease.ownerPid,
        previousOwnerHost: lease.ownerHost,
      });
    }
  }

  /** Renews this process's leases; a job another process took over is stopped without touching the row or the target. */
  function heartbeat(): void {
    if (stopping) return;
    const now = clock.now();
    try {
      const held = store.heartbeat(owner.id, now, leaseMs);
      for (const entry of running.values()) {
        if (held.has(entry.job.id) || entry.lost) continue;
        entry.lost = true;
        entry.log.warn('export.job.lease_lost', { attempt: entry.job.attempt });
        entry.worker.stop('cancel');
        entry.stopTimer = clock.setTimeout(() => void entry.worker.terminate(), STOP_GRACE_MS);
      }
      recoverOrphans(now);
    } catch (error) {
      // A journal busy with another process's write: the next beat tries again.
      logger.warn('export.heartbeat_failed', { error });
    }
    pump();
  }

  /** While someone waits for a job this process does not run, look at the journal for its end. */
  function pollWaiters(): void {
    if (waiters.size === 0) {
      if (pollTimer !== null) clearInterval(pollTimer);
      pollTimer = null;
      return;
    }
    if (pollTimer !== null) return;
    // Not unref'd: a CLI waiting for a job (a retry's wait included) must stay alive until it ends.
    pollTimer = setInterval(() => {
      for (const id of [...waiters.keys()]) {
        if (running.has(id)) continue;
        const job = store.get(id);
        if (!job || !TERMINAL.has(job.status)) continue;
        const list = waiters.get(id);
        waiters.delete(id);
        for (const resolve of list ?? []) resolve(job);
      }
      pollWaiters();
    }, WAIT_POLL_MS);
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

    /** Recovers jobs whose owner is gone, then starts scheduling and renewing this process's leases. */
    start(): void {
      if (started) return;
      const now = clock.now();
      recoverOrphans(now);
      perf.prune(now, settings.get('perfRetentionDays'), settings.get('perfRetentionMaxRows'));
      started = true;
      unsubscribeSettings = settings.subscribe(() => pump());
      heartbeatTimer = setInterval(heartbeat, heartbeatMs);
      // The workers keep the process alive while they run; the heartbeat alone must not.
      heartbeatTimer.unref();
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
      if (job.status === 'running') {
        throw new AppError('conflict', `Export #${id} is being written by another Spark Journal process (the app or the command line); cancel it there.`);
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
        pollWaiters();
      });
    },

    runningCount: () => running.size,

    /** Stops at a safe point: running jobs abort, drop their partial files and stay queued for the next start. */
    async stop(): Promise<void> {
      if (!started || stopping) return;
      stopping = true;
      unsubscribeSettings?.();
      if (wakeTimer !== null) clock.clearTimeout(wakeTimer);
      if (heartbeatTimer !== null) clearInterval(heartbeatTimer);
      if (pollTimer !== null) clearInterval(pollTimer);
      pollTimer = null;
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
