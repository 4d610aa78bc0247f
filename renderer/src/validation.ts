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

/** zod's generic wording, rephrased for a person; specific messages pass through unchanged. */
export function plainIssue(message: string): string {
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^Too big: expected (?:number|int) to be <=?\s*([\d.]+)/i, (m) => `must be at most ${Number(m[1]).toLocaleString()}`],
    [/^Too big: expected number to be <\s*([\d.]+)/i, (m) => `must be less than ${Number(m[1]).toLocaleString()}`],
    [/^Too small: expected (?:number|int) to be >=?\s*([\d.]+)/i, (m) => `must be at least ${Number(m[1]).toLocaleString()}`],
    [/^Too small: expected number to be >\s*([\d.]+)/i, (m) => `must be more than ${Number(m[1]).toLocaleString()}`],
    [/^Too big: expected string to have <=?\s*(\d+) characters/i, (m) => `must be at most ${m[1]} characters long`],
    [/^Too small: expected string to have >=?\s*1 characters/i, () => 'must not be empty'],
    [/expected int, received number/i, () => 'must be a whole number'],
    [/expected number, received (null|NaN|nan|string)/i, () => 'enter a number'],
    [/expected boolean/i, () => 'choose yes or no'],
    [/^Invalid option: expected one of (.*)$/i, (m) => `choose one of ${m[1]!.replace(/"/g, '').replace(/\|/g, ', ')}`],
  ];
  for (const [pattern, rewrite] of rules) {
    const match = message.match(pattern);
    if (match) return rewrite(match);
  }
  return message;
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
    if (!(key in out)) out[key] = plainIssue(issue.message);
  }
  return out;
}
