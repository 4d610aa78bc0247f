import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import type { AnalyticsSummary, DayPnl } from '../../../../shared/domain/analytics';
import { ratio, rFigures, scopeAccountIds } from './closed-trades-sql';
import type { DayFacts } from './daily-facts';
import { dayStartEquity } from './day-start-equity';
import { buildEquityCurve } from './equity-curve';
import type { FactsSource } from './facts-types';

const TRADING_DAYS_PER_YEAR = 252;

/** Mean and sample variance (n - 1); variance is null below two values. */
export function meanAndVariance(values: number[]): { mean: number | null; variance: number | null } {
  if (values.length === 0) return { mean: null, variance: null };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.length < 2) return { mean, variance: null };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

/** Annualised Sharpe of daily returns (zero risk-free rate); see shared/domain/analytics.ts. */
export function sharpeOf(dailyReturns: number[]): number | null {
  const { mean, variance } = meanAndVariance(dailyReturns);
  if (mean === null || variance === null || variance === 0) return null;
  return (mean / Math.sqrt(variance)) * Math.sqrt(TRADING_DAYS_PER_YEAR);
}

/** Every summary metric over the filter; definitions in shared/domain/analytics.ts. */
export function computeSummary(sqlite: Sqlite, source: FactsSource, filter: TradeFilter): AnalyticsSummary {
  const days = source.dailyFacts(filter);
  const sum = (pick: (d: DayFacts) => number) => days.reduce((s, d) => s + pick(d), 0);
  const trades = sum((d) => d.trades);
  const wins = sum((d) => d.wins);
  const losses = sum((d) => d.losses);
  const net = sum((d) => d.net);
  const grossProfit = sum((d) => d.grossProfit);
  const grossLoss = sum((d) => d.grossLoss);

  const startOfDay = dayStartEquity(sqlite, scopeAccountIds(sqlite, filter));
  const firstDay = days[0]?.day ?? null;
  const startEquity = startOfDay(firstDay ?? filter.dateFrom ?? '9999-12-31');
  const curve = buildEquityCurve(
    startEquity,
    days.map((d) => ({ day: d.day, net: d.net, trades: d.trades })),
  );

  const dailyNet = days.map((d) => d.net);
  const { mean, variance } = meanAndVariance(dailyNet);
  const starts = days.map((d) => startOfDay(d.day));
  const sharpe = starts.every((s) => s > 0) ? sharpeOf(days.map((d, i) => d.net / starts[i]!)) : null;

  let best: DayPnl | null = null;
  let worst: DayPnl | null = null;
  for (const d of days) {
    if (!best || d.net > best.netPnlCents) best = { day: d.day, netPnlCents: d.net };
    if (!worst || d.net < worst.netPnlCents) worst = { day: d.day, netPnlCents: d.net };
  }
  const maxOf = (values: (number | null)[]) => values.reduce<number | null>((m, v) => (v === null ? m : m === null ? v : Math.max(m, v)), null);
  const minOf = (values: (number | null)[]) => values.reduce<number | null>((m, v) => (v === null ? m : m === null ? v : Math.min(m, v)), null);
  const largestWin = maxOf(days.map((d) => d.maxNet));
  const largestLoss = minOf(days.map((d) => d.minNet));
  const streaks = trades > 0 ? source.streaks(filter) : { win: 0, loss: 0 };

  return {
    ...rFigures({
      rTrades: sum((d) => d.rTrades),
      rSum: sum((d) => d.rSum),
      rWins: sum((d) => d.rWins),
      rLosses: sum((d) => d.rLosses),
      rWinSum: sum((d) => d.rWinSum),
      rLossSum: sum((d) => d.rLossSum),
    }),
    tradeCount: trades,
    winCount: wins,
    lossCount: losses,
    breakevenCount: trades - wins - losses,
    netPnlCents: net,
    grossPnlCents: sum((d) => d.gross),
    feesCents: sum((d) => d.fees),
    grossProfitCents: grossProfit,
    grossLossCents: grossLoss,
    winRate: ratio(wins, trades),
    avgWinCents: ratio(grossProfit, wins),
    avgLossCents: ratio(grossLoss, losses),
    expectancyCents: ratio(net, trades),
    profitFactor: losses === 0 ? null : ratio(grossProfit, -grossLoss),
    largestWinCents: largestWin !== null && largestWin > 0 ? largestWin : null,
    largestLossCents: largestLoss !== null && largestLoss < 0 ? largestLoss : null,
    avgHoldMs: ratio(sum((d) => d.holdSum), trades),
    avgHoldWinMs: ratio(sum((d) => d.holdWinSum), wins),
    avgHoldLossMs: ratio(sum((d) => d.holdLossSum), losses),
    tradingDays: days.length,
    firstDay,
    lastDay: days.at(-1)?.day ?? null,
    dailyMeanCents: mean,
    dailyVarianceCents2: variance,
    dailyStdDevCents: variance === null ? null : Math.sqrt(variance),
    sharpe,
    startEquityCents: startEquity,
    endEquityCents: curve.points.at(-1)?.equityCents ?? startEquity,
    maxDrawdownCents: curve.points.reduce((m, p) => Math.max(m, p.drawdownCents), 0),
    maxDrawdownPct: curve.points.reduce<number | null>((m, p) => (p.drawdownPct === null ? m : Math.max(m ?? 0, p.drawdownPct)), null),
    bestDay: best,
    worstDay: worst,
    longestWinStreak: streaks.win,
    longestLossStreak: streaks.loss,
  };
}
