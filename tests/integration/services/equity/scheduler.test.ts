import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../../../../electron/main/services/app';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { createMemoryLogger } from '../../../../electron/main/services/logging';
import { RecordingDesktop } from '../../../harness/recording-desktop';
import { rebuildDailyEquity } from '../../../../electron/main/services/equity/rebuild';
import { MAX_TIMER_MS, STARTUP_DELAY_MS } from '../../../../electron/main/services/equity/scheduler';
import type { EquityValidationRun } from '../../../../shared/domain/equity';
import { FakeClock } from './fake-clock';

const HOUR = 3_600_000;
const T0 = Date.parse('2024-06-03T08:00:00Z');
const dirs: string[] = [];
const open: Services[] = [];

function start(clock: FakeClock, dir = mkdtempSync(join(tmpdir(), 'spark-sched-'))) {
  dirs.push(dir);
  const desktop = new RecordingDesktop(join(dir, 'exports'));
  const services = createServices({
    dbPath: join(dir, 'journal.db'), migrationsFolder: SOURCE_MIGRATIONS_FOLDER, desktop, clock, logger: createMemoryLogger(),
  });
  open.push(services);
  const runs: EquityValidationRun[] = [];
  services.events.subscribe((event, payload) => {
    if (event === 'equity:validated') runs.push((payload as { run: EquityValidationRun }).run);
  });
  return { services, desktop, runs, dir };
}

function seedTrades(services: Services) {
  const sqlite = services.db.sqlite;
  sqlite.prepare("INSERT INTO accounts (name, starting_balance_cents) VALUES ('A', 100000)").run();
  sqlite.prepare("INSERT INTO instruments (symbol, asset_class) VALUES ('ES', 'future')").run();
  const insert = sqlite.prepare(
    `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty, entry_price,
       gross_pnl_cents, fees_cents, net_pnl_cents) VALUES (1, 1, 'long', 'closed', 0, ?, ?, 1, 1, ?, 0, ?)`,
  );
  // Closed at noon UTC (the account's zone) of their day: validation recomputes the day from the close.
  insert.run(Date.parse('2024-05-01T12:00:00Z'), '2024-05-01', 500, 500);
  insert.run(Date.parse('2024-05-02T12:00:00Z'), '2024-05-02', -200, -200);
  rebuildDailyEquity(sqlite);
}

/** Validation runs off the main thread: wait until a fired run is persisted and the next one armed. */
async function settled(services: Services) {
  await expect.poll(() => services.equity.status().nextRunAt, { timeout: 20_000 }).not.toBeNull();
}

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('equity validation scheduler', () => {
  it('validates shortly after a first start, then once per interval, and notifies on discrepancies', async () => {
    const clock = new FakeClock(T0);
    const { services, desktop, runs } = start(clock);
    expect(services.equity.status().nextRunAt).toBe(T0 + STARTUP_DELAY_MS);
    clock.advance(STARTUP_DELAY_MS - 1);
    expect(runs).toHaveLength(0);
    clock.advance(1);
    expect(services.equity.status().nextRunAt).toBeNull();
    await settled(services);
    expect(runs.map((r) => [r.trigger, r.status])).toEqual([['startup', 'ok']]);
    expect(services.equity.status().lastRun).toMatchObject({ trigger: 'startup', finishedAt: T0 + STARTUP_DELAY_MS });
    expect(services.equity.status().nextRunAt).toBe(T0 + STARTUP_DELAY_MS + 24 * HOUR);

    seedTrades(services);
    services.db.sqlite.prepare("UPDATE daily_equity SET net_pnl_cents = 1 WHERE day = '2024-05-02'").run();
    clock.advance(24 * HOUR - 1);
    expect(runs).toHaveLength(1);
    clock.advance(1);
    await settled(services);
    expect(runs.map((r) => [r.trigger, r.status, r.daysWithDiscrepancies])).toEqual([
      ['startup', 'ok', 0],
      ['scheduled', 'discrepancies', 1],
    ]);
    expect(desktop.notifications).toEqual([
      {
        title: 'Equity needs attention',
        body: 'Daily equity disagrees with your trades on 1 day(s). Open the overview to review and rebuild.',
        action: { kind: 'open-screen', screen: 'overview' },
      },
    ]);

    // A manual rebuild proves zero, is not notified, and moves the next run one interval on.
    clock.advance(HOUR);
    const rebuilt = await services.equity.rebuild({ accountId: null });
    expect(rebuilt).toMatchObject({ days: 2, validation: { trigger: 'rebuild', status: 'ok', discrepancyCount: 0 } });
    expect(services.equity.status().nextRunAt).toBe(clock.now() + 24 * HOUR);
    expect(desktop.notifications).toHaveLength(1);

    // A shorter interval takes effect from the last run at once.
    services.settings.update({ equityValidationIntervalHours: 2 });
    expect(services.equity.status().nextRunAt).toBe(clock.now() + 2 * HOUR);
    clock.advance(2 * HOUR);
    await settled(services);
    expect(runs.at(-1)).toMatchObject({ trigger: 'scheduled', status: 'ok' });
    expect(runs).toHaveLength(4);
  });

  it('at start-up validates only when the last run is older than the interval', async () => {
    const clock = new FakeClock(T0);
    const first = start(clock);
    clock.advance(STARTUP_DELAY_MS);
    await settled(first.services);
    expect(first.runs).toHaveLength(1);
    const dir = first.dir;
    await first.services.close();
    open.splice(open.indexOf(first.services), 1);
    expect(clock.pending()).toBe(0);

    // Reopened 3 hours later: the last run is fresh, so the next one is due at last + 24 h.
    clock.advance(3 * HOUR);
    const second = start(clock, dir);
    expect(second.services.equity.status().nextRunAt).toBe(T0 + STARTUP_DELAY_MS + 24 * HOUR);
    await second.services.close();
    open.splice(open.indexOf(second.services), 1);

    // Reopened two days later: overdue, so it validates shortly after start-up.
    clock.advance(48 * HOUR);
    const third = start(clock, dir);
    expect(third.services.equity.status().nextRunAt).toBe(clock.now() + STARTUP_DELAY_MS);
    clock.advance(STARTUP_DELAY_MS);
    await settled(third.services);
    expect(third.runs.map((r) => r.trigger)).toEqual(['startup']);
  });

  it('waits out intervals longer than a timer can hold by re-arming', async () => {
    const clock = new FakeClock(T0);
    const { services, runs } = start(clock);
    services.settings.update({ equityValidationIntervalHours: 720 });
    expect(services.equity.status().nextRunAt).toBe(T0 + STARTUP_DELAY_MS);
    clock.advance(STARTUP_DELAY_MS);
    await settled(services);
    expect(runs.map((r) => r.trigger)).toEqual(['startup']);
    clock.advance(MAX_TIMER_MS);
    expect(runs).toHaveLength(1);
    expect(clock.pending()).toBe(1);
    clock.advance(720 * HOUR - MAX_TIMER_MS);
    await settled(services);
    expect(runs).toHaveLength(2);
  });
});
