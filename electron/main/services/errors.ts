import type { ErrorCode, IpcError } from '../../../shared/ipc/errors';

/** The one error type services throw on purpose; its code crosses the IPC boundary as is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const validationError = (message: string, details?: unknown) => new AppError('validation', message, details);
export const notFound = (message: string) => new AppError('not_found', message);

/** Anything unexpected becomes `internal` with a plain message: never a stack trace. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof AppError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  return { code: 'internal', message: 'Something went wrong inside Spark Journal. The details are in the log file.' };
}
