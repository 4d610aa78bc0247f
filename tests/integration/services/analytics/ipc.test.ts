import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';

let t: TestServices;
let api: Handlers;
let accountId: number;

beforeEach(async () => {
  t = createTestServices();
  api = createHandlers(t.services);
  const sqlite = t.services.db.sqlite;
  accountId = Number(sqlite.prepare("INSERT INTO accounts (name, timezone, starting_balance_cents) VALUES ('Main', 'Europe/Berlin', 1000000)").run().lastInsertRowid);
  sqlite.prepare("INSERT INTO instruments (symbol, asset_class) VALUES ('DAX', 'future')").run();
  sqlite
    .prepare(
      `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty, entry_price,
         gross_pnl_cents, fees_cents, net_pnl_cents) VALUES (?, 1, 'long', 'closed', ?, ?, '2024-01-05', 1, 1, 5000, 100, 4900)`,
    )
    .run(accountId, Date.parse('2024-01-05T09:00:00Z'), Date.parse('2024-01-05T10:00:00Z'));
  await t.services.equity.rebuild({ accountId: null });
});

afterEach(() => t.cleanup());

describe('goals and prop IPC', () => {
  it('creates, updates and deletes a goal, and rejects bad input without changing anything', async () => {
    const created = await api['goals:create']({ name: 'Monthly', kind: 'profit_target', period: 'month', target: 50_000, startsOn: '2024-01-01', accountId });
    expect(created).toMatchObject({ ok: true, data: { name: 'Monthly', accountId, active: true, endsOn: null, unit: 'cents' } });
    const id = created.ok ? created.data.id : 0;

    const badRate = await api['goals:create']({ name: 'WR', kind: 'win_rate', period: 'month', target: 55, startsOn: '2024-01-01' });
    expect(badRate).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!badRate.ok && badRate.error.message).toContain('target: a win-rate target is a fraction between 0 and 1');

    const badAccount = await api['goals:create']({ name: 'X', kind: 'profit_target', period: 'day', target: 1, startsOn: '2024-01-01', accountId: 999 });
    expect(badAccount).toMatchObject({ ok: false, error: { code: 'validation', message: 'accountId: account 999 does not exist. Pick an account from the list.' } });

    const badDates = await api['goals:update']({ id, patch: { endsOn: '2023-12-31' } });
    expect(badDates).toMatchObject({ ok: false, error: { code: 'validation', message: 'endsOn: must be on or after startsOn' } });
    const unknownField = await api['goals:update']({ id, patch: { colour: 'red' } });
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'validation' } });

    const updated = await api['goals:update']({ id, patch: { target: 60_000, active: false } });
    expect(updated).toMatchObject({ ok: true, data: { id, target: 60_000, active: false, name: 'Monthly', startsOn: '2024-01-01' } });
    expect(await api['goals:list']({})).toMatchObject({ ok: true, data: [{ id, target: 60_000 }] });

    expect(await api['goals:delete']({ id })).toEqual({ ok: true, data: { id } });
    expect(await api['goals:delete']({ id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api['goals:update']({ id, patch: { target: 1 } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('creates, updates and deletes a prop evaluation with its progress', async () => {
    const input = {
      accountId, firm: 'Apex', name: '50k', phase: 'phase1', startBalanceCents: 1_000_000, profitTargetCents: 100_000,
      dailyLossLimitCents: 50_000, maxDrawdownCents: 100_000, drawdownMode: 'trailing', startedOn: '2024-01-01',
    };
    const created = await api['prop:create'](input);
    expect(created).toMatchObject({
      ok: true,
      data: { status: 'active', alertThreshold: 0.8, minTradingDays: 0, cumulativeProfitCents: 4_900, progressPct: 4.9, tradingDays: 1 },
    });
    const id = created.ok ? created.data.id : 0;

    expect(await api['prop:create']({ ...input, maxDrawdownCents: 2_000_000 })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('maxDrawdownCents: must be smaller than the start balance') },
    });
    expect(await api['prop:create']({ ...input, alertThreshold: 1.5 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await api['prop:update']({ id, patch: { startBalanceCents: 50_000 } })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'maxDrawdownCents: must be smaller than the start balance' },
    });
    expect(await api['prop:update']({ id, patch: { status: 'passed', drawdownMode: 'static' } })).toMatchObject({
      ok: true,
      data: { id, status: 'passed', drawdownMode: 'static', drawdownFloorCents: 900_000 },
    });
    expect(await api['prop:list']({})).toMatchObject({ ok: true, data: [{ id, status: 'passed' }] });
    expect(await api['prop:delete']({ id })).toEqual({ ok: true, data: { id } });
    expect(await api['prop:list']({})).toEqual({ ok: true, data: [] });
  });
});

describe('analytics and equity IPC', () => {
  it('answers with figures and rejects malformed filters', async () => {
    expect(await api['analytics:summary']({ filter: { accountIds: [accountId] } })).toMatchObject({ ok: true, data: { tradeCount: 1, netPnlCents: 4_900 } });
    expect(await api['analytics:summary']({})).toMatchObject({ ok: true, data: { tradeCount: 1 } });
    expect(await api['analytics:summary']({ filter: { dateFrom: '2024-02-01', dateTo: '2024-01-01' } })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('The "From" day must be on or before the "To" day') },
    });
    expect(await api['analytics:breakdown']({ dimension: 'moon' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await api['analytics:breakdown']({ dimension: 'hour' })).toMatchObject({ ok: true, data: [{ key: '10', label: '10:00', netPnlCents: 4_900 }] });
    expect(await api['analytics:calendar']({ month: '2024-13' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('must be a month written YYYY-MM') },
    });
    expect(await api['analytics:calendar']({ month: '2024-01' })).toMatchObject({ ok: true, data: { tradingDays: 1, netPnlCents: 4_900 } });
    expect(await api['analytics:equityCurve']({})).toMatchObject({ ok: true, data: { startEquityCents: 1_000_000, points: [{ equityCents: 1_004_900 }] } });
  });

  it('validates, rebuilds and pages discrepancies', async () => {
    t.services.db.sqlite.prepare('UPDATE daily_equity SET peak_equity_cents = 1').run();
    const run = await api['equity:validate']({});
    expect(run).toMatchObject({ ok: true, data: { status: 'discrepancies', discrepancyCount: 1, trigger: 'manual' } });
    expect(await api['equity:discrepancies']({})).toMatchObject({
      ok: true,
      data: { total: 1, rows: [{ accountName: 'Main', day: '2024-01-05', field: 'peak_equity_cents', stored: 1, expected: 1_004_900 }] },
    });
    expect(await api['equity:discrepancies']({ limit: 5_000 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await api['equity:discrepancies']({ runId: 12345 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api['equity:validate']({ accountId: 777 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api['equity:rebuild']({ accountId })).toMatchObject({ ok: true, data: { days: 1, validation: { status: 'ok', discrepancyCount: 0 } } });
    expect(await api['equity:status']({})).toMatchObject({
      ok: true,
      data: {
        lastRun: { trigger: 'rebuild', status: 'ok' },
        intervalHours: 24,
        accounts: [{ accountName: 'Main', days: 1, endingEquityCents: 1_004_900, peakEquityCents: 1_004_900, drawdownCents: 0 }],
      },
    });
    expect(await api['equity:runs']({ limit: 5 })).toMatchObject({ ok: true, data: [{ trigger: 'rebuild' }, { trigger: 'manual' }, { trigger: 'rebuild' }] });
  });
});
