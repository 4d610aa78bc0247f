import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournalFixture, type JournalFixture } from './journal-fixture';
import { rebuildDailyEquity } from '../../../../electron/main/services/equity/rebuild';
import { createAnalyticsService, type AnalyticsService } from '../../../../electron/main/services/analytics/analytics-service';

/*
 * Hand-computed fixture. NY = America/New_York (EST -5 in January, EDT -4 from March 10),
 * TK = Asia/Tokyo (+9). net = gross - fees.
 *
 *  trade acct dir   opened (UTC)        closed (UTC)        gross    fees   net      close day   hold  open hour
 *  T1    NY   long  01-08 14:30         01-08 15:30         20000    400    19600    Mon 01-08   1h    09
 *  T2    NY   short 01-08 16:00         01-08 18:00         -8000    400    -8400    Mon 01-08   2h    11
 *  T3    NY   long  01-10 04:00         01-10 04:30          5000    200     4800    Tue 01-09   30m   23   (UTC Wednesday, NY Tuesday night)
 *  T4    NY   short 01-10 15:00         01-10 20:00        -30000    400   -30400    Wed 01-10   5h    10
 *  K1    TK   long  01-09 14:00         01-09 15:30         12000      0    12000    Wed 01-10   1.5h  23   (UTC Tuesday, Tokyo Wednesday 00:30)
 *  K2    TK   long  01-10 00:00         01-10 01:00          3000    100     2900    Wed 01-10   1h    09
 *  T6    NY   short 01-11 15:00         01-11 16:00         -1000      0    -1000    Thu 01-11   1h    10
 *  T5    NY   long  03-11 13:30         03-11 14:00           300    300        0    Mon 03-11   30m   09   (EDT: a fixed -5 would say 08)
 *  T7    NY   long  03-12 14:00         03-12 15:00          -500      0     -500    Tue 03-12   1h    10
 *  open  NY   long  01-10 15:00         -                   99999      0    99999    -  (must count nowhere)
 *  tags: T1 breakout; T2 reversal; T3 breakout+reversal; K1 breakout; K2 reversal; open trade breakout.
 *  instruments: ES = T1 T3 T4 T6 K1; NQ = T2 T5 T7 K2.
 */
let fx: JournalFixture;
let analytics: AnalyticsService;
let ny: number;
let tk: number;
let es: number;
let nq: number;
let breakout: number;
let reversal: number;

beforeAll(() => {
  fx = createJournalFixture();
  ny = fx.account({ name: 'NY', timezone: 'America/New_York', startingBalanceCents: 1_000_000 });
  tk = fx.account({ name: 'TK', timezone: 'Asia/Tokyo', startingBalanceCents: 500_000 });
  es = fx.instrument('ES');
  nq = fx.instrument('NQ');
  breakout = fx.tag('breakout');
  reversal = fx.tag('reversal');
  const t = (accountId: number, instrumentId: number, direction: 'long' | 'short', openedAt: string, closedAt: string | undefined, grossPnlCents: number, feesCents: number, tagIds: number[] = []) =>
    fx.trade({ accountId, instrumentId, direction, openedAt: `2024-${openedAt}:00Z`, ...(closedAt ? { closedAt: `2024-${closedAt}:00Z` } : {}), grossPnlCents, feesCents, tagIds });
  t(ny, es, 'long', '01-08T14:30', '01-08T15:30', 20_000, 400, [breakout]);
  t(ny, nq, 'short', '01-08T16:00', '01-08T18:00', -8_000, 400, [reversal]);
  t(ny, es, 'long', '01-10T04:00', '01-10T04:30', 5_000, 200, [breakout, reversal]);
  t(ny, es, 'short', '01-10T15:00', '01-10T20:00', -30_000, 400);
  t(tk, es, 'long', '01-09T14:00', '01-09T15:30', 12_000, 0, [breakout]);
  t(tk, nq, 'long', '01-10T00:00', '01-10T01:00', 3_000, 100, [reversal]);
  t(ny, es, 'short', '01-11T15:00', '01-11T16:00', -1_000, 0);
  t(ny, nq, 'long', '03-11T13:30', '03-11T14:00', 300, 300);
  t(ny, nq, 'long', '03-12T14:00', '03-12T15:00', -500, 0);
  t(ny, es, 'long', '01-10T15:00', undefined, 99_999, 0, [breakout]);
  rebuildDailyEquity(fx.sqlite);
  analytics = createAnalyticsService(fx.sqlite);
});

afterAll(() => fx.close());

const HOUR = 3_600_000;
const sampleStats = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

describe('analytics summary (all trades)', () => {
  it('computes every metric from the definitions', () => {
    const s = analytics.summary({});
    expect(s).toMatchObject({
      tradeCount: 9,
      winCount: 4, // T1 T3 K1 K2
      lossCount: 4, // T2 T4 T6 T7
      breakevenCount: 1, // T5
      netPnlCents: -1_000,
      grossPnlCents: 800,
      feesCents: 1_800,
      grossProfitCents: 39_300, // 19600 + 4800 + 12000 + 2900
      grossLossCents: -40_300, // -8400 - 30400 - 1000 - 500
      avgWinCents: 39_300 / 4,
      avgLossCents: -40_300 / 4,
      largestWinCents: 19_600,
      largestLossCents: -30_400,
      avgHoldMs: (13.5 * HOUR) / 9, // (1 + 2 + 0.5 + 5 + 1.5 + 1 + 1 + 0.5 + 1) h / 9
      avgHoldWinMs: (1 + 0.5 + 1.5 + 1) * HOUR / 4,
      avgHoldLossMs: (2 + 5 + 1 + 1) * HOUR / 4,
      tradingDays: 6,
      firstDay: '2024-01-08',
      lastDay: '2024-03-12',
      bestDay: { day: '2024-01-08', netPnlCents: 11_200 },
      worstDay: { day: '2024-01-10', netPnlCents: -15_500 }, // -30400 + 12000 + 2900: NY and Tokyo trades on the same trading day
      startEquityCents: 1_500_000,
      endEquityCents: 1_499_000,
      // Equity after each day: 1,511,200 1,516,000 1,500,500 1,499,500 1,499,500 1,499,000; peak 1,516,000.
      maxDrawdownCents: 17_000,
      // Close order: T1+ T2- K1+ K2+ T3+ T4- T6- T5(0) T7-: wins 3 in a row; the breakeven splits the losses.
      longestWinStreak: 3,
      longestLossStreak: 2,
    });
    expect(s.winRate).toBeCloseTo(4 / 9, 12);
    expect(s.expectancyCents).toBeCloseTo(-1_000 / 9, 9);
    expect(s.profitFactor).toBeCloseTo(39_300 / 40_300, 12);
    expect(s.maxDrawdownPct).toBeCloseTo(17_000 / 1_516_000, 12);

    // Daily net P&L: 01-08 11200, 01-09 4800, 01-10 -15500, 01-11 -1000, 03-11 0, 03-12 -500.
    // Sum of squares 389,980,000; n = 6; mean = -1000/6; sample variance = (389,980,000 - 6 x mean^2) / 5.
    expect(s.dailyMeanCents).toBeCloseTo(-1_000 / 6, 9);
    expect(s.dailyVarianceCents2).toBeCloseTo((389_980_000 - 1_000_000 / 6) / 5, 4);
    expect(s.dailyStdDevCents).toBeCloseTo(Math.sqrt((389_980_000 - 1_000_000 / 6) / 5), 6);
    // Day-start equity of both accounts: 1,500,000 1,511,200 1,516,000 1,500,500 1,499,500 1,499,500.
    const returns = [11_200 / 1_500_000, 4_800 / 1_511_200, -15_500 / 1_516_000, -1_000 / 1_500_500, 0 / 1_499_500, -500 / 1_499_500];
    const r = sampleStats(returns);
    expect(s.sharpe).toBeCloseTo((r.mean / Math.sqrt(r.variance)) * Math.sqrt(252), 12);
  });

  it('measures one account against its own equity, days in its own zone', () => {
    const s = analytics.summary({ accountIds: [tk] });
    expect(s).toMatchObject({
      tradeCount: 2, netPnlCents: 14_900, tradingDays: 1, firstDay: '2024-01-10', startEquityCents: 500_000,
      endEquityCents: 514_900, maxDrawdownCents: 0, dailyVarianceCents2: null, sharpe: null, profitFactor: null,
      avgLossCents: null, largestLossCents: null, longestWinStreak: 2, longestLossStreak: 0,
    });
  });

  it('starts a date range at the equity the accounts had on its first day', () => {
    const s = analytics.summary({ dateFrom: '2024-01-10', dateTo: '2024-01-11' });
    // Start of 01-10: 1,516,000; then -15,500 and -1,000.
    expect(s).toMatchObject({ tradeCount: 4, netPnlCents: -16_500, startEquityCents: 1_516_000, endEquityCents: 1_499_500, maxDrawdownCents: 16_500 });
  });

  it('filters by tag and ignores the open trade carrying the same tag', () => {
    const s = analytics.summary({ tagIds: [breakout] });
    expect(s).toMatchObject({ tradeCount: 3, winCount: 3, netPnlCents: 36_400, winRate: 1, profitFactor: null, largestWinCents: 19_600 });
  });

  it('counts nothing for an explicit open-trades filter', () => {
    const s = analytics.summary({ status: 'open' });
    expect(s).toMatchObject({ tradeCount: 0, netPnlCents: 0, winRate: null, expectancyCents: null, bestDay: null, maxDrawdownCents: 0, maxDrawdownPct: null, longestWinStreak: 0 });
  });
});

describe('analytics breakdowns', () => {
  const pick = (rows: { key: string | null; label: string; tradeCount: number; netPnlCents: number }[]) =>
    rows.map(({ key, label, tradeCount, netPnlCents }) => ({ key, label, tradeCount, netPnlCents }));

  it('by tag counts a trade under each of its tags and keeps untagged trades apart', () => {
    const rows = analytics.breakdown({}, 'tag');
    expect(pick(rows)).toEqual([
      { key: String(breakout), label: 'breakout', tradeCount: 3, netPnlCents: 36_400 }, // T1 T3 K1
      { key: String(reversal), label: 'reversal', tradeCount: 3, netPnlCents: -700 }, // T2 T3 K2
      { key: null, label: '(no tag)', tradeCount: 4, netPnlCents: -31_900 }, // T4 T6 T5 T7
    ]);
    expect(rows[1]).toMatchObject({ winCount: 2, lossCount: 1, grossProfitCents: 7_700, grossLossCents: -8_400, feesCents: 700 });
    expect(rows[1]!.profitFactor).toBeCloseTo(7_700 / 8_400, 12);
  });

  it('by instrument, account and direction', () => {
    expect(pick(analytics.breakdown({}, 'instrument'))).toEqual([
      { key: String(es), label: 'ES', tradeCount: 5, netPnlCents: 5_000 },
      { key: String(nq), label: 'NQ', tradeCount: 4, netPnlCents: -6_000 },
    ]);
    expect(pick(analytics.breakdown({}, 'account'))).toEqual([
      { key: String(ny), label: 'NY', tradeCount: 7, netPnlCents: -15_900 },
      { key: String(tk), label: 'TK', tradeCount: 2, netPnlCents: 14_900 },
    ]);
    expect(pick(analytics.breakdown({}, 'direction'))).toEqual([
      { key: 'long', label: 'long', tradeCount: 6, netPnlCents: 38_800 },
      { key: 'short', label: 'short', tradeCount: 3, netPnlCents: -39_800 },
    ]);
  });

  it('by weekday of the trading day in each account zone', () => {
    expect(pick(analytics.breakdown({}, 'weekday'))).toEqual([
      { key: '1', label: 'Monday', tradeCount: 3, netPnlCents: 11_200 }, // T1 T2 T5
      { key: '2', label: 'Tuesday', tradeCount: 2, netPnlCents: 4_300 }, // T3 (UTC Wednesday) T7
      { key: '3', label: 'Wednesday', tradeCount: 3, netPnlCents: -15_500 }, // T4 K1 (UTC Tuesday) K2
      { key: '4', label: 'Thursday', tradeCount: 1, netPnlCents: -1_000 },
    ]);
  });

  it('by local opening hour, exact across daylight saving time', () => {
    const rows = analytics.breakdown({}, 'hour');
    expect(pick(rows)).toEqual([
      { key: '9', label: '09:00', tradeCount: 3, netPnlCents: 22_500 }, // T1, T5 (EDT), K2
      { key: '10', label: '10:00', tradeCount: 3, netPnlCents: -31_900 }, // T4, T6, T7 (EDT)
      { key: '11', label: '11:00', tradeCount: 1, netPnlCents: -8_400 },
      { key: '23', label: '23:00', tradeCount: 2, netPnlCents: 16_800 }, // T3, K1
    ]);
    expect(rows[1]!.avgHoldMs).toBe(((5 + 1 + 1) * HOUR) / 3);
  });
});

describe('equity curve and calendar', () => {
  it('gives equity, peak and drawdown per trading day', () => {
    const curve = analytics.equityCurve({});
    expect(curve.startEquityCents).toBe(1_500_000);
    expect(curve.points.map((p) => [p.day, p.netPnlCents, p.equityCents, p.peakCents, p.drawdownCents])).toEqual([
      ['2024-01-08', 11_200, 1_511_200, 1_511_200, 0],
      ['2024-01-09', 4_800, 1_516_000, 1_516_000, 0],
      ['2024-01-10', -15_500, 1_500_500, 1_516_000, 15_500],
      ['2024-01-11', -1_000, 1_499_500, 1_516_000, 16_500],
      ['2024-03-11', 0, 1_499_500, 1_516_000, 16_500],
      ['2024-03-12', -500, 1_499_000, 1_516_000, 17_000],
    ]);
  });

  it('matches the daily_equity ledger for a single unfiltered account', () => {
    const ledger = fx.sqlite
      .prepare('SELECT day, ending_equity_cents AS e, peak_equity_cents AS p, drawdown_cents AS d FROM daily_equity WHERE account_id = ? ORDER BY day')
      .all(ny);
    const curve = analytics.equityCurve({ accountIds: [ny] });
    expect(curve.points.map((p) => ({ day: p.day, e: p.equityCents, p: p.peakCents, d: p.drawdownCents }))).toEqual(ledger);
  });

  it('lists daily P&L for a month', () => {
    expect(analytics.calendar({}, '2024-03')).toEqual({
      days: [
        { day: '2024-03-11', netPnlCents: 0, tradeCount: 1, winCount: 0 },
        { day: '2024-03-12', netPnlCents: -500, tradeCount: 1, winCount: 0 },
      ],
      netPnlCents: -500,
      tradingDays: 2,
      winningDays: 0,
      losingDays: 1,
    });
    expect(analytics.calendar({ dateFrom: '2024-04-01' }, '2024-03').days).toEqual([]);
    expect(analytics.calendar({}, '2024-01')).toMatchObject({ netPnlCents: -500, tradingDays: 4, winningDays: 2, losingDays: 2 });
  });
});
