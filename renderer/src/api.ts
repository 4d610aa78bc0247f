import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import type { ErrorCode } from '../../shared/ipc/errors';

/** An IPC failure as the UI sees it: a closed code and a message written for people. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await window.api.invoke(channel, request);
  if (result.ok) return result.data;
  throw new ApiError(result.error.code, result.error.message, result.error.details);
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.api.on(event, listener);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Spark Journal could not reach its background service. Restart the app; your data is safe.';
}
