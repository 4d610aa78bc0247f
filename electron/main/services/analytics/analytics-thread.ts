import type { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { Logger } from '../logging';
import { sourceWorkerEntry, spawnWorkerEntry, type WorkerEntry } from '../workers/worker-entry';
import type { AnalyticsService } from './analytics-service';
import type { AnalyticsMethod, AnalyticsRequest, AnalyticsResponse, AnalyticsWorkerData } from './analytics-protocol';

/** The analytics service with every call answered off the main thread. */
export type ThreadedAnalytics = {
  [M in AnalyticsMethod]: (...args: Parameters<AnalyticsService[M]>) => Promise<ReturnType<AnalyticsService[M]>>;
} & {
  /** Stops the worker; calls still waiting are refused. */
  close(): Promise<void>;
};

/** The analytics worker from TypeScript source, for vitest, tsx scripts and the harness. */
export function sourceAnalyticsWorker(): WorkerEntry {
  return sourceWorkerEntry(new URL('./analytics-worker.ts', import.meta.url));
}

interface Pending {
  method: AnalyticsMethod;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * Runs the analytics queries (each a full pass over the filtered trades: about 2 s for a
 * summary of a million) in one worker_thread with its own read-only connection. WAL gives
 * each query the latest committed journal. The worker starts on the first call and is
 * started again after a crash; calls are answered in order.
 */
export function createThreadedAnalytics(deps: { dbPath: string; entry: WorkerEntry; logger: Logger }): ThreadedAnalytics {
  let worker: Worker | null = null;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const data: AnalyticsWorkerData = { dbPath: deps.dbPath };
    const started = spawnWorkerEntry(deps.entry, { workerData: data, stdout: false, stderr: false });
    started.on('message', (response: AnalyticsResponse) => {
      const call = pending.get(response.id);
      if (!call) return;
      pending.delete(response.id);
      if (pending.size === 0) started.unref();
      if (response.ok) return call.resolve(response.value);
      if (response.error.code === 'internal') deps.logger.error('analytics.worker.call_failed', { method: call.method, message: response.error.message });
      call.reject(
        response.error.code === 'internal'
          ? new Error(`analytics ${call.method}: ${response.error.message}`)
          : new AppError(response.error.code, response.error.message),
      );
    });
    started.on('error', (error) => {
      deps.logger.error('analytics.worker.crashed', { error });
      failAll(new AppError('internal', 'The analytics worker stopped unexpectedly. Try again; the details are in the log file.'));
    });
    started.on('exit', () => {
      if (worker === started) worker = null;
      failAll(new AppError('internal', 'The analytics worker stopped before it answered. Try again.'));
    });
    return started;
  };

  const call =
    <M extends AnalyticsMethod>(method: M) =>
    (...args: Parameters<AnalyticsService[M]>): Promise<ReturnType<AnalyticsService[M]>> => {
      if (closed) return Promise.reject(new AppError('internal', 'Spark Journal is closing; analytics are not available.'));
      worker ??= start();
      // Held while a call waits (a script awaiting it must not exit), let go when idle.
      worker.ref();
      const id = nextId++;
      const request: AnalyticsRequest = { id, method, args };
      return new Promise((resolve, reject) => {
        pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject });
        worker!.postMessage(request);
      });
    };

  return {
    summary: call('summary'),
    breakdown: call('breakdown'),
    equityCurve: call('equityCurve'),
    calendar: call('calendar'),
    async close() {
      closed = true;
      const running = worker;
      worker = null;
      failAll(new AppError('internal', 'Spark Journal is closing; analytics are not available.'));
      await running?.terminate();
    },
  };
}
