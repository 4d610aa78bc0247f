import { ApiError } from './api';

interface Issue {
  path: string[];
  message: string;
}

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { path?: unknown; message?: unknown };
  return Array.isArray(v.path) && v.path.every((p) => typeof p === 'string') && typeof v.message === 'string';
}

/**
 * The server's `validation` issues keyed by field path (joined with '.'), with the request's
 * wrapping keys (e.g. 'patch') stripped, so a form can show each message beside its field.
 */
export function fieldErrors(error: unknown, strip: string[] = []): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation' || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details) {
    if (!isIssue(issue)) continue;
    let path = issue.path;
    while (path.length > 0 && strip.includes(path[0]!)) path = path.slice(1);
    const key = path.join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
