import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../errors';
import type { ChosenFile } from '../../../../shared/domain/chosen-file';

const IDLE_MS = 60 * 60_000;
const MAX_TOKENS = 50;

/**
 * Files the user picked in main's open dialog, handed to the renderer as random tokens: the
 * renderer can name only a file the user chose in this session, never a path. Tokens live in
 * memory (gone with the process) and expire after an hour unused.
 */
export function createFileTokens(now: () => number) {
  const entries = new Map<string, { path: string; expiresAt: number }>();

  const sweep = (at: number) => {
    for (const [token, entry] of entries) if (entry.expiresAt <= at) entries.delete(token);
    // Oldest first (insertion order): a long session keeps only the latest picks.
    while (entries.size > MAX_TOKENS) entries.delete(entries.keys().next().value as string);
  };

  return {
    issue(path: string): ChosenFile {
      const at = now();
      const token = randomBytes(16).toString('hex');
      entries.set(token, { path, expiresAt: at + IDLE_MS });
      sweep(at);
      return { token, fileName: basename(path) };
    },
    /** The absolute path behind a token; each use keeps it alive another hour. */
    resolve(token: string): string {
      const at = now();
      sweep(at);
      const entry = entries.get(token);
      if (!entry) {
        throw new AppError('not_found', 'That file choice has expired or was made before Spark Journal restarted. Choose the file again.');
      }
      entry.expiresAt = at + IDLE_MS;
      return entry.path;
    },
  };
}

export type FileTokens = ReturnType<typeof createFileTokens>;
