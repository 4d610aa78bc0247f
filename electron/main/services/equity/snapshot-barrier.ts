import type { Sqlite } from '../db/client';

/**
 * Several connections reading one validation must see the same committed journal: a trade
 * written between two threads' snapshots would look like a discrepancy. WAL snapshots
 * cannot be shared across connections, so the leader briefly takes the write lock (no
 * commit can land), every thread starts its read transaction, and the leader lets go:
 * writers wait a few milliseconds at most. The threads meet on a SharedArrayBuffer with
 * Atomics, never through the main thread, whose own writes may be the ones waiting.
 */
export const BARRIER_BYTES = 2 * Int32Array.BYTES_PER_ELEMENT;
const STATE = 0;
const PINNED = 1;
const WAITING = 0;
const LOCKED = 1;
const FAILED = 2;

/** How long a follower waits for the leader to hold the lock (the leader may wait for a long import). */
const FOLLOWER_WAIT_MS = 90_000;
/** How long the leader holds the lock waiting for the followers to start their reads. */
const LEADER_WAIT_MS = 10_000;

/** Starts a read transaction: from here on the connection sees one fixed snapshot. */
function pinSnapshot(read: Sqlite): void {
  read.exec('BEGIN');
  read.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
}

/**
 * The leader: with no followers it only pins its own snapshot. Otherwise it takes the write
 * lock on `lock` (its busy timeout rides out a running write), pins, waits for every
 * follower to pin, and releases.
 */
export function leadSnapshot(read: Sqlite, lock: () => Sqlite, barrier: Int32Array | null, followers: number): void {
  if (!barrier || followers === 0) return pinSnapshot(read);
  const locker = lock();
  try {
    locker.exec('BEGIN IMMEDIATE');
  } catch (error) {
    signal(barrier, FAILED);
    throw error;
  }
  try {
    pinSnapshot(read);
    signal(barrier, LOCKED);
    const deadline = Date.now() + LEADER_WAIT_MS;
    for (let pinned = Atomics.load(barrier, PINNED); pinned < followers; pinned = Atomics.load(barrier, PINNED)) {
      if (Atomics.load(barrier, STATE) === FAILED) throw new Error('Validation was abandoned before every thread started.');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Validation threads did not start in ${LEADER_WAIT_MS / 1000} s.`);
      Atomics.wait(barrier, PINNED, pinned, left);
    }
  } catch (error) {
    signal(barrier, FAILED);
    if (read.inTransaction) read.exec('ROLLBACK');
    throw error;
  } finally {
    locker.exec('ROLLBACK');
  }
}

/** A follower: waits for the leader's lock, pins its snapshot and says so. */
export function followSnapshot(read: Sqlite, barrier: Int32Array): void {
  Atomics.wait(barrier, STATE, WAITING, FOLLOWER_WAIT_MS);
  const state = Atomics.load(barrier, STATE);
  if (state !== LOCKED) {
    throw new Error(state === FAILED ? 'Validation could not take a consistent snapshot of the journal.' : 'Validation timed out waiting for the journal.');
  }
  pinSnapshot(read);
  Atomics.add(barrier, PINNED, 1);
  Atomics.notify(barrier, PINNED);
}

/**
 * Gives up on a validation from outside (the main thread, when one thread has already
 * failed): a leader still holding the write lock for followers that will never come lets
 * go at once, and followers that have not started yet fail instead of waiting.
 */
export function abandonSnapshot(buffer: SharedArrayBuffer): void {
  const barrier = new Int32Array(buffer);
  signal(barrier, FAILED);
  Atomics.notify(barrier, PINNED);
}

function signal(barrier: Int32Array, state: number): void {
  Atomics.store(barrier, STATE, state);
  Atomics.notify(barrier, STATE);
}
