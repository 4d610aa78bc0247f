import type { DayKeyRange } from './day-totals-sql';

/** main -> validation worker: read one range of a validation. */
export interface ValidationRequest {
  type: 'read';
  /** Every message of one validation carries its runId. */
  runId: number;
  range: DayKeyRange;
  /** The leader takes the write lock while every thread pins its snapshot; followers wait for it. */
  role: 'leader' | 'follower';
  followers: number;
  /** Shared by the threads of one validation (snapshot-barrier.ts); null for a single thread. */
  barrier: SharedArrayBuffer | null;
}

/** validation worker -> main. */
export type ValidationResponse =
  | {
      type: 'read';
      runId: number;
      ok: true;
      /** The range's day totals recomputed from the trades, as JSON (day-totals-sql.ts), key order. */
      totals: string;
      /** The range's daily_equity rows as JSON (stored-days-sql.ts), key order. */
      stored: string;
      /** Every account's starting balance; the leader's answer only. */
      startingBalances: [number, number][] | null;
      ms: number;
    }
  | { type: 'failed'; runId: number; ok: false; message: string };

export interface ValidationWorkerData {
  dbPath: string;
}
