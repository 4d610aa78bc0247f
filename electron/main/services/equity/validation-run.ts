import type { Sqlite } from '../db/client';
import type { ValidationTrigger } from '../../../../shared/domain/enums';
import type { EquityValidationRun } from '../../../../shared/domain/equity';
import { dayFactsDiscrepancies } from '../analytics/day-facts-check';
import { failValidationRun, finishValidationRun, startValidationRun } from './validate';
import { checkTrades, describeRootCause } from './trade-checks';
import type { EquityValidator, ValidationTimings } from './validation-threads';

export interface RecordedValidationDeps {
  /** The main connection: the run and its discrepancies are written here. */
  sqlite: Sqlite;
  validator: EquityValidator;
  now: () => number;
}

/**
 * One validation, persisted: the run row is written 'running' first (so a crash leaves a
 * trace), the recomputation runs in the validation threads, then the result and every discrepancy
 * land in one transaction. A failure is persisted as status 'error' and rethrown.
 */
export async function validateAndRecord(
  deps: RecordedValidationDeps,
  trigger: ValidationTrigger,
  accountId: number | null,
): Promise<{ run: EquityValidationRun; timings: ValidationTimings }> {
  const t0 = performance.now();
  const runId = startValidationRun(deps.sqlite, trigger, accountId, deps.now());
  try {
    const { timings, ...result } = await deps.validator.compare(accountId);
    // Per trade, on the main connection: the day and net every daily total is built from.
    const findings = checkTrades(deps.sqlite, accountId);
    const names = new Map((deps.sqlite.prepare('SELECT id, name FROM accounts').all() as { id: number; name: string }[]).map((a) => [a.id, a.name]));
    const rootCause = describeRootCause(
      findings,
      result.mismatches.map(([account, day]) => ({ accountId: account, day })),
      (id) => names.get(id) ?? `account ${id}`,
    );
    // The analytics day facts against daily_equity, on the main connection (a few thousand rows).
    const equityWrong = new Set(result.mismatches.map(([account, day]) => `${account}|${day}`));
    const facts = dayFactsDiscrepancies(deps.sqlite, accountId, equityWrong);
    const run = finishValidationRun(
      deps.sqlite,
      runId,
      result,
      { finishedAt: deps.now(), durationMs: performance.now() - t0, findings, rootCause },
      facts,
    );
    return { run, timings };
  } catch (error) {
    failValidationRun(deps.sqlite, runId, error, { finishedAt: deps.now(), durationMs: performance.now() - t0 });
    throw error;
  }
}
