import { SqliteError } from 'better-sqlite3';
import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { ErrorClass, ExportJobStatus } from '../../../../shared/domain/enums';
import type { ExportJob, ExportJobError } from '../../../../shared/domain/export-job';
import type { ExportSpec } from '../../../../shared/domain/export-params';

interface JobRow {
  id: number;
  requestId: string;
  type: ExportJob['type'];
  format: ExportJob['format'];
  paramsJson: string;
  columnsJson: string | null;
  optionsJson: string;
  targetPath: string;
  status: ExportJobStatus;
  attempt: number;
  maxAttempts: number;
  nextAttemptAt: number | null;
  errorClass: ErrorClass | null;
  errorCode: string | null;
  errorMessage: string | null;
  rowsWritten: number;
  rowsTotal: number | null;
  bytesWritten: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
}

const SELECT = `SELECT id, request_id AS requestId, type, format, params_json AS paramsJson, columns_json AS columnsJson,
  options_json AS optionsJson, target_path AS targetPath, status, attempt, max_attempts AS maxAttempts,
  next_attempt_at AS nextAttemptAt, error_class AS errorClass, error_code AS errorCode, error_message AS errorMessage,
  rows_written AS rowsWritten, rows_total AS rowsTotal, bytes_written AS bytesWritten, created_at AS createdAt,
  started_at AS startedAt, finished_at AS finishedAt, updated_at AS updatedAt FROM export_jobs`;

function toJob(row: JobRow): ExportJob {
  const { paramsJson, columnsJson, optionsJson, errorClass, errorCode, errorMessage, ...state } = row;
  const spec = {
    type: row.type,
    format: row.format,
    params: JSON.parse(paramsJson),
    ...(columnsJson ? { columns: JSON.parse(columnsJson) } : {}),
    options: JSON.parse(optionsJson),
  } as ExportSpec;
  const error: ExportJobError | null = errorClass ? { class: errorClass, code: errorCode ?? '', message: errorMessage ?? '' } : null;
  return { ...spec, ...state, error } as ExportJob;
}

export const ACTIVE_STATUSES = ['queued', 'running'] as const;

/** The process that runs jobs: a random id per queue, plus where it runs (to tell if it is gone). */
export interface JobOwner {
  id: string;
  pid: number;
  host: string;
}

/** A job some process holds as 'running', with its lease. */
export interface RunningLease {
  job: ExportJob;
  ownerId: string | null;
  ownerPid: number | null;
  ownerHost: string | null;
  runToken: string | null;
  leaseExpiresAt: number | null;
}

const CLEAR_LEASE = 'owner_id = NULL, owner_pid = NULL, owner_host = NULL, heartbeat_at = NULL, lease_expires_at = NULL';

/** The unique index on active targets said no: name the job that holds the file. */
function reservedTarget(sqlite: Sqlite, targetPath: string, error: unknown): never {
  if (!(error instanceof SqliteError) || error.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
  const holder = sqlite
    .prepare(`SELECT id, status FROM export_jobs WHERE target_path = ? AND status IN ('queued', 'running')`)
    .get(targetPath) as { id: number; status: string } | undefined;
  throw new AppError(
    'conflict',
    `Export #${holder?.id ?? '?'} is already ${holder?.status === 'running' ? 'writing' : 'waiting to write'} ${targetPath}. ` +
      'Wait for it to finish or cancel it, or choose another file name.',
    { targetPath, jobId: holder?.id ?? null },
  );
}

/** The export_jobs table: every state change of a job is one statement here. */
export function createJobStore(sqlite: Sqlite) {
  const byId = sqlite.prepare(`${SELECT} WHERE id = ?`);
  const insert = sqlite.prepare(
    `INSERT INTO export_jobs (request_id, type, format, params_json, columns_json, options_json, target_path, status,
       attempt, max_attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`,
  );
  const activeCount = sqlite.prepare(`SELECT COUNT(*) AS n FROM export_jobs WHERE status IN ('queued', 'running')`);
  const nextRunnable = sqlite.prepare(
    `${SELECT} WHERE status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at, id LIMIT 1`,
  );
  const earliestRetry = sqlite.prepare(
    `SELECT MIN(next_attempt_at) AS at FROM export_jobs WHERE status = 'queued' AND next_attempt_at > ?`,
  );
  const activeTargets = sqlite.prepare(`SELECT target_path AS targetPath FROM export_jobs WHERE status IN ('queued', 'running')`);
  const get = (id: number) => {
    const row = byId.get(id) as JobRow | undefined;
    return row ? toJob(row) : null;
  };
  const mustGet = (id: number) => {
    const job = get(id);
    if (!job) throw new Error(`export job ${id} vanished`);
    return job;
  };

  /**
   * Takes over a job whose owner is gone: back to the queue (that run not counted), only if
   * the same run still holds it (compare-and-set on the run token). True when this call won.
   */
  const takeOver = (id: number, runToken: string | null, now: number): boolean => {
    return (
      sqlite
        .prepare(
          `UPDATE export_jobs SET status = 'queued', attempt = MAX(attempt - 1, 0), rows_written = 0, bytes_written = 0,
             started_at = NULL, run_token = NULL, ${CLEAR_LEASE}, updated_at = ?
           WHERE id = ? AND status = 'running' AND run_token IS ?`,
        )
        .run(now, id, runToken).changes === 1
    );
  };

  return {
    get,
    /** Queues a job and reserves its target; a target another active job holds is a `conflict`. */
    insert(spec: ExportSpec, requestId: string, targetPath: string, maxAttempts: number, now: number): ExportJob {
      let result;
      try {
        result = insert.run(
        requestId,
        spec.type,
        spec.format,
        JSON.stringify(spec.params),
        spec.columns ? JSON.stringify(spec.columns) : null,
        JSON.stringify(spec.options),
        targetPath,
        maxAttempts,
        now,
        now,
        );
      } catch (error) {
        reservedTarget(sqlite, targetPath, error);
      }
      return mustGet(Number(result.lastInsertRowid));
    },
    list(filter: { status?: readonly ExportJobStatus[] | undefined; offset: number; limit: number }): ExportJob[] {
      const where = filter.status?.length ? `WHERE status IN (${filter.status.map(() => '?').join(', ')})` : '';
      const rows = sqlite
        .prepare(`${SELECT} ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
        .all(...(filter.status ?? []), filter.limit, filter.offset) as JobRow[];
      return rows.map(toJob);
    },
    activeCount: () => (activeCount.get() as { n: number }).n,
    activeTargets: () => new Set((activeTargets.all() as { targetPath: string }[]).map((r) => r.targetPath)),
    /** The oldest queued job whose retry time (if any) has come: priority by creation. */
    nextRunnable(now: number): ExportJob | null {
      const row = nextRunnable.get(now) as JobRow | undefined;
      return row ? toJob(row) : null;
    },
    earliestRetryAfter: (now: number) => (earliestRetry.get(now) as { at: number | null }).at,
    /**
     * Takes a queued job for `owner` (compare-and-set: of two processes, one wins); null when
     * another process took it first or it is no longer runnable. The run token names this
     * run's partial file and guards every later write of the run.
     */
    claim(id: number, attempt: number, owner: JobOwner, runToken: string, now: number, leaseMs: number): ExportJob | null {
      const changed = sqlite
        .prepare(
          `UPDATE export_jobs SET status = 'running', attempt = ?, started_at = ?, finished_at = NULL, next_attempt_at = NULL,
             rows_written = 0, bytes_written = 0, updated_at = ?, owner_id = ?, owner_pid = ?, owner_host = ?, run_token = ?,
             heartbeat_at = ?, lease_expires_at = ?
           WHERE id = ? AND status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)`,
        )
        .run(attempt, now, now, owner.id, owner.pid, owner.host, runToken, now, now + leaseMs, id, now).changes;
      return changed === 1 ? mustGet(id) : null;
    },
    /** Renews the lease of every job `ownerId` runs; returns the ids it still holds. */
    heartbeat(ownerId: string, now: number, leaseMs: number): Set<number> {
      const rows = sqlite
        .prepare(
          `UPDATE export_jobs SET heartbeat_at = ?, lease_expires_at = ? WHERE owner_id = ? AND status = 'running' RETURNING id`,
        )
        .all(now, now + leaseMs, ownerId) as { id: number }[];
      return new Set(rows.map((r) => r.id));
    },
    /** Every running job with its lease (recovery decides which owners are gone). */
    runningLeases(): RunningLease[] {
      const rows = sqlite
        .prepare(
          `${SELECT.replace(' FROM export_jobs', `, owner_id AS ownerId, owner_pid AS ownerPid, owner_host AS ownerHost,
             run_token AS runToken, lease_expires_at AS leaseExpiresAt FROM export_jobs`)} WHERE status = 'running' ORDER BY id`,
        )
        .all() as (JobRow & Omit<RunningLease, 'job'>)[];
      return rows.map(({ ownerId, ownerPid, ownerHost, runToken, leaseExpiresAt, ...row }) => ({
        job: toJob(row),
        ownerId,
        ownerPid,
        ownerHost,
        runToken,
        leaseExpiresAt,
      }));
    },
    takeOver,
    setTotal(id: number, runToken: string, rowsTotal: number, now: number): void {
      sqlite.prepare('UPDATE export_jobs SET rows_total = ?, updated_at = ? WHERE id = ? AND run_token = ?').run(rowsTotal, now, id, runToken);
    },
    progress(id: number, runToken: string, p: { rowsWritten: number; rowsTotal: number; bytesWritten: number }, now: number): void {
      sqlite
        .prepare('UPDATE export_jobs SET rows_written = ?, rows_total = ?, bytes_written = ?, updated_at = ? WHERE id = ? AND run_token = ?')
        .run(p.rowsWritten, p.rowsTotal, p.bytesWritten, now, id, runToken);
    },
    /** Ends the run `runToken` holds; null when that run no longer holds the job (another process took it over). */
    finish(
      id: number,
      runToken: string,
      status: 'completed' | 'failed' | 'cancelled',
      result: { rows: number; bytes: number; error: ExportJobError | null },
      now: number,
    ): ExportJob | null {
      const changed = sqlite
        .prepare(
          `UPDATE export_jobs SET status = ?, rows_written = ?, bytes_written = ?, error_class = ?, error_code = ?, error_message = ?,
             next_attempt_at = NULL, finished_at = ?, updated_at = ?, ${CLEAR_LEASE}
           WHERE id = ? AND status = 'running' AND run_token = ?`,
        )
        .run(status, result.rows, result.bytes, result.error?.class ?? null, result.error?.code ?? null, result.error?.message ?? null, now, now, id, runToken).changes;
      return changed === 1 ? mustGet(id) : null;
    },
    /** A transient failure: back to the queue, not before `nextAttemptAt`; the error stays visible meanwhile. */
    scheduleRetry(id: number, runToken: string, nextAttemptAt: number, error: ExportJobError, now: number): ExportJob | null {
      const changed = sqlite
        .prepare(
          `UPDATE export_jobs SET status = 'queued', next_attempt_at = ?, error_class = ?, error_code = ?, error_message = ?,
             rows_written = 0, bytes_written = 0, updated_at = ?, run_token = NULL, ${CLEAR_LEASE}
           WHERE id = ? AND status = 'running' AND run_token = ?`,
        )
        .run(nextAttemptAt, error.class, error.code, error.message, now, id, runToken).changes;
      return changed === 1 ? mustGet(id) : null;
    },
    /** Cancel a job no worker holds. */
    cancelQueued(id: number, error: ExportJobError, now: number): ExportJob {
      sqlite
        .prepare(
          `UPDATE export_jobs SET status = 'cancelled', next_attempt_at = NULL, error_class = ?, error_code = ?, error_message = ?,
             finished_at = ?, updated_at = ? WHERE id = ? AND status = 'queued'`,
        )
        .run(error.class, error.code, error.message, now, now, id);
      return mustGet(id);
    },
    /** A run cut short by shutdown: queued again, that run not counted (only while this run still holds it). */
    requeueInterrupted(id: number, runToken: string, now: number): boolean {
      return takeOver(id, runToken, now);
    },
    /** retry: the same job from its first attempt. */
    resetForRetry(id: number, now: number): ExportJob {
      const job = mustGet(id);
      try {
        sqlite
          .prepare(
            `UPDATE export_jobs SET status = 'queued', attempt = 0, next_attempt_at = NULL, error_class = NULL, error_code = NULL,
               error_message = NULL, rows_written = 0, rows_total = NULL, bytes_written = 0, started_at = NULL, finished_at = NULL,
               run_token = NULL, ${CLEAR_LEASE}, updated_at = ? WHERE id = ?`,
          )
          .run(now, id);
      } catch (error) {
        reservedTarget(sqlite, job.targetPath, error);
      }
      return mustGet(id);
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
