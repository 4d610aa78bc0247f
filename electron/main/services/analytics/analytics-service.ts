import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import type {
  AnalyticsSummary,
  BreakdownDimension,
  BreakdownRow,
  EquityCurve,
  PnlCalendar,
} from '../../../../shared/domain/analytics';
import { computeSummary } from './summary';
import { computeBreakdown } from './breakdown';
import { dayFactsSource, scanFactsSource, type FactsSource } from './facts-source';
import { dayStartEquity } from './day-start-equity';
import { buildEquityCurve } from './equity-curve';
import { scopeAccountIds } from './closed-trades-sql';
import { maxDay, minDay, periodContaining } from './period';

export interface AnalyticsService {
  summary(filter: TradeFilter): AnalyticsSummary;
  breakdown(filter: TradeFilter, dimension: BreakdownDimension): BreakdownRow[];
  /** One point per trading day in the filter; see the definitions in shared/domain/analytics.ts. */
  equityCurve(filter: TradeFilter): EquityCurve;
  /** Daily P&L over the filter, narrowed to one month ('YYYY-MM') when given. */
  calendar(filter: TradeFilter, month?: string): PnlCalendar;
}

/** The filter narrowed to a month; null when the two do not overlap. */
export function withinMonth(filter: TradeFilter, month: string): TradeFilter | null {
  const { start: first, end: last } = periodContaining('month', `${month}-01`);
  const dateFrom = filter.dateFrom ? maxDay(filter.dateFrom, first) : first;
  const dateTo = filter.dateTo ? minDay(filter.dateTo, last) : last;
  return dateFrom <= dateTo ? { ...filter, dateFrom, dateTo } : null;
}

export function calendarOf(source: FactsSource, filter: TradeFilter): PnlCalendar {
  const days = source.dailyFacts(filter).map((d) => ({ day: d.day, netPnlCents: d.net, tradeCount: d.trades, winCount: d.wins }));
  return {
    days,
    netPnlCents: days.reduce((s, d) => s + d.netPnlCents, 0),
    tradingDays: days.length,
    winningDays: days.filter((d) => d.netPnlCents > 0).length,
    losingDays: days.filter((d) => d.netPnlCents < 0).length,
  };
}

export function equityCurveOf(sqlite: Sqlite, source: FactsSource, filter: TradeFilter): EquityCurve {
  const days = source.dailyFacts(filter);
  const startOfDay = dayStartEquity(sqlite, scopeAccountIds(sqlite, filter));
  const start = startOfDay(days[0]?.day ?? filter.dateFrom ?? '9999-12-31');
  return buildEquityCurve(start, days.map((d) => ({ day: d.day, net: d.net, trades: d.trades })));
}

export interface AnalyticsServiceOptions {
  /**
   * 'day-facts' (the default) merges the analytics day facts, falling back to the scan for
   * the filters they cannot answer; 'scan' always passes over the trades (the reference
   * the property tests and bench:analytics compare with).
   */
  source?: 'day-facts' | 'scan';
}

export function createAnalyticsService(sqlite: Sqlite, options: AnalyticsServiceOptions = {}): AnalyticsService {
  const source = options.source === 'scan' ? scanFactsSource(sqlite) : dayFactsSource(sqlite);
  return {
    summary: (filter) => computeSummary(sqlite, source, filter),
    breakdown: (filter, dimension) => computeBreakdown(source, filter, dimension),
    equityCurve: (filter) => equityCurveOf(sqlite, source, filter),
    calendar(filter, month) {
      if (month === undefined) return calendarOf(source, filter);
      const narrowed = withinMonth(filter, month);
      return narrowed ? calendarOf(source, narrowed) : { days: [], netPnlCents: 0, tradingDays: 0, winningDays: 0, losingDays: 0 };
    },
  };
}
