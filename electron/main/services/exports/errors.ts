import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ErrorClass } from '../../../../shared/domain/enums';
import type { ExportJobError } from '../../../../shared/domain/export-job';
import { ZipTooLargeError } from './writers/zip';

/** A classified export failure: what the job's state and the user's message are built from. */
export class ExportFailure extends Error {
  constructor(
    readonly errorClass: ErrorClass,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExportFailure';
  }

  toJobError(): ExportJobError {
    return { class: this.errorClass, code: this.code, message: this.message };
  }
}

export const MAX_RETRY_DELAY_MS = 30_000;

/** Wait after the n-th failed attempt (1-based): 500 ms x 2^(n-1), at most 30 s. */
export function retryDelayMs(failedAttempt: number): number {
  return Math.min(500 * 2 ** Math.max(0, failedAttempt - 1), MAX_RETRY_DELAY_MS);
}

const TRANSIENT_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_IOERR',
  'EBUSY',
  'EAGAIN',
  'EMFILE',
  'ENFILE',
  'EIO',
  'ETIMEDOUT',
  'EINTR',
]);

interface ErrnoLike {
  code?: unknown;
  path?: unknown;
  syscall?: unknown;
  message?: unknown;
}

/** How a transient failure's message ends while another attempt is coming. */
const WILL_RETRY = 'It will be retried.';

/** What to do once a transient failure has used every attempt, by error code. */
function adviceAfterLastAttempt(code: string): string {
  if (code === 'worker_crashed') {
    return 'If it happens again, export fewer rows or columns, or as CSV; the log file has the details.';
  }
  if (code.startsWith('sqlite_')) {
    return 'Another program (or a second Spark Journal) may be holding the journal: close it, then press Retry on this export.';
  }
  return 'Check that the disk is connected and nothing else is using the file, then press Retry on this export.';
}

/**
 * The words of a transient failure when no attempt is left: the job has failed for good, so it
 * says so and what to do instead of promising a retry.
 */
export function finalAttemptError(error: ExportJobError, attempts: number): ExportJobError {
  if (error.class !== 'transient') return error;
  const cause = error.message.endsWith(WILL_RETRY) ? error.message.slice(0, -WILL_RETRY.length).trimEnd() : error.message;
  const tries = attempts === 1 ? 'It was tried once' : `It was tried ${attempts} times`;
  return { ...error, message: `${cause} ${tries} and will not be retried automatically. ${adviceAfterLastAttempt(error.code)}` };
}

/** Sorts any error from an export run into validation / terminal / transient with a message that says what to do. */
export function classifyError(error: unknown, targetPath: string): ExportFailure {
  if (error instanceof ExportFailure) return error;
  if (error instanceof ZipTooLargeError) {
    return new ExportFailure('validation', 'too_large', `${error.message} Export as CSV, or narrow the filters.`);
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrnoLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const folder = dirname(targetPath);
  if (code === 'EISDIR') {
    return new ExportFailure(
      'validation',
      'target_is_folder',
      `${targetPath} is a folder, so the export cannot be saved under that name. Export again and choose a file name.`,
    );
  }
  if (e.syscall === 'rename' && !['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS'].includes(code) && existsSync(folder)) {
    // The folder is there: the finished temporary file could not be moved onto the target.
    return new ExportFailure(
      'terminal',
      'rename_failed',
      code === 'ENOENT'
        ? `The finished export could not be moved onto ${targetPath}: its temporary file was removed before the move (another program or Spark Journal process may have deleted it). Export again.`
        : `The finished export could not be moved onto ${targetPath} (${code || 'rename failed'}). Check that the file is not open in another program, then export again.`,
    );
  }
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new ExportFailure(
        'terminal',
        'disk_full',
        `The disk holding ${folder} is full. Free some space or choose another folder, then retry the export.`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ExportFailure(
        'terminal',
        'permission_denied',
        `Spark Journal is not allowed to write to ${folder} (permission denied). Choose a folder you can write to, then export again.`,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      if (typeof e.path === 'string' && e.path.startsWith(folder) && !existsSync(folder)) {
        return new ExportFailure(
          'terminal',
          'folder_missing',
          `The folder ${folder} no longer exists (it may have been moved, deleted or unmounted). Choose another folder and export again.`,
        );
      }
      break;
    case 'ERR_WORKER_OUT_OF_MEMORY':
      return memoryFailure('hard');
  }
  if (TRANSIENT_CODES.has(code) || code.startsWith('SQLITE_IOERR')) {
    return new ExportFailure('transient', code.toLowerCase(), `A temporary problem interrupted the export (${code}). ${WILL_RETRY}`);
  }
  const message = typeof e.message === 'string' ? e.message : String(error);
  return new ExportFailure('terminal', 'internal', `The export stopped on an unexpected error: ${message}`);
}

/** Hard = the worker hit its heap cap (exportWorkerHeapMb); soft = it passed exportSoftMemoryMb. */
export function memoryFailure(which: 'hard' | 'soft', limitMb?: number): ExportFailure {
  return which === 'hard'
    ? new ExportFailure(
        'terminal',
        'memory',
        `The export ran out of memory${limitMb ? ` (worker heap cap ${limitMb} MiB)` : ''}. Raise "Export worker memory" (exportWorkerHeapMb) in Settings, choose fewer columns or rows, or export as CSV.`,
      )
    : new ExportFailure(
        'terminal',
        'memory',
        `The export used more memory than the soft limit of ${limitMb} MiB (setting exportSoftMemoryMb). Raise that setting in Settings, choose fewer columns or rows, or export as CSV.`,
      );
}

export const cancelledFailure = () => new ExportFailure('cancelled', 'cancelled', 'The export was cancelled.');

export const crashFailure = (detail: string) =>
  new ExportFailure('transient', 'worker_crashed', `The export worker stopped unexpectedly (${detail}). ${WILL_RETRY}`);
