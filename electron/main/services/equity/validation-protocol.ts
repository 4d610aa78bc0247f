import type { DayKeyRange, DayTotalsRow } from './day-totals-sql';
import type { ComparisonResult } from './validate';

/** main -> validation worker. Every message of one validation carries its runId. */
export type ValidationRequest =
  | {
      type: 'totals';
      runId: number;
      range: DayKeyRange;
      /** The leader pins first and later compares; followers only sum their range. */
      role: 'leader' | 'follower';
      followers: number;
      /** Shared by the threads of one validation (snapshot-barrier.ts); null for a single thread. */
      barrier: SharedArrayBuffer | null;
    }
  | { type: 'compare'; runId: number; totals: DayTotalsRow[]; accountId: number | null }
  | { type: 'abort'; runId: number };

/** validation worker -> main. */
export type ValidationResponse =
  | { type: 'totals'; runId: number; ok: true; rows: DayTotalsRow[]; ms: number }
  | { type: 'compared'; runId: number; ok: true; result: ComparisonResult; ms: number }
  | { type: 'failed'; runId: number; ok: false; message: string };

export interface ValidationWorkerData {
  dbPath: string;
}
