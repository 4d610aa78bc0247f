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

/** A field path as words a person reads ('filter.dateFrom' -> 'date from'). */
function fieldWords(path: readonly string[]): string {
  const last = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
  return last
    .replace(/Cents$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/**
 * The message to show for a failed call. Validation errors are rebuilt from their issues so
 * the user reads what is wrong, never the request's field paths ("params.filter.dateFrom"):
 * a message written as a sentence stands alone, a fragment gets the field's name in words.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'validation' && Array.isArray(error.details) && error.details.length > 0) {
    const issues = error.details as { path?: unknown; message?: unknown }[];
    const lines = issues.flatMap((issue) => {
      if (typeof issue.message !== 'string') return [];
      if (/^[A-Z"“]/.test(issue.message)) return [issue.message];
      const path = Array.isArray(issue.path) ? issue.path.map(String) : [];
      const words = fieldWords(path);
      return [words ? `${words[0]!.toUpperCase()}${words.slice(1)} ${issue.message}` : issue.message];
    });
    if (lines.length > 0) return [...new Set(lines)].join(' ');
  }
  if (error instanceof ApiError) return error.message;
  return 'Spark Journal could not reach its background service. Restart the app; your data is safe.';
}
