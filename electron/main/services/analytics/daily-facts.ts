import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import { closedTradesSql, TRADE_FACTS_SQL, type TradeFacts } from './closed-trades-sql';

export interface DayFacts extends TradeFacts {
  day: string;
}

/**
 * One pass over the filtered closed trades, grouped by trading day. Every summary figure
 * except streaks is derived from these rows, so a million trades cost one aggregate scan.
 */
export function dailyFacts(sqlite: Sqlite, filter: TradeFilter): DayFacts[] {
  const { where, params } = closedTradesSql(filter);
  return sqlite
    .prepare(`SELECT t.close_day AS day, ${TRADE_FACTS_SQL} FROM trades t WHERE ${where} GROUP BY t.close_day ORDER BY t.close_day`)
    .all(...params) as DayFacts[];
}
