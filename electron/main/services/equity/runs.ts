import type { Sqlite } from '../db/client';
import type { DiscrepancyPage, EquityDiscrepancy, EquityValidationRun } from '../../../../shared/domain/equity';

const RUN_SELECT = `
  SELECT r.id, r.trigger, r.account_id AS accountId, r.status, r.days_checked AS daysChecked,
         r.discrepancy_count AS discrepancyCount,
         (SELECT COUNT(*) FROM (SELECT DISTINCT d.account_id, d.day FROM equity_discrepancies d WHERE d.run_id = r.id))
           AS daysWithDiscrepancies,
         r.started_at AS startedAt, r.finished_at AS finishedAt, r.duration_ms AS durationMs,
         r.error_message AS errorMessage, r.root_cause AS rootCause
  FROM equity_validation_runs r`;

export function readRun(sqlite: Sqlite, runId: number): EquityValidationRun | null {
  return (sqlite.prepare(`${RUN_SELECT} WHERE r.id = ?`).get(runId) as EquityValidationRun | undefined) ?? null;
}

/** The newest finished run (any trigger), or null before the first. */
export function lastFinishedRun(sqlite: Sqlite): EquityValidationRun | null {
  return (
    (sqlite.prepare(`${RUN_SELECT} WHERE r.finished_at IS NOT NULL ORDER BY r.finished_at DESC, r.id DESC LIMIT 1`).get() as
      | EquityValidationRun
      | undefined) ?? null
  );
}

/** finished_at of the newest run that did not fail: a failed run never counts as the last validation. */
export function lastGoodRunAt(sqlite: Sqlite): number | null {
  return (
    (sqlite.prepare(`SELECT finished_at FROM equity_validation_runs WHERE finished_at IS NOT NULL AND status <> 'error' ORDER BY finished_at DESC, id DESC LIMIT 1`).pluck().get() as
      | number
      | undefined) ?? null
  );
}

export function listRuns(sqlite: Sqlite, limit: number): EquityValidationRun[] {
  return sqlite.prepare(`${RUN_SELECT} ORDER BY r.id DESC LIMIT ?`).all(limit) as EquityValidationRun[];
}

/** One page of a run's discrepancies (the newest run when runId is null), by account and day. */
export function discrepancyPage(
  sqlite: Sqlite,
  query: { runId: number | null; accountId: number | null; offset: number; limit: number },
): DiscrepancyPage {
  const runId =
    query.runId ??
    ((sqlite.prepare('SELECT id FROM equity_validation_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1').pluck().get() as
      | number
      | undefined) ?? null);
  const run = runId === null ? null : readRun(sqlite, runId);
  if (!run) return { run: null, rows: [], total: 0, offset: query.offset, limit: query.limit };
  const where = `d.run_id = @runId ${query.accountId === null ? '' : 'AND d.account_id = @accountId'}`;
  const params = { runId: run.id, ...(query.accountId === null ? {} : { accountId: query.accountId }) };
  const rows = sqlite
    .prepare(
      `SELECT d.account_id AS accountId, a.name AS accountName, d.day, d.field, d.stored_cents AS stored,
              d.expected_cents AS expected, d.difference_cents AS difference
       FROM equity_discrepancies d LEFT JOIN accounts a ON a.id = d.account_id
       WHERE ${where} ORDER BY d.account_id, d.day, d.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.limit, offset: query.offset }) as EquityDiscrepancy[];
  const total = sqlite.prepare(`SELECT COUNT(*) FROM equity_discrepancies d WHERE ${where}`).pluck().get(params) as number;
  return { run, rows, total, offset: query.offset, limit: query.limit };
}
