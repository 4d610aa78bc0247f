import { parentPort, workerData } from 'node:worker_threads';
import { MAX_MMAP_BYTES, openDb, openLockConnection, type Sqlite } from '../db/client';
import { readDayTotalsJson } from './day-totals-sql';
import { readStartingBalances, readStoredDaysJson } from './stored-days-sql';
import { followSnapshot, leadSnapshot } from './snapshot-barrier';
import type { ValidationRequest, ValidationResponse, ValidationWorkerData } from './validation-protocol';

// The equity validation worker_thread's entry (bundled as out/main/equity-validation-worker.js):
// in its own read-only connection, inside the snapshot every thread of a validation shares,
// it recomputes one range of account-days from the trades and reads what daily_equity
// stores for the same range.
if (!parentPort) throw new Error('equity validation worker: must run as a worker_thread');
const port = parentPort;
const { dbPath } = workerData as ValidationWorkerData;
const read = openDb(dbPath, { readonly: true }).sqlite;
// Every write on the main connection (each validation run writes its own row) makes a read
// connection drop its page cache at its next transaction, so without a mapping each run copies
// its whole range of the index in again through read(). Mapped, the pages come straight from
// the OS cache: about 8 % off a range, measured. The journal file is never shrunk under an
// open connection (no VACUUM, only VACUUM INTO), so a mapped page cannot vanish.
read.pragma(`mmap_size = ${MAX_MMAP_BYTES}`);
let lock: Sqlite | null = null;
// A write already running (an import) may hold the lock for a while: wait it out.
const openLock = () => (lock ??= openLockConnection(dbPath, 60_000));

function handle(request: ValidationRequest): ValidationResponse {
  const t0 = performance.now();
  const barrier = request.barrier ? new Int32Array(request.barrier) : null;
  if (request.role === 'leader') leadSnapshot(read, openLock, barrier, request.followers);
  else if (barrier) followSnapshot(read, barrier);
  else throw new Error('A follower needs the barrier of its validation.');
  try {
    const totals = readDayTotalsJson(read, request.range);
    const stored = readStoredDaysJson(read, request.range);
    const startingBalances = request.role === 'leader' ? readStartingBalances(read) : null;
    return { type: 'read', runId: request.runId, ok: true, totals, stored, startingBalances, ms: performance.now() - t0 };
  } finally {
    read.exec('ROLLBACK');
  }
}

port.on('message', (request: ValidationRequest) => {
  let response: ValidationResponse;
  try {
    response = handle(request);
  } catch (error) {
    if (read.inTransaction) read.exec('ROLLBACK');
    response = { type: 'failed', runId: request.runId, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
