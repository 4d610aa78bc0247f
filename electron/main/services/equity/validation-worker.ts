import { parentPort, workerData } from 'node:worker_threads';
import { openDb, openLockConnection, type Sqlite } from '../db/client';
import { readDayTotals } from './day-totals-sql';
import { compareWithStored } from './validate';
import { followSnapshot, leadSnapshot } from './snapshot-barrier';
import type { ValidationRequest, ValidationResponse, ValidationWorkerData } from './validation-protocol';

// The equity validation worker_thread's entry (bundled as out/main/equity-validation-worker.js):
// sums one range of account-days in its own read-only connection; the leader of a validation
// also compares every range's totals with daily_equity, inside the snapshot all threads share.
if (!parentPort) throw new Error('equity validation worker: must run as a worker_thread');
const port = parentPort;
const { dbPath } = workerData as ValidationWorkerData;
const read = openDb(dbPath, { readonly: true }).sqlite;
let lock: Sqlite | null = null;
// A write already running (an import) may hold the lock for a while: wait it out.
const openLock = () => (lock ??= openLockConnection(dbPath, 60_000));

const endRead = () => {
  if (read.inTransaction) read.exec('ROLLBACK');
};

function handle(request: ValidationRequest): ValidationResponse | null {
  switch (request.type) {
    case 'totals': {
      const t0 = performance.now();
      endRead();
      const barrier = request.barrier ? new Int32Array(request.barrier) : null;
      if (request.role === 'leader') leadSnapshot(read, openLock, barrier, request.followers);
      else if (barrier) followSnapshot(read, barrier);
      else throw new Error('A follower needs the barrier of its validation.');
      const rows = readDayTotals(read, request.range);
      // The leader keeps its snapshot for the comparison.
      if (request.role === 'follower') endRead();
      return { type: 'totals', runId: request.runId, ok: true, rows, ms: performance.now() - t0 };
    }
    case 'compare': {
      if (!read.inTransaction) throw new Error('Compare without the snapshot the totals were read in.');
      const t0 = performance.now();
      const result = compareWithStored(read, request.totals, request.accountId);
      endRead();
      return { type: 'compared', runId: request.runId, ok: true, result, ms: performance.now() - t0 };
    }
    case 'abort':
      endRead();
      return null;
  }
}

port.on('message', (request: ValidationRequest) => {
  let response: ValidationResponse | null;
  try {
    response = handle(request);
  } catch (error) {
    endRead();
    response = { type: 'failed', runId: request.runId, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (response) port.postMessage(response);
});
