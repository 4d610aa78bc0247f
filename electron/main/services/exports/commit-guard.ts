import { openLockConnection } from '../db/client';
import { ExportFailure } from './errors';
import type { Commit } from './file-sink';

/** How long the commit waits for another process's write to the journal before giving up. */
const BUSY_TIMEOUT_MS = 10_000;

/** This run no longer holds its job: another process took it over. The target is not touched. */
export const leaseLostFailure = () =>
  new ExportFailure(
    'terminal',
    'lease_lost',
    'Another Spark Journal process took over this export (this one stopped answering for too long), so this run left the file alone.',
  );

/**
 * The compare-and-set before the rename: in one write transaction on the journal, check that
 * export_jobs still names this run (and push its lease on), rename, commit. A takeover by
 * another process needs the same write lock, so it happens wholly before (the check fails and
 * the target is never touched) or wholly after the rename (the file in place is complete).
 */
export function commitIfOwner(dbPath: string, jobId: number, runToken: string): Commit {
  return async (rename) => {
    const sqlite = openLockConnection(dbPath, BUSY_TIMEOUT_MS);
    try {
      // IMMEDIATE takes the write lock now, so the check and the rename are one step to others.
      sqlite.exec('BEGIN IMMEDIATE');
      const held = sqlite.prepare(`SELECT 1 FROM export_jobs WHERE id = ? AND status = 'running' AND run_token = ?`).get(jobId, runToken);
      if (!held) throw leaseLostFailure();
      await rename();
      sqlite.exec('COMMIT');
    } finally {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      sqlite.close();
    }
  };
}
