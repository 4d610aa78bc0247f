import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournalFixture, type JournalFixture } from '../analytics/journal-fixture';
import { rebuildDailyEquity } from '../../../../electron/main/services/equity/rebuild';
import { validateEquity } from '../../../../electron/main/services/equity/validate';
import { discrepancyPage } from '../../../../electron/main/services/equity/runs';
import { refreshAccountEquityForDays } from '../../../../electron/main/services/equity/maintain';
import { expectedDailyEquitySql } from '../../../../electron/main/services/equity/expected-equity-sql';

let fx: JournalFixture;
let a: number;
let b: number;
let clockMs = Date.parse('2024-05-01T00:00:00Z');
const now = () => (clockMs += 1000);

beforeEach(() => {
  fx = createJournalFixture();
  a = fx.account({ name: 'A', timezone: 'America/New_York', startingBalanceCents: 1_000_000 });
  b = fx.account({ name: 'B', timezone: 'Asia/Tokyo', startingBalanceCents: 500_000 });
  const es = fx.instrument('ES');
  const t = (accountId: number, closedAt: string, gross: number, fees = 0) =>
    fx.trade({ accountId, instrumentId: es, openedAt: closedAt, closedAt, grossPnlCents: gross, feesCents: fees });
  t(a, '2024-04-01T15:00:00Z', 10_000, 200);
  t(a, '2024-04-02T15:00:00Z', -30_000, 200);
  t(a, '2024-04-03T15:00:00Z', 5_000, 100);
  t(a, '2024-04-04T15:00:00Z', 50_000, 100);
  t(b, '2024-04-01T01:00:00Z', 7_000, 50);
  t(b, '2024-04-02T01:00:00Z', -2_000, 50);
  fx.trade({ accountId: a, instrumentId: es, openedAt: '2024-04-04T15:00:00Z', grossPnlCents: 123_456 });
  rebuildDailyEquity(fx.sqlite);
});

afterEach(() => fx.close());

const validate = (accountId: number | null = null) => validateEquity(fx.sqlite, { trigger: 'manual', accountId, now });

describe('equity validation', () => {
  it('stores the hand-computed running equity, peak and drawdown', () => {
    const rows = fx.sqlite
      .prepare('SELECT day, net_pnl_cents AS net, ending_equity_cents AS ending, peak_equity_cents AS peak, drawdown_cents AS dd FROM daily_equity WHERE account_id = ? ORDER BY day')
      .all(a);
    expect(rows).toEqual([
      { day: '2024-04-01', net: 9_800, ending: 1_009_800, peak: 1_009_800, dd: 0 },
      { day: '2024-04-02', net: -30_200, ending: 979_600, peak: 1_009_800, dd: 30_200 },
      { day: '2024-04-03', net: 4_900, ending: 984_500, peak: 1_009_800, dd: 25_300 },
      { day: '2024-04-04', net: 49_900, ending: 1_034_400, peak: 1_034_400, dd: 0 },
    ]);
  });

  it('finds exactly the corrupted days, rebuild repairs them, and validation then reports zero', () => {
    expect(validate()).toMatchObject({ status: 'ok', daysChecked: 6, discrepancyCount: 0 });

    fx.sqlite.prepare("UPDATE daily_equity SET ending_equity_cents = ending_equity_cents + 1 WHERE account_id = ? AND day = '2024-04-02'").run(a);
    fx.sqlite.prepare("UPDATE daily_equity SET trade_count = 9, fees_cents = 0 WHERE account_id = ? AND day = '2024-04-01'").run(b);
    fx.sqlite.prepare("DELETE FROM daily_equity WHERE account_id = ? AND day = '2024-04-03'").run(a);
    fx.sqlite
      .prepare("INSERT INTO daily_equity VALUES (?, '2024-04-10', 100, 0, 100, 1, 1, 500100, 500100, 0)")
      .run(b);

    const run = validate();
    expect(run).toMatchObject({ status: 'discrepancies', daysChecked: 7, discrepancyCount: 5, daysWithDiscrepancies: 4 });
    const page = discrepancyPage(fx.sqlite, { runId: run.id, accountId: null, offset: 0, limit: 100 });
    expect(page.total).toBe(5);
    expect(page.rows.map(({ accountName, accountId, day, field, stored, expected, difference }) => ({ accountName, accountId, day, field, stored, expected, difference }))).toEqual([
      { accountName: 'A', accountId: a, day: '2024-04-02', field: 'ending_equity_cents', stored: 979_601, expected: 979_600, difference: -1 },
      { accountName: 'A', accountId: a, day: '2024-04-03', field: 'day_missing', stored: null, expected: 4_900, difference: 4_900 },
      // B is in Tokyo: 01:00Z is 10:00 the same day.
      { accountName: 'B', accountId: b, day: '2024-04-01', field: 'fees_cents', stored: 0, expected: 50, difference: 50 },
      { accountName: 'B', accountId: b, day: '2024-04-01', field: 'trade_count', stored: 9, expected: 1, difference: -8 },
      { accountName: 'B', accountId: b, day: '2024-04-10', field: 'day_unexpected', stored: 100, expected: null, difference: -100 },
    ]);
    // Scoped to one account, only its days are checked and reported.
    expect(validate(b)).toMatchObject({ daysChecked: 3, discrepancyCount: 3 });

    expect(rebuildDailyEquity(fx.sqlite).days).toBe(6);
    expect(validate()).toMatchObject({ status: 'ok', daysChecked: 6, discrepancyCount: 0, daysWithDiscrepancies: 0 });
  });

  it('reads the per-day sums from the covering index, without a sort', () => {
    const plan = (sql: string, params: object) =>
      (fx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
    const all = plan(expectedDailyEquitySql({ account: false, fromDay: false }), {});
    expect(all).toContain('SCAN t USING COVERING INDEX trades_equity_cover_idx');
    expect(all).not.toContain('USE TEMP B-TREE FOR GROUP BY');
    const incremental = plan(expectedDailyEquitySql({ account: true, fromDay: true }), { 1: a, 2: '2024-04-03' });
    expect(incremental).toContain('SEARCH t USING COVERING INDEX trades_equity_cover_idx (account_id=? AND close_day>?)');
  });
});

describe('refreshAccountEquityForDays (trade writes)', () => {
  it('keeps daily_equity exact through random inserts, edits, re-dated closes and deletes', () => {
    // A seeded walk of trade writes, each followed by the incremental refresh in the same transaction.
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const es = fx.instrument('NQ');
    const days = ['2024-04-01', '2024-04-02', '2024-04-03', '2024-04-05', '2024-04-08', '2024-04-09'];
    const closeDayOf = fx.sqlite.prepare('SELECT close_day FROM trades WHERE id = ?').pluck();
    const ids: number[] = [];
    for (let step = 0; step < 120; step += 1) {
      const account = rand() < 0.5 ? a : b;
      const day = days[Math.floor(rand() * days.length)]!;
      const action = ids.length < 5 ? 0 : Math.floor(rand() * 4);
      fx.sqlite.transaction(() => {
        if (action === 0 || action === 3) {
          const id = fx.trade({
            accountId: account, instrumentId: es, openedAt: `${day}T05:00:00Z`, closedAt: `${day}T05:00:00Z`,
            grossPnlCents: Math.round((rand() - 0.45) * 100_000), feesCents: Math.floor(rand() * 300),
          });
          ids.push(id);
          const accountOf = fx.sqlite.prepare('SELECT account_id FROM trades WHERE id = ?').pluck().get(id) as number;
          refreshAccountEquityForDays(fx.sqlite, accountOf, [closeDayOf.get(id) as string]);
        } else {
          const id = ids[Math.floor(rand() * ids.length)]!;
          const { account_id: accountOf, close_day: before } = fx.sqlite
            .prepare('SELECT account_id, close_day FROM trades WHERE id = ?').get(id) as { account_id: number; close_day: string };
          if (action === 1) {
            const net = Math.round((rand() - 0.5) * 80_000);
            fx.sqlite.prepare('UPDATE trades SET gross_pnl_cents = ?, fees_cents = 0, net_pnl_cents = ?, close_day = ? WHERE id = ?').run(net, net, day, id);
            refreshAccountEquityForDays(fx.sqlite, accountOf, [before, day]);
          } else {
            fx.sqlite.prepare('DELETE FROM trades WHERE id = ?').run(id);
            ids.splice(ids.indexOf(id), 1);
            refreshAccountEquityForDays(fx.sqlite, accountOf, [before]);
          }
        }
      })();
      if (step % 10 === 9) expect(validate(), `after step ${step}`).toMatchObject({ status: 'ok', discrepancyCount: 0 });
    }
    expect(validate()).toMatchObject({ status: 'ok', discrepancyCount: 0 });
  });

  it('rolls back with the trade write when the transaction fails', () => {
    const before = fx.sqlite.prepare('SELECT * FROM daily_equity ORDER BY account_id, day').all();
    expect(() =>
      fx.sqlite.transaction(() => {
        fx.sqlite.prepare("UPDATE trades SET net_pnl_cents = 1, close_day = '2024-04-01' WHERE account_id = ?").run(a);
        refreshAccountEquityForDays(fx.sqlite, a, ['2024-04-01']);
        throw new Error('import failed half way');
      })(),
    ).toThrow('import failed half way');
    expect(fx.sqlite.prepare('SELECT * FROM daily_equity ORDER BY account_id, day').all()).toEqual(before);
  });
});
