import type { Sqlite } from '../db/client';
import type { ValidationTrigger } from '../../../../shared/domain/enums';
import { EQUITY_FIELDS, type EquityDiscrepancy, type EquityValidationRun } from '../../../../shared/domain/equity';
import type { DayTotalsRow } from './day-totals-sql';
import type { StoredDayRow } from './stored-days-sql';
import { readRun } from './runs';
import type { TradeFinding } from './trade-checks';

export type MismatchTuple = [number, string, number, number, ...(number | null)[]];

export interface ComparisonResult {
  daysChecked: number;
  mismatches: MismatchTuple[];
}

const byKey = (a: { 0: number; 1: string }, b: { 0: number; 1: string }) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/**
 * The expected daily_equity rows (values in EQUITY_FIELDS order) from the recomputed day
 * totals: ending equity = starting balance + cumulative net P&L; the peak starts at the
 * starting balance and is the running maximum of ending equity; drawdown = peak - ending.
 * These are the definitions expectedDailyEquitySql applies when equity is stored; doing them
 * here over a few thousand days (never per trade) keeps the check independent of that SQL,
 * and costs a fraction of a millisecond where the same windows in SQL cost tens.
 */
function expectedRows(totals: DayTotalsRow[], startingBalances: Map<number, number>): StoredDayRow[] {
  const rows: StoredDayRow[] = [];
  let account = Number.NaN;
  let ending = 0;
  let peak = 0;
  for (const [accountId, day, gross, fees, net, trades, wins] of [...totals].sort(byKey)) {
    const start = startingBalances.get(accountId);
    // A trade always has its account (foreign key), read in the same snapshot.
    if (start === undefined) continue;
    if (accountId !== account) {
      account = accountId;
      ending = start;
      peak = start;
    }
    ending += net;
    peak = Math.max(peak, ending);
    rows.push([accountId, day, gross, fees, net, trades, wins, ending, peak, peak - ending]);
  }
  return rows;
}

/**
 * Compares the recomputed day totals (every account-day in scope, in any order) with the
 * stored daily_equity rows of the same scope (in key order), both read in one snapshot: a
 * merge of the two key-ordered lists, so days missing on either side show up.
 */
export function compareDays(totals: DayTotalsRow[], stored: StoredDayRow[], startingBalances: Map<number, number>): ComparisonResult {
  const expected = expectedRows(totals, startingBalances);
  const mismatches: MismatchTuple[] = [];
  const width = EQUITY_FIELDS.length;
  let daysChecked = 0;
  let e = 0;
  let s = 0;
  while (e < expected.length || s < stored.length) {
    const order = e >= expected.length ? 1 : s >= stored.length ? -1 : byKey(expected[e]!, stored[s]!);
    const exp = order <= 0 ? expected[e++]! : null;
    const sto = order >= 0 ? stored[s++]! : null;
    daysChecked += 1;
    let differs = exp === null || sto === null;
    for (let i = 2; !differs && i < width + 2; i += 1) differs = exp![i] !== sto![i];
    if (!differs) continue;
    const key = (exp ?? sto)!;
    const tuple: MismatchTuple = [key[0], key[1], exp ? 0 : 1, sto ? 0 : 1];
    for (let i = 2; i < width + 2; i += 1) tuple.push((exp?.[i] as number | null) ?? null, (sto?.[i] as number | null) ?? null);
    mismatches.push(tuple);
  }
  return { daysChecked, mismatches };
}

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

/** Opens a validation run ('running') and returns its id. */
export function startValidationRun(sqlite: Sqlite, trigger: ValidationTrigger, accountId: number | null, startedAt: number): number {
  return Number(
    sqlite
      .prepare(`INSERT INTO equity_validation_runs (trigger, account_id, status, started_at) VALUES (?, ?, 'running', ?)`)
      .run(trigger, accountId, startedAt).lastInsertRowid,
  );
}

export interface FinishRunOptions {
  finishedAt: number;
  durationMs: number;
  /** Validation runs kept (older ones and their discrepancies are deleted). */
  keepRuns?: number;
  /** Per-trade findings (stale close day, net != gross - fees), recorded as discrepancies too. */
  findings?: TradeFinding[];
  rootCause?: string | null;
}

/** Persists a run's result and every discrepancy, in one transaction. */
export function finishValidationRun(
  sqlite: Sqlite,
  runId: number,
  result: ComparisonResult,
  options: FinishRunOptions,
  more: Omit<EquityDiscrepancy, 'accountName'>[] = [],
): EquityValidationRun {
  const discrepancies = [...toDiscrepancies(result.mismatches), ...more];
  const insert = sqlite.prepare(
    `INSERT INTO equity_discrepancies (run_id, account_id, day, field, stored_cents, expected_cents, difference_cents)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFinding = sqlite.prepare(
    `INSERT INTO equity_discrepancies (run_id, account_id, day, field, stored_cents, expected_cents, difference_cents, trade_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const findings = options.findings ?? [];
  const count = discrepancies.length + findings.length;
  sqlite.transaction(() => {
    // The trades first: they are the cause the day rows follow from.
    for (const f of findings) {
      insertFinding.run(runId, f.accountId, f.day, f.kind, f.storedNet, f.expectedNet, f.expectedNet - f.storedNet, f.tradeId);
    }
    for (const d of discrepancies) insert.run(runId, d.accountId, d.day, d.field, d.stored, d.expected, d.difference);
    sqlite
      .prepare(
        `UPDATE equity_validation_runs SET status = ?, days_checked = ?, discrepancy_count = ?, finished_at = ?,
           duration_ms = ?, root_cause = ? WHERE id = ?`,
      )
      .run(count ? 'discrepancies' : 'ok', result.daysChecked, count, options.finishedAt, Math.round(options.durationMs), options.rootCause ?? null, runId);
    pruneRuns(sqlite, options.keepRuns ?? 200);
  }).immediate();
  return readRun(sqlite, runId)!;
}

/** Marks a run as failed, with the reason the user will see. */
export function failValidationRun(sqlite: Sqlite, runId: number, error: unknown, options: Omit<FinishRunOptions, 'keepRuns'>): void {
  sqlite
    .prepare(`UPDATE equity_validation_runs SET status = 'error', error_message = ?, finished_at = ?, duration_ms = ? WHERE id = ?`)
    .run(error instanceof Error ? error.message : String(error), options.finishedAt, Math.round(options.durationMs), runId);
}

function pruneRuns(sqlite: Sqlite, keep: number): void {
  sqlite
    .prepare('DELETE FROM equity_validation_runs WHERE id NOT IN (SELECT id FROM equity_validation_runs ORDER BY id DESC LIMIT ?)')
    .run(keep);
}
