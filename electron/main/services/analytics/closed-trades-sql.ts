import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import { tradeFilterSql, type SqlFragment } from '../journal/trade-filter-sql';
import type { RFigures } from '../../../../shared/domain/analytics';

/**
 * The trades analytics counts: the filter's trades that are closed. An explicit
 * status: 'open' filter therefore selects nothing (open trades never count).
 */
export function closedTradesSql(filter: TradeFilter): SqlFragment {
  const { where, params } = tradeFilterSql(filter);
  const closed = filter.status === 'open' ? '0' : "t.status = 'closed' AND t.close_day IS NOT NULL";
  return { where: `${closed} AND (${where})`, params };
}

/** The accounts whose equity a filter is measured against: its accounts, else every account. */
export function scopeAccountIds(sqlite: Sqlite, filter: TradeFilter): number[] {
  if (filter.accountIds?.length) return [...new Set(filter.accountIds)];
  return sqlite.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
}

/**
 * The sums every aggregate is built from, over trades `t`. Each is additive, so per-day
 * rows add up to totals exactly (integer cents).
 */
export const TRADE_FACTS_SQL = `
  COUNT(*) AS trades,
  SUM(t.net_pnl_cents > 0) AS wins,
  SUM(t.net_pnl_cents < 0) AS losses,
  SUM(t.net_pnl_cents) AS net,
  SUM(t.gross_pnl_cents) AS gross,
  SUM(t.fees_cents) AS fees,
  SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.net_pnl_cents ELSE 0 END) AS grossProfit,
  SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.net_pnl_cents ELSE 0 END) AS grossLoss,
  MAX(t.net_pnl_cents) AS maxNet,
  MIN(t.net_pnl_cents) AS minNet,
  SUM(t.closed_at - t.opened_at) AS holdSum,
  SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS holdWinSum,
  SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS holdLossSum,
  COUNT(t.r_multiple) AS rTrades,
  TOTAL(t.r_multiple) AS rSum,
  SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents > 0) AS rWins,
  SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents < 0) AS rLosses,
  TOTAL(CASE WHEN t.net_pnl_cents > 0 THEN t.r_multiple END) AS rWinSum,
  TOTAL(CASE WHEN t.net_pnl_cents < 0 THEN t.r_multiple END) AS rLossSum`;

export interface TradeFacts {
  trades: number;
  wins: number;
  losses: number;
  net: number;
  gross: number;
  fees: number;
  grossProfit: number;
  grossLoss: number;
  maxNet: number | null;
  minNet: number | null;
  holdSum: number;
  holdWinSum: number;
  holdLossSum: number;
  /** Trades with an R (a risk to measure against), and sums of their R. */
  rTrades: number;
  rSum: number;
  rWins: number;
  rLosses: number;
  rWinSum: number;
  rLossSum: number;
}

/** The R figures of a set of trade facts (definitions in shared/domain/analytics.ts). */
export function rFigures(f: Pick<TradeFacts, 'rTrades' | 'rSum' | 'rWins' | 'rLosses' | 'rWinSum' | 'rLossSum'>): RFigures {
  const winRate = ratio(f.rWins, f.rTrades);
  const lossRate = ratio(f.rLosses, f.rTrades);
  const avgWinR = ratio(f.rWinSum, f.rWins);
  const avgLossR = ratio(f.rLossSum, f.rLosses);
  return {
    rTradeCount: f.rTrades,
    avgR: ratio(f.rSum, f.rTrades),
    avgWinR,
    avgLossR,
    expectancyR: winRate === null || lossRate === null ? null : winRate * (avgWinR ?? 0) + lossRate * (avgLossR ?? 0),
  };
}

export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
