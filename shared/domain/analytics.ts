import { z } from 'zod';
import { TradeFilterSchema } from './trade';

/**
 * Metric definitions (every figure counts CLOSED trades only; open trades never count):
 * - A trade's P&L is its net P&L (gross - fees). Win: net > 0; loss: net < 0; breakeven: net = 0.
 * - winRate = wins / closed trades (breakevens count in the denominator).
 * - grossProfit = sum of winning trades' net; grossLoss = sum of losing trades' net (<= 0).
 * - avgWin / avgLoss = grossProfit / wins, grossLoss / losses; expectancy = net P&L / trades.
 * - profitFactor = grossProfit / |grossLoss|; null without a losing trade.
 * - Hold time = closedAt - openedAt; averaged over winners and over losers apart.
 * - Days are trading days (a trade's close day in its account's time zone); only days with at
 *   least one counted trade enter the daily statistics. Daily variance is the SAMPLE variance
 *   (n - 1) of daily net P&L; null with fewer than two days.
 * - Daily return r_d = daily net P&L / equity at the start of day d, where that equity is the
 *   sum over the accounts in scope (the filter's accounts, else all) of starting balance plus
 *   every closed trade of the account before d (from daily_equity, whatever the other filters).
 *   sharpe = mean(r) / sampleStd(r) x sqrt(252) with a zero risk-free rate; null with fewer than
 *   two days, zero deviation, or a day starting at zero or negative equity.
 * - Equity curve: starts at the accounts' equity at the start of the first day in range (as
 *   above) and adds the filtered trades' daily net P&L; peak starts at that base; drawdown =
 *   peak - equity. maxDrawdownPct = the largest drawdown / peak over the days.
 * - Streaks follow close time order; a breakeven trade ends both a win and a loss streak.
 * - R figures count only closed trades that have an R (a stop or a planned risk; see R_DEFINITION
 *   in trade-input-pnl.ts): avgR = mean R; avgWinR / avgLossR = mean R of winners / losers;
 *   expectancyR = win rate x avgWinR + loss rate x avgLossR over those trades (the rates over
 *   the trades with an R; it equals avgR, written the way traders state it). Null without such a trade.
 * - Weekday = the weekday of the trade's close day; hour = the hour the trade was OPENED, in
 *   its account's time zone (DST-exact).
 */
export const AnalyticsFilterSchema = TradeFilterSchema;
export type AnalyticsFilter = z.infer<typeof AnalyticsFilterSchema>;

export interface DayPnl {
  day: string;
  netPnlCents: number;
}

/** R figures over the trades that have an R; see the definitions above. */
export interface RFigures {
  rTradeCount: number;
  avgR: number | null;
  avgWinR: number | null;
  avgLossR: number | null;
  expectancyR: number | null;
}

export interface AnalyticsSummary extends RFigures {
  tradeCount: number;
  winCount: number;
  lossCount: number;
  breakevenCount: number;
  netPnlCents: number;
  /** Before fees. */
  grossPnlCents: number;
  feesCents: number;
  grossProfitCents: number;
  grossLossCents: number;
  winRate: number | null;
  /** Averages may carry fractional cents. */
  avgWinCents: number | null;
  avgLossCents: number | null;
  expectancyCents: number | null;
  profitFactor: number | null;
  largestWinCents: number | null;
  largestLossCents: number | null;
  avgHoldMs: number | null;
  avgHoldWinMs: number | null;
  avgHoldLossMs: number | null;
  tradingDays: number;
  firstDay: string | null;
  lastDay: string | null;
  dailyMeanCents: number | null;
  dailyVarianceCents2: number | null;
  dailyStdDevCents: number | null;
  sharpe: number | null;
  startEquityCents: number;
  endEquityCents: number;
  maxDrawdownCents: number;
  maxDrawdownPct: number | null;
  bestDay: DayPnl | null;
  worstDay: DayPnl | null;
  longestWinStreak: number;
  longestLossStreak: number;
}

export const BREAKDOWN_DIMENSIONS = ['tag', 'instrument', 'weekday', 'hour', 'account', 'direction', 'setup'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface BreakdownRow extends RFigures {
  /** Tag/instrument/account id, ISO weekday 1-7 (Monday = 1), hour 0-23, or the direction; null = trades without a tag. */
  key: string | null;
  label: string;
  tradeCount: number;
  winCount: number;
  lossCount: number;
  winRate: number | null;
  netPnlCents: number;
  grossProfitCents: number;
  grossLossCents: number;
  feesCents: number;
  expectancyCents: number | null;
  profitFactor: number | null;
  avgHoldMs: number | null;
}

export interface EquityCurvePoint {
  day: string;
  netPnlCents: number;
  tradeCount: number;
  equityCents: number;
  peakCents: number;
  drawdownCents: number;
  /** drawdown / peak; null when the peak is not positive. */
  drawdownPct: number | null;
}

export interface EquityCurve {
  startEquityCents: number;
  points: EquityCurvePoint[];
}

export interface CalendarDay {
  day: string;
  netPnlCents: number;
  tradeCount: number;
  winCount: number;
}

export interface PnlCalendar {
  days: CalendarDay[];
  netPnlCents: number;
  tradingDays: number;
  winningDays: number;
  losingDays: number;
}

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');
