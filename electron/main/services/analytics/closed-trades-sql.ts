import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import { tradeFilterSql, type SqlFragment } from '../journal/trade-filter-sql';

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
  SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS holdLossSum`;

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
}

export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
