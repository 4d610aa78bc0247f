import type { Sqlite } from '../db/client';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { EventBus } from '../event-bus';
import type { Desktop } from '../desktop-port';
import type { SettingsStore } from '../settings/settings-store';
import type { ValidationTrigger } from '../../../../shared/domain/enums';
import type {
  AccountEquitySummary,
  DiscrepancyPage,
  EquityRebuildResult,
  EquityStatus,
  EquityValidationRun,
} from '../../../../shared/domain/equity';
import { AppError } from '../errors';
import { validateAndRecord } from './validation-run';
import type { EquityValidator } from './validation-threads';
import { rebuildDailyEquity } from './rebuild';
import { checkTrades, repairTrades } from './trade-checks';
import { discrepancyPage, lastFinishedRun, lastGoodRunAt, listRuns } from './runs';
import { createEquityScheduler } from './scheduler';

export interface EquityService {
  status(): EquityStatus;
  /** Recomputes off the main thread; the run is persisted (also when it fails). */
  validate(input: { accountId: number | null; trigger?: ValidationTrigger }): Promise<EquityValidationRun>;
  /** Rebuilds from the trades, then validates (trigger 'rebuild') to prove the result. */
  rebuild(input: { accountId: number | null }): Promise<EquityRebuildResult>;
  discrepancies(query: { runId: number | null; accountId: number | null; offset: number; limit: number }): DiscrepancyPage;
  runs(limit: number): EquityValidationRun[];
  /** Starts the validation scheduler (createServices does this). */
  start(): void;
  stop(): void;
}

export interface EquityServiceDeps {
  sqlite: Sqlite;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  desktop: Desktop;
  settings: SettingsStore;
  validator: EquityValidator;
}

const BACKGROUND_TRIGGERS: ValidationTrigger[] = ['scheduled', 'startup'];

export function createEquityService(deps: EquityServiceDeps): EquityService {
  const { sqlite, clock, logger, events, desktop, settings, validator } = deps;
  const now = () => clock.now();
  const accountExists = sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck();
  const runExists = sqlite.prepare('SELECT 1 FROM equity_validation_runs WHERE id = ?').pluck();

  const requireAccount = (accountId: number | null) => {
    if (accountId !== null && !accountExists.get(accountId)) {
      throw new AppError('not_found', `Account ${accountId} does not exist. Pick an account from the list, or validate all accounts.`);
    }
  };

  const runValidation = async (trigger: ValidationTrigger, accountId: number | null): Promise<EquityValidationRun> => {
    let recorded: Awaited<ReturnType<typeof validateAndRecord>>;
    try {
      recorded = await validateAndRecord({ sqlite, validator, now }, trigger, accountId);
    } catch (error) {
      logger.error('equity.validation.failed', { trigger, accountId, error });
      throw error;
    }
    const { run, timings } = recorded;
    logger.info('equity.validated', {
      runId: run.id, trigger, accountId, status: run.status, daysChecked: run.daysChecked,
      discrepancies: run.discrepancyCount, durationMs: run.durationMs, ...timings,
    });
    events.emit('equity:validated', { run });
    if (run.status === 'discrepancies' && BACKGROUND_TRIGGERS.includes(trigger)) {
      desktop.notify({
        title: 'Equity needs attention',
        body: `Daily equity disagrees with your trades on ${run.daysWithDiscrepancies} day(s). Open the overview to review and rebuild.`,
        action: { kind: 'open-screen', screen: 'overview' },
      });
    }
    return run;
  };

  const scheduler = createEquityScheduler({
    clock,
    logger,
    intervalMs: () => settings.get('equityValidationIntervalHours') * 3_600_000,
    lastRunAt: () => lastGoodRunAt(sqlite),
    validate: (trigger) => runValidation(trigger, null),
  });
  let unsubscribe: (() => void) | null = null;
  let lastInterval = settings.get('equityValidationIntervalHours');

  const accountSummaries = sqlite.prepare(
    `SELECT a.id AS accountId, a.name AS accountName, a.starting_balance_cents AS startingBalanceCents,
            COUNT(e.day) AS days, MIN(e.day) AS firstDay, MAX(e.day) AS lastDay,
            COALESCE(MAX(e.drawdown_cents), 0) AS maxDrawdownCents,
            l.ending_equity_cents AS endingEquityCents, l.peak_equity_cents AS peakEquityCents,
            l.drawdown_cents AS drawdownCents
     FROM accounts a
     LEFT JOIN daily_equity e ON e.account_id = a.id
     LEFT JOIN daily_equity l ON l.account_id = a.id
       AND l.day = (SELECT MAX(day) FROM daily_equity x WHERE x.account_id = a.id)
     GROUP BY a.id ORDER BY a.name`,
  );

  return {
    status() {
      const accounts = (accountSummaries.all() as (AccountEquitySummary & { endingEquityCents: number | null })[]).map((a) => ({
        ...a,
        endingEquityCents: a.endingEquityCents ?? a.startingBalanceCents,
        peakEquityCents: a.peakEquityCents ?? a.startingBalanceCents,
        drawdownCents: a.drawdownCents ?? 0,
      }));
      return {
        lastRun: lastFinishedRun(sqlite),
        nextRunAt: scheduler.nextRunAt(),
        intervalHours: settings.get('equityValidationIntervalHours'),
        accounts,
      };
    },
    async validate({ accountId, trigger = 'manual' }) {
      requireAccount(accountId);
      const run = await runValidation(trigger, accountId);
      scheduler.reschedule();
      return run;
    },
    async rebuild({ accountId }) {
      requireAccount(accountId);
      const t0 = performance.now();
      // The stored days and nets first (trades' own facts), then the day totals built on them.
      const { days, tradesRepaired } = sqlite
        .transaction(() => {
          const repaired = repairTrades(sqlite, checkTrades(sqlite, accountId));
          return { ...rebuildDailyEquity(sqlite, accountId), tradesRepaired: repaired };
        })
        .immediate();
      if (tradesRepaired > 0) events.emit('journal:changed', { reason: 'trades-changed' });
      const durationMs = Math.round(performance.now() - t0);
      logger.info('equity.rebuilt', { accountId, days, tradesRepaired, durationMs });
      const validation = await runValidation('rebuild', accountId);
      scheduler.reschedule();
      return { days, durationMs, validation, tradesRepaired };
    },
    discrepancies(query) {
      if (query.runId !== null && !runExists.get(query.runId)) {
        throw new AppError('not_found', `Validation run ${query.runId} does not exist (old runs are pruned). Run a new validation.`);
      }
      return discrepancyPage(sqlite, query);
    },
    runs: (limit) => listRuns(sqlite, limit),
    start() {
      scheduler.start();
      unsubscribe ??= settings.subscribe((next) => {
        if (next.equityValidationIntervalHours !== lastInterval) {
          lastInterval = next.equityValidationIntervalHours;
          scheduler.reschedule();
        }
      });
    },
    stop() {
      scheduler.stop();
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
