import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournalFixture, type JournalFixture } from './journal-fixture';
import { rebuildDailyEquity } from '../../../../electron/main/services/equity/rebuild';
import { computeGoalProgress } from '../../../../electron/main/services/analytics/goals';
import { computePropEvaluations } from '../../../../electron/main/services/analytics/prop-evaluations';

// "Now" is Friday 2024-03-15 12:00 in New York (EDT, UTC-4) and 16:00 in London (GMT).
const NOW = Date.parse('2024-03-15T16:00:00Z');

let fx: JournalFixture;
let ny: number;
let ldn: number;

function goal(values: Record<string, unknown>): number {
  const row = { account_id: null, ends_on: null, active: 1, ...values };
  const cols = Object.keys(row);
  return Number(
    fx.sqlite
      .prepare(`INSERT INTO goals (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...Object.values(row)).lastInsertRowid,
  );
}

function prop(values: Record<string, unknown>): number {
  const row = { drawdown_mode: 'trailing', min_trading_days: 0, alert_threshold: 0.8, ended_on: null, phase: 'phase1', firm: 'Firm', ...values };
  const cols = Object.keys(row);
  return Number(
    fx.sqlite
      .prepare(`INSERT INTO prop_evaluations (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...Object.values(row)).lastInsertRowid,
  );
}

beforeEach(() => {
  fx = createJournalFixture();
  ny = fx.account({ name: 'NY', timezone: 'America/New_York', startingBalanceCents: 100_000 });
  ldn = fx.account({ name: 'LDN', timezone: 'Europe/London', startingBalanceCents: 5_000_000 });
  const es = fx.instrument('ES');
  const t = (accountId: number, closedAt: string, gross: number, fees = 0) =>
    fx.trade({ accountId, instrumentId: es, openedAt: closedAt, closedAt, grossPnlCents: gross, feesCents: fees });
  // NY account. February: one win of +500.00.
  t(ny, '2024-02-28T15:00:00Z', 50_000);
  // March 4: +300.00 net (305 gross - 5 fees) and -50.00 -> day +250.00, 1 win of 2.
  t(ny, '2024-03-04T15:00:00Z', 30_500, 500);
  t(ny, '2024-03-04T16:00:00Z', -5_000);
  // March 12: -120.00.
  t(ny, '2024-03-12T15:00:00Z', -12_000);
  // March 15: +20, +30, -10 -> +40.00, 2 wins of 3. 02:00Z is still March 14 in New York: it
  // belongs to the 14th, so the 15th keeps exactly these three.
  t(ny, '2024-03-15T14:00:00Z', 2_000);
  t(ny, '2024-03-15T14:30:00Z', 3_000);
  t(ny, '2024-03-15T15:00:00Z', -1_000);
  // An open trade with a large figure in its row: must count nowhere.
  fx.trade({ accountId: ny, instrumentId: es, openedAt: '2024-03-15T13:00:00Z', grossPnlCents: -999_999 });
  // London account.
  t(ldn, '2024-03-04T12:00:00Z', 200_000);
  t(ldn, '2024-03-05T12:00:00Z', -100_000);
  t(ldn, '2024-03-15T10:00:00Z', -210_000);
  rebuildDailyEquity(fx.sqlite);
});

afterEach(() => fx.close());

describe('computeGoalProgress', () => {
  it('measures each kind over the period containing today and judges its status', () => {
    const ids = {
      // March (all accounts in different zones -> UTC today = 2024-03-15): net = NY 250 - 120 + 40 = 170.00
      // plus LDN 2000 - 1000 - 2100 = -1100.00 -> -930.00 total.
      allMonth: goal({ name: 'All', kind: 'profit_target', period: 'month', target: 100_000, starts_on: '2024-01-01' }),
      // NY March net 170.00 vs 1,000.00: pace after 15 of 31 days = 1000 x 14/31 = 451.61 -> behind.
      nyBig: goal({ name: 'NY big', kind: 'profit_target', period: 'month', target: 100_000, starts_on: '2024-01-01', account_id: ny }),
      // 170.00 vs 300.00: pace 300 x 14/31 = 135.48 -> on track; progress 17000/30000.
      nySmall: goal({ name: 'NY small', kind: 'profit_target', period: 'month', target: 30_000, starts_on: '2024-01-01', account_id: ny }),
      // Today (the 15th) made +40: no loss.
      dayLoss: goal({ name: 'Day loss', kind: 'max_daily_loss', period: 'day', target: 15_000, starts_on: '2024-01-01', account_id: ny }),
      // Worst March day lost 120.00 = 96 % of 125.00 -> at risk.
      monthLossClose: goal({ name: 'Loss close', kind: 'max_daily_loss', period: 'month', target: 12_500, starts_on: '2024-01-01', account_id: ny }),
      // 120.00 > 100.00 -> missed.
      monthLossBroken: goal({ name: 'Loss broken', kind: 'max_daily_loss', period: 'month', target: 10_000, starts_on: '2024-01-01', account_id: ny }),
      // Week Mon 11 .. Sun 17: the 12th had 1 trade, the 15th 3 -> busiest 3 of 3 allowed -> at risk.
      trades: goal({ name: 'Trades', kind: 'max_trades_per_day', period: 'week', target: 3, starts_on: '2024-01-01', account_id: ny }),
      // March: 3 wins of 6 trades = 0.5 against 0.5.
      winRate: goal({ name: 'Win rate', kind: 'win_rate', period: 'month', target: 0.5, starts_on: '2024-01-01', account_id: ny }),
      // Ended in February: 1 win of 1 = 1.0 >= 0.6.
      winRateFeb: goal({ name: 'Feb WR', kind: 'win_rate', period: 'month', target: 0.6, starts_on: '2024-02-01', ends_on: '2024-02-29', account_id: ny }),
      // Ended in February at 500.00 of 600.00.
      profitFeb: goal({ name: 'Feb profit', kind: 'profit_target', period: 'month', target: 60_000, starts_on: '2024-02-01', ends_on: '2024-02-29', account_id: ny }),
      future: goal({ name: 'April', kind: 'profit_target', period: 'month', target: 10_000, starts_on: '2024-04-01', account_id: ny }),
    };
    const byId = new Map(computeGoalProgress(fx.sqlite, { now: NOW }).map((g) => [g.id, g]));
    const get = (id: number) => byId.get(id)!;

    expect(get(ids.allMonth)).toMatchObject({ currentValue: -93_000, progress: 0, status: 'at_risk', today: '2024-03-15', accountName: null });
    expect(get(ids.allMonth)).toMatchObject({ periodStart: '2024-03-01', periodEnd: '2024-03-31', periodComplete: false, tradeCount: 9 });
    expect(get(ids.nyBig)).toMatchObject({ currentValue: 17_000, status: 'at_risk', accountName: 'NY', unit: 'cents' });
    expect(get(ids.nySmall)).toMatchObject({ currentValue: 17_000, status: 'on_track', tradingDays: 3, tradeCount: 6 });
    expect(get(ids.nySmall).progress).toBeCloseTo(17_000 / 30_000, 12);
    expect(get(ids.dayLoss)).toMatchObject({ currentValue: 0, progress: 0, status: 'on_track', periodStart: '2024-03-15', periodEnd: '2024-03-15' });
    expect(get(ids.monthLossClose)).toMatchObject({ currentValue: 12_000, status: 'at_risk' });
    expect(get(ids.monthLossClose).progress).toBeCloseTo(0.96, 12);
    expect(get(ids.monthLossBroken)).toMatchObject({ currentValue: 12_000, progress: 1.2, status: 'missed' });
    expect(get(ids.monthLossBroken).message).toContain('$120.00');
    expect(get(ids.trades)).toMatchObject({ currentValue: 3, progress: 1, status: 'at_risk', periodStart: '2024-03-11', periodEnd: '2024-03-17' });
    expect(get(ids.winRate)).toMatchObject({ currentValue: 0.5, progress: 1, status: 'on_track', unit: 'fraction' });
    expect(get(ids.winRateFeb)).toMatchObject({ currentValue: 1, status: 'achieved', periodComplete: true, periodEnd: '2024-02-29' });
    expect(get(ids.profitFeb)).toMatchObject({ currentValue: 50_000, status: 'missed', periodComplete: true });
    expect(get(ids.future)).toMatchObject({ status: 'not_started', currentValue: 0, periodStart: '2024-04-01' });
  });

  it('returns an empty list when there are no goals', () => {
    expect(computeGoalProgress(fx.sqlite, { now: NOW })).toEqual([]);
  });
});

describe('computePropEvaluations', () => {
  it('computes profit progress, room under both limits and alerts near them (trailing)', () => {
    // LDN: 50,000.00 start; +2,000 (peak 52,000), -1,000, then today -2,100 -> 48,900.
    const id = prop({
      account_id: ldn, name: 'Trailing', start_balance_cents: 5_000_000, profit_target_cents: 400_000,
      daily_loss_limit_cents: 250_000, max_drawdown_cents: 350_000, min_trading_days: 4, started_on: '2024-03-01',
    });
    const [p] = computePropEvaluations(fx.sqlite, { now: NOW }).filter((e) => e.id === id);
    expect(p).toMatchObject({
      today: '2024-03-15',
      throughDay: '2024-03-15',
      cumulativeProfitCents: -110_000,
      progressPct: 0,
      remainingProfitCents: 510_000,
      currentEquityCents: 4_890_000,
      peakEquityCents: 5_200_000,
      todayPnlCents: -210_000,
      remainingDailyLossCents: 40_000,
      // Trailing floor: 52,000 - 3,500 = 48,500; equity is 390.00 above it.
      drawdownFloorCents: 4_850_000,
      remainingDrawdownCents: 40_000,
      tradingDays: 3,
      tradingDaysRemaining: 1,
      computedStatus: 'active',
      breaches: [],
    });
    expect(p!.dailyLossUsedFraction).toBeCloseTo(0.84, 12);
    expect(p!.drawdownUsedFraction).toBeCloseTo(310_000 / 350_000, 12);
    expect(p!.alerts.map((a) => [a.limit, a.severity])).toEqual([
      ['daily_loss', 'warning'],
      ['max_drawdown', 'warning'],
    ]);
    expect(p!.alerts[0]!.message).toBe(
      'Daily loss is close to the limit: today lost $2,100.00, 84 % of the $2,500.00 allowed; $400.00 left.',
    );
    expect(p!.alerts[1]!.message).toContain('$48,900.00');
  });

  it('uses the start balance for a static floor and stays quiet below the alert threshold', () => {
    const id = prop({
      account_id: ldn, name: 'Static', start_balance_cents: 5_000_000, profit_target_cents: 400_000,
      daily_loss_limit_cents: 250_000, max_drawdown_cents: 350_000, drawdown_mode: 'static', alert_threshold: 0.9,
      started_on: '2024-03-01',
    });
    const [p] = computePropEvaluations(fx.sqlite, { now: NOW }).filter((e) => e.id === id);
    expect(p).toMatchObject({ drawdownFloorCents: 4_650_000, remainingDrawdownCents: 240_000, alerts: [] });
    expect(p!.drawdownUsedFraction).toBeCloseTo(110_000 / 350_000, 12);
  });

  it('fails an evaluation whose day broke the daily loss limit, and passes one that met its target', () => {
    const failed = prop({
      account_id: ny, name: 'Failed', start_balance_cents: 100_000, profit_target_cents: 50_000,
      daily_loss_limit_cents: 10_000, max_drawdown_cents: 50_000, started_on: '2024-03-01',
    });
    // Feb 28 +500 and Mar 4 +250 = +750.00 over 2 trading days; ended on the 10th, before the -120 day.
    const passed = prop({
      account_id: ny, name: 'Passed', start_balance_cents: 100_000, profit_target_cents: 60_000,
      daily_loss_limit_cents: 10_000, max_drawdown_cents: 50_000, min_trading_days: 2,
      started_on: '2024-02-01', ended_on: '2024-03-10',
    });
    const all = computePropEvaluations(fx.sqlite, { now: NOW });
    const f = all.find((e) => e.id === failed)!;
    expect(f.computedStatus).toBe('failed');
    expect(f.breaches).toEqual(['On 2024-03-12 the running loss reached $120.00 against the $100.00 daily limit.']);
    const p = all.find((e) => e.id === passed)!;
    expect(p).toMatchObject({
      computedStatus: 'passed', throughDay: '2024-03-10', cumulativeProfitCents: 75_000, progressPct: 125,
      todayPnlCents: 0, remainingDailyLossCents: 10_000, tradingDays: 2, alerts: [],
    });
  });
});
