import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import { rebuildDailyEquity } from '../../../../electron/main/services/equity/rebuild';
import { createEquityScheduler, RETRY_DELAY_MS, STARTUP_DELAY_MS } from '../../../../electron/main/services/equity/scheduler';
import { lastGoodRunAt } from '../../../../electron/main/services/equity/runs';
import { createMemoryLogger } from '../../../../electron/main/services/logging';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { FakeClock } from './fake-clock';

describe('the ledger checks the day itself', () => {
  let t: TestServices;
  let handlers: Handlers;
  const call = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await handlers[channel](request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.data as ResponseOf<C>;
  };
  const sqlite = () => t.services.db.sqlite;
  const trade = async (accountId: number, closedAtIso: string, exitPrice = 101) =>
    call('trades:create', {
      accountId, symbol: 'AAPL', direction: 'long', qty: 10, entryPrice: 100, exitPrice,
      openedAt: Date.parse(closedAtIso) - 60_000, closedAt: Date.parse(closedAtIso), feesCents: 100,
    });
  const storedDays = (accountId: number) =>
    sqlite().prepare('SELECT day, net_pnl_cents AS net FROM daily_equity WHERE account_id = ? ORDER BY day').all(accountId);

  beforeEach(async () => {
    t = createTestServices();
    handlers = createHandlers(t.services);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('DST nights in New York: the day comes from the close time in the zone, and validation agrees', async () => {
    const ny = await call('accounts:create', { name: 'NY', currency: 'USD', timezone: 'America/New_York', startingBalanceCents: 0 });
    // Spring forward 2026-03-08: 04:59Z is 23:59 EST on the 7th, 05:00Z midnight EST on the 8th.
    // Fall back 2026-11-01: 03:59Z is 23:59 EDT on 31 Oct; 04:30Z is 00:30 EDT on 1 Nov; 05:30Z is 01:30 EDT and 06:30Z 01:30 EST, both 1 Nov.
    const cases: [string, string][] = [
      ['2026-03-08T04:59:00Z', '2026-03-07'], ['2026-03-08T05:00:00Z', '2026-03-08'],
      ['2026-11-01T03:59:00Z', '2026-10-31'], ['2026-11-01T04:30:00Z', '2026-11-01'],
      ['2026-11-01T05:30:00Z', '2026-11-01'], ['2026-11-01T06:30:00Z', '2026-11-01'],
    ];
    for (const [iso, day] of cases) expect((await trade(ny.id, iso)).closeDay).toBe(day);
    const run = await call('equity:validate', { accountId: null });
    expect(run).toMatchObject({ status: 'ok', discrepancyCount: 0, rootCause: null });
  });

  it('a stale stored day is flagged with the trade named first; rebuild moves the trade and its equity', async () => {
    const ny = await call('accounts:create', { name: 'NY', currency: 'USD', timezone: 'America/New_York', startingBalanceCents: 100_000 });
    await trade(ny.id, '2026-03-02T15:00:00Z');
    // 23:30 EST on 3 March = 04:30Z on the 4th: trading day 2026-03-03.
    const late = await trade(ny.id, '2026-03-04T04:30:00Z', 102);
    await trade(ny.id, '2026-03-05T15:00:00Z');
    await trade(ny.id, '2026-03-06T15:00:00Z');
    expect(late.closeDay).toBe('2026-03-03');
    // An edit outside the app (or a zone rule change) stores the UTC day; daily equity follows the stored day.
    sqlite().prepare("UPDATE trades SET close_day = '2026-03-04' WHERE id = ?").run(late.id);
    rebuildDailyEquity(sqlite());

    const run = await call('equity:validate', { accountId: null });
    expect(run.status).toBe('discrepancies');
    expect(run.rootCause).toContain(`trade ${late.id} (NY) is stored on 2026-03-04 but closed on 2026-03-03`);
    const page = await call('equity:discrepancies', { runId: run.id, accountId: null });
    expect(page.rows[0]).toMatchObject({ field: 'trade_close_day', day: '2026-03-04', accountId: ny.id });
    // Only the trade is reported: the day totals were rebuilt from the stored day, so they agree with it.
    expect(page.rows.filter((r) => r.field !== 'trade_close_day')).toEqual([]);

    const rebuilt = await call('equity:rebuild', { accountId: null });
    expect(rebuilt).toMatchObject({ tradesRepaired: 1, validation: { status: 'ok' } });
    expect(sqlite().prepare('SELECT close_day FROM trades WHERE id = ?').pluck().get(late.id)).toBe('2026-03-03');
    // $10 gross - $1 fees each; the late trade $20 - $1.
    expect(storedDays(ny.id)).toEqual([
      { day: '2026-03-02', net: 900 }, { day: '2026-03-03', net: 1_900 }, { day: '2026-03-05', net: 900 }, { day: '2026-03-06', net: 900 },
    ]);
  });

  it('names the first day that differs before its knock-on days', async () => {
    const ny = await call('accounts:create', { name: 'NY', currency: 'USD', timezone: 'America/New_York', startingBalanceCents: 100_000 });
    for (const d of ['02', '03', '04', '05']) await trade(ny.id, `2026-03-${d}T15:00:00Z`);
    // A wrong stored net on the 3rd moves the ending equity of the 3rd, 4th and 5th.
    sqlite().prepare("UPDATE daily_equity SET net_pnl_cents = net_pnl_cents + 500, ending_equity_cents = ending_equity_cents + 500 WHERE day >= '2026-03-03' AND account_id = ?").run(ny.id);
    sqlite().prepare("UPDATE daily_equity SET net_pnl_cents = net_pnl_cents - 500 WHERE day > '2026-03-03' AND account_id = ?").run(ny.id);
    const run = await call('equity:validate', { accountId: null });
    expect(run.rootCause).toBe('NY: the first day that differs is 2026-03-03; the 2 later day(s) follow from it (equity carries forward).');
  });

  it('net != gross - fees on a trade is found and repaired', async () => {
    const ny = await call('accounts:create', { name: 'NY', currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 });
    const one = await trade(ny.id, '2026-03-02T15:00:00Z');
    // The schema refuses it (migration 0007's triggers); a file edited outside the app may not have them.
    sqlite().exec('DROP TRIGGER trades_net_pnl_update_check');
    sqlite().prepare('UPDATE trades SET net_pnl_cents = 5_000 WHERE id = ?').run(one.id);
    const run = await call('equity:validate', { accountId: null });
    const page = await call('equity:discrepancies', { runId: run.id, accountId: null });
    expect(page.rows[0]).toMatchObject({ field: 'trade_net_pnl', stored: 5_000, expected: 900, difference: 900 - 5_000 });
    expect(run.rootCause).toContain(`trade ${one.id} (NY, 2026-03-02) stores 5000 instead of 900`);
    const rebuilt = await call('equity:rebuild', { accountId: null });
    expect(rebuilt.validation.status).toBe('ok');
    expect(sqlite().prepare('SELECT net_pnl_cents FROM trades WHERE id = ?').pluck().get(one.id)).toBe(900);
  });

  it('a restore of a file with a wrong daily_equity row reconciles before it reports success', async () => {
    const ny = await call('accounts:create', { name: 'NY', currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 });
    await trade(ny.id, '2026-03-02T15:00:00Z');
    await trade(ny.id, '2026-03-03T15:00:00Z');
    const file = join(t.dir, 'copy.db');
    t.desktop.answerNextSave(file);
    const backup = await t.services.backup.backupInteractive();
    expect(backup?.path).toBe(file);
    const db = new Database(file);
    db.prepare("UPDATE daily_equity SET net_pnl_cents = 123, ending_equity_cents = 123 WHERE day = '2026-03-02'").run();
    db.close();

    // The renderer never names a path: the file comes from main's open dialog.
    t.desktop.answerNextOpen(file);
    const restored = await call('backup:restore', {});
    expect(restored?.reconciled).toMatchObject({ validation: 'ok', tradesRepaired: 0 });
    expect(restored!.reconciled!.daysRebuilt).toBe(2);
    expect(storedDays(ny.id)).toEqual([{ day: '2026-03-02', net: 900 }, { day: '2026-03-03', net: 900 }]);
  });
});

describe('a failed validation run is retried', () => {
  it('soon after the failure, then on the interval once it succeeds; a failed run is never the last run', async () => {
    const clock = new FakeClock(Date.parse('2026-03-02T08:00:00Z'));
    const outcomes = [false, true];
    const calls: number[] = [];
    const scheduler = createEquityScheduler({
      clock,
      logger: createMemoryLogger(),
      intervalMs: () => 24 * 3_600_000,
      lastRunAt: () => null,
      validate: async () => {
        calls.push(clock.now());
        if (!outcomes.shift()) throw new Error('disk I/O error');
      },
    });
    scheduler.start();
    clock.advance(STARTUP_DELAY_MS);
    await new Promise((resolve) => setImmediate(resolve));
    const failedAt = clock.now();
    expect(scheduler.nextRunAt()).toBe(failedAt + RETRY_DELAY_MS);
    clock.advance(RETRY_DELAY_MS);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([failedAt, failedAt + RETRY_DELAY_MS]);
    expect(scheduler.nextRunAt()).toBe(clock.now() + 24 * 3_600_000);
    scheduler.stop();

    const t = createTestServices();
    try {
      const db = t.services.db.sqlite;
      const insert = db.prepare("INSERT INTO equity_validation_runs (trigger, status, started_at, finished_at) VALUES ('scheduled', ?, ?, ?)");
      insert.run('ok', 1_000, 2_000);
      insert.run('error', 3_000, 4_000);
      // The next start plans from 2,000 (the good run), so it validates again soon.
      expect(lastGoodRunAt(db)).toBe(2_000);
    } finally {
      await t.cleanup();
    }
  });
});
