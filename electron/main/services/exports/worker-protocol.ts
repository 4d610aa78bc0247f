import type { ExportJobError } from '../../../../shared/domain/export-job';
import type { ExportSpec } from '../../../../shared/domain/export-params';

/** Everything a worker needs to run one attempt of one job. */
export interface WorkerJob {
  jobId: number;
  spec: ExportSpec;
  dbPath: string;
  targetPath: string;
  /** This run's own partial file (see partialPathFor). */
  partialPath: string;
  /** The run's token in export_jobs: the rename happens only while the row still holds it. */
  runToken: string;
  /** The "as of" time of the export (goal and prop figures depend on today). */
  now: number;
  csvBom: boolean;
  pdfRowCap: number;
  softMemoryMb: number;
  progressIntervalMs: number;
}

/** Values of the shared control word main sets to stop a worker at its next safe point. */
export const CONTROL_RUN = 0;
export const CONTROL_CANCEL = 1;
/** The app is closing: stop, remove the partial file, leave the job to be resumed. */
export const CONTROL_SHUTDOWN = 2;

export interface WorkerData {
  job: WorkerJob;
  /** Int32Array over this: [control]. Read between row chunks without waiting for messages. */
  control: SharedArrayBuffer;
}

export interface RunStats {
  rows: number;
  bytes: number;
  durationMs: number;
  chunkP50Ms: number | null;
  chunkP95Ms: number | null;
  chunkMaxMs: number | null;
  peakHeapBytes: number;
}

export type WorkerMessage =
  | { kind: 'started'; rowsTotal: number }
  | { kind: 'progress'; rowsWritten: number; rowsTotal: number; bytesWritten: number; heapUsed: number }
  | { kind: 'completed'; stats: RunStats }
  | { kind: 'failed'; error: ExportJobError; stats: RunStats }
  | { kind: 'stopped'; reason: 'cancel' | 'shutdown'; stats: RunStats };

/** The end of a run as main sees it (a crash is a failed run main classified itself). */
export type RunOutcome = Extract<WorkerMessage, { kind: 'completed' | 'failed' | 'stopped' }>;
