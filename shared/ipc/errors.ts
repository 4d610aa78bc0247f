// The closed set of error codes that may cross the IPC boundary.
export const ERROR_CODES = ['validation', 'not_found', 'conflict', 'limit', 'io', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Every invoke answers with this envelope: a stack trace or `undefined` never crosses. */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
