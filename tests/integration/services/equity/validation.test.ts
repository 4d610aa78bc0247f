import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournalFixture, type JournalFixture } from '../analytics/journal-fixture';
import { rebuildDailyEquity } from '../../../../electron/main/services/equity/rebuild';
import { discrepancyPage, listRuns } from '../../../../electron/main/services/equity/runs';
import { refreshAccountEquityForDays } from '../../../../electron/main/services/equity/maintain';
import { expectedDailyEquitySql } from '../../../../electron/main/services/equity/expected-equity-sql';
import { createEquityValidator, sourceValidationWorker, type EquityValidator } from '../../../../electron/main/services/equity/validation-threads';
import { validateAndRecord } from '../../../../electron/main/services/equity/validation-run';
import { silentLogger } from '../../../../electron/main/services/logging';
import { DAY_TOTALS_SQL, readDayTotalsJson, type DayKey, type DayKeyRange, type DayTotalsRow } from '../../../../electron/main/services/equity/day-totals-sql';
import { createRangePlanner, DAY_COST_IN_TRADES, rangesFromCuts, type RangePlan } from '../../../../electron/main/services/equity/validation-ranges';

let fx: JournalFixture;
let validator: EquityValidator;
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
  // Three threads even on six trades, so every test also proves the split and the shared snapshot.
  validator = createEquityValidator({
    sqlite: fx.sqlite, dbPath: join(fx.dir, 'journal.db'), entry: sourceValidationWorker(), logger: silentLogger,
    plan: { parts: 3, minTradesPerPart: 1 },
  });
});

afterEach(async () => {
  await validator.close();
  fx.close();
});

const validate = async (accountId: number | null = null) => (await validateAndRecord({ sqlite: fx.sqlite, validator, now }, 'manual', accountId)).run;

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

  it('finds exactly the corrupted days, rebuild repairs them, and validation then reports zero', async () => {
    expect(validator.plan(null)).toHaveLength(3);
    expect(await validate()).toMatchObject({ status: 'ok', daysChecked: 6, discrepancyCount: 0 });

    fx.sqlite.prepare("UPDATE daily_equity SET ending_equity_cents = ending_equity_cents + 1 WHERE account_id = ? AND day = '2024-04-02'").run(a);
    fx.sqlite.prepare("UPDATE daily_equity SET trade_count = 9, fees_cents = 0 WHERE account_id = ? AND day = '2024-04-01'").run(b);
    fx.sqlite.prepare("DELETE FROM daily_equity WHERE account_id = ? AND day = '2024-04-03'").run(a);
    // Gross is recomputed as net + fees (the schema's rule): a gross alone out of line still shows.
    fx.sqlite.prepare("UPDATE daily_equity SET gross_pnl_cents = 49_993 WHERE account_id = ? AND day = '2024-04-04'").run(a);
    fx.sqlite
      .prepare("INSERT INTO daily_equity VALUES (?, '2024-04-10', 100, 0, 100, 1, 1, 500100, 500100, 0)")
      .run(b);

    const run = await validate();
    expect(run).toMatchObject({ status: 'discrepancies', daysChecked: 7, discrepancyCount: 6, daysWithDiscrepancies: 5 });
    const page = discrepancyPage(fx.sqlite, { runId: run.id, accountId: null, offset: 0, limit: 100 });
    expect(page.total).toBe(6);
    expect(page.rows.map(({ accountName, accountId, day, field, stored, expected, difference }) => ({ accountName, accountId, day, field, stored, expected, difference }))).toEqual([
      { accountName: 'A', accountId: a, day: '2024-04-02', field: 'ending_equity_cents', stored: 979_601, expected: 979_600, difference: -1 },
      { accountName: 'A', accountId: a, day: '2024-04-03', field: 'day_missing', stored: null, expected: 4_900, difference: 4_900 },
      { accountName: 'A', accountId: a, day: '2024-04-04', field: 'gross_pnl_cents', stored: 49_993, expected: 50_000, difference: 7 },
      // B is in Tokyo: 01:00Z is 10:00 the same day.
      { accountName: 'B', accountId: b, day: '2024-04-01', field: 'fees_cents', stored: 0, expected: 50, difference: 50 },
      { accountName: 'B', accountId: b, day: '2024-04-01', field: 'trade_count', stored: 9, expected: 1, difference: -8 },
      { accountName: 'B', accountId: b, day: '2024-04-10', field: 'day_unexpected', stored: 100, expected: null, difference: -100 },
    ]);
    // Scoped to one account, only its days are checked and reported.
    expect(await validate(b)).toMatchObject({ daysChecked: 3, discrepancyCount: 3 });

    expect(rebuildDailyEquity(fx.sqlite).days).toBe(6);
    expect(await validate()).toMatchObject({ status: 'ok', daysChecked: 6, discrepancyCount: 0, daysWithDiscrepancies: 0 });
  });

  it('reads the per-day sums from the covering index, without a sort', () => {
    const plan = (sql: string, params: object) =>
      (fx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
    // What rebuild and trade writes store.
    const all = plan(expectedDailyEquitySql({ account: false, fromDay: false }), {});
    expect(all).toContain('SCAN t USING COVERING INDEX trades_equity_cover_idx');
    expect(all).not.toContain('USE TEMP B-TREE FOR GROUP BY');
    const incremental = plan(expectedDailyEquitySql({ account: true, fromDay: true }), { 1: a, 2: '2024-04-03' });
    expect(incremental).toContain('SEARCH t USING COVERING INDEX trades_equity_cover_idx (account_id=? AND close_day>?)');
    // What validation recomputes: seeks from day to day, then two range reads per day (winners, the rest).
    const totals = plan(DAY_TOTALS_SQL, { fromAccount: null, fromDay: null, toAccount: null, toDay: null });
    expect(totals).toContain('SEARCH t USING COVERING INDEX trades_equity_cover_idx (account_id=? AND close_day>?)');
    expect(totals).toContain('SEARCH t USING COVERING INDEX trades_equity_cover_idx (account_id=? AND close_day=? AND net_pnl_cents>?)');
    expect(totals).toContain('SEARCH t USING COVERING INDEX trades_equity_cover_idx (account_id=? AND close_day=? AND net_pnl_cents<?)');
    // No trade is scanned outside those ranges or sorted: the one sort is of the days, for key order.
    expect(totals.join('\n')).not.toMatch(/SCAN t\b|FOR GROUP BY/);
    expect(totals.filter((d) => d.includes('TEMP B-TREE'))).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
  });
});

describe('parallel validation ranges', () => {
  const readDayTotals = (sqlite: typeof fx.sqlite, range: DayKeyRange) => JSON.parse(readDayTotalsJson(sqlite, range)) as DayTotalsRow[];
  // A fresh planner each time: what the first validation of a scope would use.
  const planDayRanges = (accountId: number | null, plan: RangePlan) => createRangePlanner(fx.sqlite, plan)(accountId);
  const groupBy = () =>
    fx.sqlite
      .prepare(
        `SELECT account_id, close_day, SUM(gross_pnl_cents), SUM(fees_cents), SUM(net_pnl_cents), COUNT(*), SUM(net_pnl_cents > 0)
         FROM trades WHERE status = 'closed' GROUP BY account_id, close_day ORDER BY account_id, close_day`,
      )
      .raw()
      .all();
  // The recursive walk yields the days breadth-first across accounts; the comparison sorts them.
  const sorted = (rows: DayTotalsRow[]) => [...rows].sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));

  it('sums every account-day once, however the days are cut into ranges', () => {
    // Same-day winners and losers, a zero-P&L trade (not a win) and an account without trades.
    const es = fx.instrument('CL');
    fx.trade({ accountId: a, instrumentId: es, openedAt: '2024-04-02T16:00:00Z', closedAt: '2024-04-02T16:00:00Z', grossPnlCents: 4_000, feesCents: 100 });
    fx.trade({ accountId: a, instrumentId: es, openedAt: '2024-04-02T17:00:00Z', closedAt: '2024-04-02T17:00:00Z', grossPnlCents: 100, feesCents: 100 });
    fx.account({ name: 'Empty' });
    const whole = sorted(readDayTotals(fx.sqlite, { from: null, to: null }));
    expect(whole).toEqual(groupBy());
    expect(whole.find(([acc, day]) => acc === a && day === '2024-04-02')).toEqual([a, '2024-04-02', -25_900, 400, -26_300, 3, 1]);

    const keys = whole.map(([accountId, day]) => ({ accountId, day }));
    const cutSets: DayKey[][] = [
      [{ accountId: b, day: null }],
      keys.slice(1, 2),
      [keys[1]!, { accountId: b, day: null }, keys.at(-1)!],
      keys.slice(1),
      // Cuts on days without trades still partition the days.
      [{ accountId: a, day: '2024-04-02T' }, { accountId: b, day: '2024-01-01' }],
    ];
    for (const cuts of cutSets) {
      const ranges = rangesFromCuts(cuts, null);
      expect(ranges).toHaveLength(cuts.length + 1);
      expect(sorted(ranges.flatMap((r) => readDayTotals(fx.sqlite, r))), JSON.stringify(cuts)).toEqual(whole);
    }
    const onlyB = rangesFromCuts([{ accountId: b, day: '2024-04-02' }], b);
    expect(sorted(onlyB.flatMap((r) => readDayTotals(fx.sqlite, r)))).toEqual(whole.filter(([acc]) => acc === b));
  });

  it('balances the ranges on the stored trade counts, and still covers every day when those are wrong', () => {
    const es = fx.instrument('NQ');
    for (let i = 0; i < 600; i += 1) {
      fx.trade({ accountId: b, instrumentId: es, openedAt: '2024-04-05T01:00:00Z', closedAt: '2024-04-05T01:00:00Z', grossPnlCents: 100 * (i - 300) });
    }
    rebuildDailyEquity(fx.sqlite);
    // 606 trades, 600 of them on B's last day: weighing each day at DAY_COST_IN_TRADES too,
    // that day still outweighs the other six together, so it gets a range of its own.
    expect(DAY_COST_IN_TRADES).toBeLessThan(100);
    const ranges = planDayRanges(null, { parts: 3, minTradesPerPart: 1 });
    expect(ranges).toHaveLength(3);
    expect(ranges.at(-1)).toEqual({ from: { accountId: b, day: '2024-04-05' }, to: null });
    // Too few trades for more than one thread.
    expect(planDayRanges(null, { parts: 3, minTradesPerPart: 1000 })).toEqual([{ from: null, to: null }]);

    // A planner keeps a scope's ranges until its stored trade count moves by more than a tenth.
    const planner = createRangePlanner(fx.sqlite, { parts: 3, minTradesPerPart: 1 });
    const first = planner(null);
    fx.sqlite.prepare("UPDATE daily_equity SET trade_count = trade_count + 60 WHERE account_id = ? AND day = '2024-04-01'").run(a);
    expect(planner(null)).toBe(first);
    fx.sqlite.prepare("UPDATE daily_equity SET trade_count = trade_count + 1 WHERE account_id = ? AND day = '2024-04-01'").run(a);
    expect(planner(null)).not.toBe(first);
    expect(planner(null)).toEqual(planDayRanges(null, { parts: 3, minTradesPerPart: 1 }));
    rebuildDailyEquity(fx.sqlite);
    expect(planDayRanges(a, { parts: 4, minTradesPerPart: 1 }).at(0)?.from).toEqual({ accountId: a, day: null });

    // Stored counts that say nothing about the trades (what validation exists to catch).
    fx.sqlite.prepare("UPDATE daily_equity SET trade_count = 1000 WHERE day = '2024-04-01'").run();
    fx.sqlite.prepare("DELETE FROM daily_equity WHERE day = '2024-04-05'").run();
    for (const parts of [2, 3, 4]) {
      const plan = planDayRanges(null, { parts, minTradesPerPart: 1 });
      expect(sorted(plan.flatMap((r) => readDayTotals(fx.sqlite, r)))).toEqual(groupBy());
    }
  });

  it('reads every range from one snapshot: a write that lands mid-validation is wholly in or out', async () => {
    // Hold the write lock, as a long import would; the validation has to wait for it.
    const writer = fx.sqlite;
    writer.exec('BEGIN IMMEDIATE');
    const es = fx.instrument('YM');
    const id = fx.trade({ accountId: b, instrumentId: es, openedAt: '2024-04-09T01:00:00Z', closedAt: '2024-04-09T01:00:00Z', grossPnlCents: 9_900, feesCents: 0 });
    expect(id).toBeGreaterThan(0);
    refreshAccountEquityForDays(writer, b, ['2024-04-09']);
    let settled = false;
    const pending = validator.compare(null).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(settled).toBe(false);
    writer.exec('COMMIT');
    const result = await pending;
    expect(result).toMatchObject({ daysChecked: 7, mismatches: [] });
    expect(result.timings.threads).toBe(3);
  });

  it('persists a failed validation as an error run, and refuses work once closed', async () => {
    fx.sqlite.exec('DROP INDEX trades_equity_cover_idx');
    await expect(validate()).rejects.toThrow(/trades_equity_cover_idx/);
    expect(listRuns(fx.sqlite, 1)[0]).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(/trades_equity_cover_idx/) });
    // No thread is left holding the write lock or a snapshot: the journal takes writes at once.
    fx.sqlite.pragma('busy_timeout = 0');
    expect(fx.sqlite.prepare("UPDATE accounts SET name = 'A2' WHERE id = ?").run(a).changes).toBe(1);
    fx.sqlite.exec('CREATE INDEX trades_equity_cover_idx ON trades (account_id, close_day, net_pnl_cents, fees_cents) WHERE status = \'closed\'');
    expect(await validate()).toMatchObject({ status: 'ok', daysChecked: 6 });

    await validator.close();
    await expect(validator.compare(null)).rejects.toThrow('closing');
  });
});

describe('refreshAccountEquityForDays (trade writes)', () => {
  it('keeps daily_equity exact through random inserts, edits, re-dated closes and deletes', async () => {
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
            // The close moves with its day (05:00Z is that day in New York and in Tokyo): validation recomputes the day from it.
            fx.sqlite
              .prepare('UPDATE trades SET gross_pnl_cents = ?, fees_cents = 0, net_pnl_cents = ?, close_day = ?, closed_at = ? WHERE id = ?')
              .run(net, net, day, Date.parse(`${day}T05:00:00Z`), id);
            refreshAccountEquityForDays(fx.sqlite, accountOf, [before, day]);
          } else {
            fx.sqlite.prepare('DELETE FROM trades WHERE id = ?').run(id);
            ids.splice(ids.indexOf(id), 1);
            refreshAccountEquityForDays(fx.sqlite, accountOf, [before]);
          }
        }
      })();
      if (step % 10 === 9) expect(await validate(), `after step ${step}`).toMatchObject({ status: 'ok', discrepancyCount: 0 });
    }
    expect(await validate()).toMatchObject({ status: 'ok', discrepancyCount: 0 });
  });

  it('rolls back with the trade write when the transaction fails', () => {
    const before = fx.sqlite.prepare('SELECT * FROM daily_equity ORDER BY account_id, day').all();
    expect(() =>
      fx.sqlite.transaction(() => {
        fx.sqlite.prepare("UPDATE trades SET gross_pnl_cents = fees_cents + 1, net_pnl_cents = 1, close_day = '2024-04-01' WHERE account_id = ?").run(a);
        refreshAccountEquityForDays(fx.sqlite, a, ['2024-04-01']);
        throw new Error('import failed half way');
      })(),
    ).toThrow('import failed half way');
    expect(fx.sqlite.prepare('SELECT * FROM daily_equity ORDER BY account_id, day').all()).toEqual(before);
  });
});
