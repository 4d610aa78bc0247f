import type { Sqlite } from '../db/client';
import type { ValidationTrigger } from '../../../../shared/domain/enums';
import { EQUITY_FIELDS, type EquityDiscrepancy, type EquityValidationRun } from '../../../../shared/domain/equity';
import { expectedDailyEquitySql } from './expected-equity-sql';
import { readRun } from './runs';

/** Each column of daily_equity and its alias in the expected query. */
const FIELD_ALIASES: Record<(typeof EQUITY_FIELDS)[number], string> = {
  gross_pnl_cents: 'grossPnlCents',
  fees_cents: 'feesCents',
  net_pnl_cents: 'netPnlCents',
  trade_count: 'tradeCount',
  win_count: 'winCount',
  ending_equity_cents: 'endingEquityCents',
  peak_equity_cents: 'peakEquityCents',
  drawdown_cents: 'drawdownCents',
};

/**
 * Stored vs expected for every account-day, in one statement: the expected side is the
 * set-based recompute, joined FULL OUTER to daily_equity so days missing on either side
 * show up. Only the mismatched days leave SQLite (as one JSON array); the count of days
 * checked comes from the same pass.
 */
function comparisonSql(scoped: boolean): string {
  // c{2i} = expected, c{2i+1} = stored, for EQUITY_FIELDS[i].
  const pairs = EQUITY_FIELDS.map((f, i) => `e.${FIELD_ALIASES[f]} AS c${2 * i}, s.${f} AS c${2 * i + 1}`).join(', ');
  const differs = EQUITY_FIELDS.map((_, i) => `c${2 * i} IS NOT c${2 * i + 1}`).join(' OR ');
  const columns = EQUITY_FIELDS.flatMap((_, i) => [`c${2 * i}`, `c${2 * i + 1}`]).join(', ');
  return `
    WITH expected AS (${expectedDailyEquitySql({ account: scoped, fromDay: false })}),
    joined AS (
      SELECT COALESCE(e.accountId, s.account_id) AS accountId, COALESCE(e.day, s.day) AS day,
             e.accountId IS NULL AS onlyStored, s.account_id IS NULL AS onlyExpected, ${pairs}
      -- daily_equity joined directly (not through a CTE) so each expected row is a primary-key seek.
      FROM expected e FULL OUTER JOIN daily_equity s ON s.account_id = e.accountId AND s.day = e.day
      ${scoped ? 'WHERE COALESCE(e.accountId, s.account_id) = ?1' : ''}
    )
    SELECT COUNT(*) AS daysChecked,
           json_group_array(json_array(accountId, day, onlyStored, onlyExpected, ${columns}))
             FILTER (WHERE ${differs}) AS mismatches
    FROM joined`;
}

type MismatchTuple = [number, string, number, number, ...(number | null)[]];

/** Expands mismatched days into one discrepancy per differing field (or per missing/extra day). */
export function toDiscrepancies(tuples: MismatchTuple[]): Omit<EquityDiscrepancy, 'accountName'>[] {
  const out: Omit<EquityDiscrepancy, 'accountName'>[] = [];
  const netIndex = EQUITY_FIELDS.indexOf('net_pnl_cents');
  for (const [accountId, day, onlyStored, onlyExpected, ...values] of tuples) {
    if (onlyExpected) {
      const expected = values[2 * netIndex] ?? 0;
      out.push({ accountId, day, field: 'day_missing', stored: null, expected, difference: expected });
      continue;
    }
    if (onlyStored) {
      const stored = values[2 * netIndex + 1] ?? 0;
      out.push({ accountId, day, field: 'day_unexpected', stored, expected: null, difference: -stored });
      continue;
    }
    EQUITY_FIELDS.forEach((field, i) => {
      const expected = values[2 * i] ?? null;
      const stored = values[2 * i + 1] ?? null;
      if (expected !== stored) out.push({ accountId, day, field, stored, expected, difference: (expected ?? 0) - (stored ?? 0) });
    });
  }
  return out;
}

export interface ValidateOptions {
  trigger: ValidationTrigger;
  /** One account, or null for all. */
  accountId: number | null;
  now: () => number;
  /** Validation runs kept (older ones and their discrepancies are deleted). */
  keepRuns?: number;
}

/**
 * Recomputes daily equity from the trades, compares it with daily_equity and persists the
 * run and every discrepancy. The comparison is one statement, so it sees one consistent
 * snapshot even while trades are being written (WAL).
 */
export function validateEquity(sqlite: Sqlite, options: ValidateOptions): EquityValidationRun {
  const startedAt = options.now();
  const t0 = performance.now();
  const runId = Number(
    sqlite
      .prepare(`INSERT INTO equity_validation_runs (trigger, account_id, status, started_at) VALUES (?, ?, 'running', ?)`)
      .run(options.trigger, options.accountId, startedAt).lastInsertRowid,
  );
  try {
    const scoped = options.accountId !== null;
    const row = sqlite.prepare(comparisonSql(scoped)).get(scoped ? { 1: options.accountId } : {}) as {
      daysChecked: number;
      mismatches: string | null;
    };
    const discrepancies = toDiscrepancies(JSON.parse(row.mismatches ?? '[]') as MismatchTuple[]);
    const insert = sqlite.prepare(
      `INSERT INTO equity_discrepancies (run_id, account_id, day, field, stored_cents, expected_cents, difference_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (const d of discrepancies) insert.run(runId, d.accountId, d.day, d.field, d.stored, d.expected, d.difference);
      sqlite
        .prepare(
          `UPDATE equity_validation_runs SET status = ?, days_checked = ?, discrepancy_count = ?, finished_at = ?,
             duration_ms = ? WHERE id = ?`,
        )
        .run(
          discrepancies.length ? 'discrepancies' : 'ok',
          row.daysChecked,
          discrepancies.length,
          options.now(),
          Math.round(performance.now() - t0),
          runId,
        );
      pruneRuns(sqlite, options.keepRuns ?? 200);
    }).immediate();
  } catch (error) {
    sqlite
      .prepare(`UPDATE equity_validation_runs SET status = 'error', error_message = ?, finished_at = ?, duration_ms = ? WHERE id = ?`)
      .run(error instanceof Error ? error.message : String(error), options.now(), Math.round(performance.now() - t0), runId);
    throw error;
  }
  return readRun(sqlite, runId)!;
}

function pruneRuns(sqlite: Sqlite, keep: number): void {
  sqlite
    .prepare('DELETE FROM equity_validation_runs WHERE id NOT IN (SELECT id FROM equity_validation_runs ORDER BY id DESC LIMIT ?)')
    .run(keep);
}
