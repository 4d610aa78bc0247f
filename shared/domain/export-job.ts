import type { ErrorClass, ExportFormat, ExportJobStatus, ExportType } from './enums';
import type { ExportSpec } from './export-params';

export interface ExportJobError {
  class: ErrorClass;
  /** A stable code: e.g. disk_full, permission_denied, folder_missing, memory, pdf_row_cap, worker_crashed. */
  code: string;
  message: string;
}

export interface ExportJobState {
  id: number;
  /** Carried by every log line of the job. */
  requestId: string;
  targetPath: string;
  status: ExportJobStatus;
  /** Runs started so far (a run cut short by an app restart is not counted). */
  attempt: number;
  maxAttempts: number;
  /** A transient failure waits until this time (epoch ms) before the next attempt. */
  nextAttemptAt: number | null;
  error: ExportJobError | null;
  rowsWritten: number;
  rowsTotal: number | null;
  bytesWritten: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
}

export type ExportJob = ExportSpec & ExportJobState;

export interface ExportProgressEvent {
  jobId: number;
  requestId: string;
  type: ExportType;
  format: ExportFormat;
  status: ExportJobStatus;
  attempt: number;
  rowsWritten: number;
  rowsTotal: number | null;
  bytesWritten: number;
}

/** A job's progress event: what the queue pushes to the renderer and the tray shows. */
export function progressEventOf(job: ExportJob): ExportProgressEvent {
  return {
    jobId: job.id,
    requestId: job.requestId,
    type: job.type,
    format: job.format,
    status: job.status,
    attempt: job.attempt,
    rowsWritten: job.rowsWritten,
    rowsTotal: job.rowsTotal,
    bytesWritten: job.bytesWritten,
  };
}

export interface ExportFinishedEvent {
  job: ExportJob;
}

export interface ExportHealth {
  queued: number;
  /** Queued jobs waiting for a retry time. */
  waitingRetry: number;
  running: number;
  /** Jobs by their final state (every job ever finished; retention does not shrink these). */
  processed: number;
  failed: number;
  cancelled: number;
  /** Finished jobs that needed more than one attempt. */
  retried: number;
  /** Over the kept performance rows of completed runs (see the retention settings). */
  averageDurationMs: number | null;
  /** When the oldest finished job counted was created, epoch ms (null when there is none). */
  since: number | null;
}

export interface ExportPerfRun {
  id: number;
  jobId: number | null;
  type: ExportType;
  format: ExportFormat;
  outcome: ExportJobStatus;
  attempt: number;
  queueWaitMs: number;
  durationMs: number;
  rows: number;
  bytes: number;
  rowsPerSec: number;
  chunkP50Ms: number | null;
  chunkP95Ms: number | null;
  chunkMaxMs: number | null;
  peakHeapBytes: number | null;
  createdAt: number;
}

export interface ExportPerfSummary {
  type: ExportType;
  format: ExportFormat;
  runs: number;
  completed: number;
  failed: number;
  durationP50Ms: number;
  durationP95Ms: number;
  durationMaxMs: number;
  rowsPerSecP50: number;
  rows: number;
}
