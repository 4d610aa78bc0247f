import type { Sqlite } from '../db/client';
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

  return {
    get,
    insert(spec: ExportSpec, requestId: string, targetPath: string, maxAttempts: number, now: number): ExportJob {
      const result = insert.run(
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
    markRunning(id: number, attempt: number, now: number): ExportJob {
      sqlite
        .prepare(
          `UPDATE export_jobs SET status = 'running', attempt = ?, started_at = ?, finished_at = NULL, next_attempt_at = NULL,
             rows_written = 0, bytes_written = 0, updated_at = ? WHERE id = ?`,
        )
        .run(attempt, now, now, id);
      return mustGet(id);
    },
    setTotal(id: number, rowsTotal: number, now: number): void {
      sqlite.prepare('UPDATE export_jobs SET rows_total = ?, updated_at = ? WHERE id = ?').run(rowsTotal, now, id);
    },
    progress(id: number, p: { rowsWritten: number; rowsTotal: number; bytesWritten: number }, now: number): void {
      sqlite
        .prepare('UPDATE export_jobs SET rows_written = ?, rows_total = ?, bytes_written = ?, updated_at = ? WHERE id = ?')
        .run(p.rowsWritten, p.rowsTotal, p.bytesWritten, now, id);
    },
    finish(
      id: number,
      status: 'completed' | 'failed' | 'cancelled',
      result: { rows: number; bytes: number; error: ExportJobError | null },
      now: number,
    ): ExportJob {
      sqlite
        .prepare(
          `UPDATE export_jobs SET status = ?, rows_written = ?, bytes_written = ?, error_class = ?, error_code = ?, error_message = ?,
             next_attempt_at = NULL, finished_at = ?, updated_at = ? WHERE id = ?`,
        )
        .run(status, result.rows, result.bytes, result.error?.class ?? null, result.error?.code ?? null, result.error?.message ?? null, now, now, id);
      return mustGet(id);
    },
    /** A transient failure: back to the queue, not before `nextAttemptAt`; the error stays visible meanwhile. */
    scheduleRetry(id: number, nextAttemptAt: number, error: ExportJobError, now: number): ExportJob {
      sqlite
        .prepare(
          `UPDATE export_jobs SET status = 'queued', next_attempt_at = ?, error_class = ?, error_code = ?, error_message = ?,
             rows_written = 0, bytes_written = 0, updated_at = ? WHERE id = ?`,
        )
        .run(nextAttemptAt, error.class, error.code, error.message, now, id);
      return mustGet(id);
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
    /** A run cut short by shutdown or a crash of the app: queued again, that run not counted. */
    requeueInterrupted(id: number, now: number): void {
      sqlite
        .prepare(
          `UPDATE export_jobs SET status = 'queued', attempt = MAX(attempt - 1, 0), rows_written = 0, bytes_written = 0,
             started_at = NULL, updated_at = ? WHERE id = ?`,
        )
        .run(now, id);
    },
    /** Jobs a previous process left 'running'. */
    interrupted: () => (sqlite.prepare(`${SELECT} WHERE status = 'running' ORDER BY id`).all() as JobRow[]).map(toJob),
    /** retry: the same job from its first attempt. */
    resetForRetry(id: number, now: number): ExportJob {
      sqlite
        .prepare(
          `UPDATE export_jobs SET status = 'queued', attempt = 0, next_attempt_at = NULL, error_class = NULL, error_code = NULL,
             error_message = NULL, rows_written = 0, rows_total = NULL, bytes_written = 0, started_at = NULL, finished_at = NULL,
             updated_at = ? WHERE id = ?`,
        )
        .run(now, id);
      return mustGet(id);
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
