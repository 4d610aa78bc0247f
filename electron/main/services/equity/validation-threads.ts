import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { Logger } from '../logging';
import { sourceWorkerEntry, spawnWorkerEntry, type WorkerEntry } from '../workers/worker-entry';
import type { DayKeyRange, DayTotalsRow } from './day-totals-sql';
import { abandonSnapshot, BARRIER_BYTES } from './snapshot-barrier';
import { compareDays, type ComparisonResult } from './validate';
import type { StoredDayRow } from './stored-days-sql';
import { createRangePlanner, type RangePlan } from './validation-ranges';
import type { ValidationRequest, ValidationResponse, ValidationWorkerData } from './validation-protocol';

/** Where a validation's time went (for the log and the benchmark). */
export interface ValidationTimings {
  threads: number;
  /** Each thread's snapshot, sums and stored rows of its range. */
  readMs: number[];
  /** Running equity from the totals, compared with the stored rows (on the main thread). */
  compareMs: number;
  /** From the call to the answer, as the main thread saw it. */
  wallMs: number;
}

export type ValidationOutcome = ComparisonResult & { timings: ValidationTimings };

/** Recomputes daily equity from the trades off the main thread and compares it with what is stored (read in the same snapshot). */
export interface EquityValidator {
  /** Every account (null) or one. Validations run one at a time, in call order. */
  compare(accountId: number | null): Promise<ValidationOutcome>;
  /** The ranges the next validation of this scope would use (one per thread). */
  plan(accountId: number | null): DayKeyRange[];
  /** Stops the threads; validations still waiting are refused. */
  close(): Promise<void>;
}

export interface EquityValidatorDeps {
  /** The main connection: only read, for the stored trade counts that balance the threads. */
  sqlite: Sqlite;
  dbPath: string;
  entry: WorkerEntry;
  logger: Logger;
  /** Defaults: up to 4 threads (never more than the cores), at least 50,000 trades each. */
  plan?: Partial<RangePlan>;
}

/** The validation worker from TypeScript source, for vitest, tsx scripts and the harness. */
export function sourceValidationWorker(): WorkerEntry {
  return sourceWorkerEntry(new URL('./validation-worker.ts', import.meta.url));
}

interface Thread {
  worker: Worker;
  waiting: { runId: number; resolve(response: ValidationResponse): void; reject(error: Error): void } | null;
}

const CLOSED = 'Spark Journal is closing; equity validation is not available.';

/**
 * Validation in worker_threads, each with its own read-only connection. A large journal is
 * split into contiguous ranges of account-days, one per thread, each summed from the trades
 * and read back from daily_equity in parallel, in one shared snapshot (snapshot-barrier.ts);
 * the running equity and the comparison then take a few milliseconds here. Threads start on
 * the first validation, stay for the next (unreferenced while idle), and are started again
 * after a crash.
 */
export function createEquityValidator(deps: EquityValidatorDeps): EquityValidator {
  const plan: RangePlan = {
    parts: deps.plan?.parts ?? Math.max(1, Math.min(4, availableParallelism())),
    minTradesPerPart: deps.plan?.minTradesPerPart ?? 50_000,
  };
  const planRanges = createRangePlanner(deps.sqlite, plan);
  const threads: (Thread | null)[] = [];
  let tail: Promise<unknown> = Promise.resolve();
  let nextRunId = 1;
  let closed = false;

  const start = (index: number): Thread => {
    const data: ValidationWorkerData = { dbPath: deps.dbPath };
    const worker = spawnWorkerEntry(deps.entry, { workerData: data, stdout: false, stderr: false });
    const thread: Thread = { worker, waiting: null };
    const fail = (error: Error) => {
      const waiting = thread.waiting;
      thread.waiting = null;
      waiting?.reject(error);
    };
    worker.on('message', (response: ValidationResponse) => {
      const waiting = thread.waiting;
      // A late answer to a validation that already failed elsewhere.
      if (!waiting || waiting.runId !== response.runId) return;
      thread.waiting = null;
      worker.unref();
      waiting.resolve(response);
    });
    worker.on('error', (error) => {
      deps.logger.error('equity.validation.worker_crashed', { error });
      fail(new AppError('internal', 'An equity validation thread stopped unexpectedly. Try again; the details are in the log file.'));
    });
    worker.on('exit', () => {
      if (threads[index] === thread) threads[index] = null;
      fail(new AppError('internal', 'An equity validation thread stopped before it answered. Try again.'));
    });
    return thread;
  };

  const ask = (index: number, request: ValidationRequest): Promise<ValidationResponse> => {
    const thread = (threads[index] ??= start(index));
    thread.worker.ref();
    return new Promise((resolve, reject) => {
      thread.waiting = { runId: request.runId, resolve, reject };
      thread.worker.postMessage(request);
    });
  };

  const answer = (response: ValidationResponse): Extract<ValidationResponse, { ok: true }> => {
    if (!response.ok) throw new AppError('internal', `Equity validation failed: ${response.message}`);
    return response;
  };

  const run = async (accountId: number | null): Promise<ValidationOutcome> => {
    const t0 = performance.now();
    const ranges = planRanges(accountId);
    const runId = nextRunId++;
    const barrier = ranges.length > 1 ? new SharedArrayBuffer(BARRIER_BYTES) : null;
    let parts: Extract<ValidationResponse, { ok: true }>[];
    try {
      parts = await Promise.all(
        ranges.map(async (range, i) =>
          answer(await ask(i, { type: 'read', runId, range, role: i === 0 ? 'leader' : 'follower', followers: ranges.length - 1, barrier })),
        ),
      );
    } catch (error) {
      // One thread failed while others may still be starting (a worker's first start takes a
      // while): a leader waiting for them would hold the write lock until its timeout, and they
      // would wait for a snapshot nobody needs. Open the barrier as failed for everyone.
      if (barrier) abandonSnapshot(barrier);
      throw error;
    }
    // A few thousand days: cheaper here than another round trip to a thread.
    const t1 = performance.now();
    const totals = parts.flatMap((p) => JSON.parse(p.totals) as DayTotalsRow[]);
    // The ranges are in key order and each one's rows too: joined, they stay in key order.
    const stored = parts.flatMap((p) => JSON.parse(p.stored) as StoredDayRow[]);
    const result = compareDays(totals, stored, new Map(parts[0]!.startingBalances ?? []));
    const t2 = performance.now();
    const timings = { threads: ranges.length, readMs: parts.map((p) => Math.round(p.ms)), compareMs: Math.round(t2 - t1), wallMs: Math.round(t2 - t0) };
    return { ...result, timings };
  };

  return {
    compare(accountId) {
      if (closed) return Promise.reject(new AppError('internal', CLOSED));
      const result = tail.then(() => (closed ? Promise.reject(new AppError('internal', CLOSED)) : run(accountId)));
      tail = result.catch(() => undefined);
      return result;
    },
    plan: planRanges,
    async close() {
      closed = true;
      const running = threads.splice(0).filter((t): t is Thread => t !== null);
      await Promise.all(running.map((t) => t.worker.terminate()));
    },
  };
}
