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
import { dailyFacts } from './daily-facts';
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

export function calendarOf(sqlite: Sqlite, filter: TradeFilter): PnlCalendar {
  const days = dailyFacts(sqlite, filter).map((d) => ({ day: d.day, netPnlCents: d.net, tradeCount: d.trades, winCount: d.wins }));
  return {
    days,
    netPnlCents: days.reduce((s, d) => s + d.netPnlCents, 0),
    tradingDays: days.length,
    winningDays: days.filter((d) => d.netPnlCents > 0).length,
    losingDays: days.filter((d) => d.netPnlCents < 0).length,
  };
}

export function equityCurveOf(sqlite: Sqlite, filter: TradeFilter): EquityCurve {
  const days = dailyFacts(sqlite, filter);
  const startOfDay = dayStartEquity(sqlite, scopeAccountIds(sqlite, filter));
  const start = startOfDay(days[0]?.day ?? filter.dateFrom ?? '9999-12-31');
  return buildEquityCurve(start, days.map((d) => ({ day: d.day, net: d.net, trades: d.trades })));
}

export function createAnalyticsService(sqlite: Sqlite): AnalyticsService {
  return {
    summary: (filter) => computeSummary(sqlite, filter),
    breakdown: (filter, dimension) => computeBreakdown(sqlite, filter, dimension),
    equityCurve: (filter) => equityCurveOf(sqlite, filter),
    calendar(filter, month) {
      if (month === undefined) return calendarOf(sqlite, filter);
      const narrowed = withinMonth(filter, month);
      return narrowed ? calendarOf(sqlite, narrowed) : { days: [], netPnlCents: 0, tradingDays: 0, winningDays: 0, losingDays: 0 };
    },
  };
}
