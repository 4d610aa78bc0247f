import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { ValidationTrigger } from '../../../../shared/domain/enums';

/** Timers longer than this are re-armed on waking: setTimeout cannot wait past ~24.8 days. */
export const MAX_TIMER_MS = 6 * 3_600_000;
/** Start-up validation waits a little so the window opens before SQLite gets busy. */
export const STARTUP_DELAY_MS = 10_000;
/** A failed run is tried again this soon (doubling up to 16x while it keeps failing), not one interval later. */
export const RETRY_DELAY_MS = 60_000;

export interface EquityScheduler {
  /** Arms the timer: soon after start-up when the last run is older than the interval, else when it falls due. */
  start(): void;
  stop(): void;
  /** Re-arms from the last run (after a manual run or an interval change). */
  reschedule(): void;
  /** When the next validation is planned; null when stopped. */
  nextRunAt(): number | null;
}

export interface EquitySchedulerDeps {
  clock: Clock;
  logger: Logger;
  intervalMs(): number;
  /** finished_at of the newest validation run that did not fail, null before the first. */
  lastRunAt(): number | null;
  /** Runs and persists one validation; the scheduler only decides when. */
  validate(trigger: ValidationTrigger): Promise<unknown>;
}

export function createEquityScheduler(deps: EquitySchedulerDeps): EquityScheduler {
  let handle: unknown = null;
  let running = false;
  let plannedAt: number | null = null;
  let failures = 0;

  const clear = () => {
    if (handle !== null) deps.clock.clearTimeout(handle);
    handle = null;
    plannedAt = null;
  };

  const arm = (at: number, trigger: ValidationTrigger) => {
    clear();
    plannedAt = at;
    const delay = Math.min(Math.max(0, at - deps.clock.now()), MAX_TIMER_MS);
    handle = deps.clock.setTimeout(() => fire(at, trigger), delay);
  };

  const fire = (at: number, trigger: ValidationTrigger) => {
    handle = null;
    if (!running) return;
    if (deps.clock.now() < at) {
      arm(at, trigger);
      return;
    }
    plannedAt = null;
    let failed = false;
    deps.validate(trigger).then(
      () => {
        failures = 0;
      },
      // The run is persisted as 'error' and does not count as the last run: try again soon.
      (error: unknown) => {
        failed = true;
        failures += 1;
        deps.logger.error('equity.validation.scheduled_failed', { error, failures });
      },
    ).finally(() => {
      // A manual run or an interval change may have planned the next one meanwhile.
      if (!running || handle !== null) return;
      const delay = failed ? Math.min(RETRY_DELAY_MS * 2 ** (failures - 1), RETRY_DELAY_MS * 16, deps.intervalMs()) : deps.intervalMs();
      arm(deps.clock.now() + delay, 'scheduled');
    });
  };

  const planFromLastRun = (trigger: ValidationTrigger, earliest: number) => {
    const last = deps.lastRunAt();
    const due = last === null ? earliest : Math.max(earliest, last + deps.intervalMs());
    arm(due, due <= earliest ? trigger : 'scheduled');
  };

  return {
    start() {
      if (running) return;
      running = true;
      planFromLastRun('startup', deps.clock.now() + STARTUP_DELAY_MS);
    },
    stop() {
      running = false;
      clear();
    },
    reschedule() {
      // Before the first run ever, the start-up plan (with its delay) stands.
      if (running && deps.lastRunAt() !== null) planFromLastRun('scheduled', deps.clock.now());
    },
    nextRunAt: () => plannedAt,
  };
}
