import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/client';
import type { TradeFilter, TradePage, TradeRow, TradeSort, TradeSortKey } from '../../../../shared/domain/trade';
import type { AssetClass, Direction, TradeStatus } from '../../../../shared/domain/enums';
import { tradeFilterSql } from './trade-filter-sql';

const SORT_SQL: Record<TradeSortKey, string> = {
  // Open trades have no close time; they sort by their open time among the rest.
  closedAt: 'COALESCE(t.closed_at, t.opened_at)',
  openedAt: 't.opened_at',
  netPnl: 't.net_pnl_cents',
  symbol: 'i.symbol',
  qty: 't.qty',
  id: 't.id',
};

interface RawTradeRow {
  id: number;
  accountId: number;
  accountName: string;
  instrumentId: number;
  symbol: string;
  assetClass: AssetClass;
  direction: Direction;
  status: TradeStatus;
  openedAt: number;
  closedAt: number | null;
  closeDay: string | null;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  grossPnlCents: number;
  feesCents: number;
  netPnlCents: number;
  rMultiple: number | null;
  notes: string;
  tagList: string | null;
}

export const TRADE_ROW_SELECT = `
  t.id AS id, t.account_id AS accountId, a.name AS accountName, t.instrument_id AS instrumentId,
  i.symbol AS symbol, i.asset_class AS assetClass, t.direction AS direction, t.status AS status,
  t.opened_at AS openedAt, t.closed_at AS closedAt, t.close_day AS closeDay, t.qty AS qty,
  t.entry_price AS entryPrice, t.exit_price AS exitPrice, t.gross_pnl_cents AS grossPnlCents,
  t.fees_cents AS feesCents, t.net_pnl_cents AS netPnlCents, t.r_multiple AS rMultiple, t.notes AS notes,
  (SELECT group_concat(g.name, char(31)) FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.trade_id = t.id) AS tagList`;

export function toTradeRow({ tagList, ...rest }: RawTradeRow): TradeRow {
  return { ...rest, tags: tagList ? tagList.split('\u001f') : [] };
}

export interface TradesQuery {
  list(filter: TradeFilter, sort: TradeSort, offset: number, limit: number): TradePage;
}

/** Server-side pages of trades: the page is joined and sorted in SQLite, never in JS. */
export function createTradesQuery(sqlite: Sqlite): TradesQuery {
  const cache = new Map<string, Statement<unknown[]>>();
  const prepared = (text: string) => {
    let statement = cache.get(text);
    if (!statement) {
      statement = sqlite.prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };

  return {
    list(filter, sort, offset, limit) {
      const { where, params } = tradeFilterSql(filter);
      const order = `${SORT_SQL[sort.key]} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, t.id ${sort.dir === 'asc' ? 'ASC' : 'DESC'}`;
      // Only the symbol sort needs the instruments join before LIMIT; the page's
      // display joins run on the 100 rows that survive it.
      const pageSql = `
        SELECT ${TRADE_ROW_SELECT}
        FROM (SELECT t.* FROM trades t ${sort.key === 'symbol' ? 'JOIN instruments i ON i.id = t.instrument_id' : ''}
              WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?) t
        JOIN accounts a ON a.id = t.account_id
        JOIN instruments i ON i.id = t.instrument_id
        ORDER BY ${order}`;
      const rows = (prepared(pageSql).all(...params, limit, offset) as RawTradeRow[]).map(toTradeRow);
      const total = (prepared(`SELECT COUNT(*) AS n FROM trades t WHERE ${where}`).get(...params) as { n: number }).n;
      return { rows, total, offset, limit };
    },
  };
}
