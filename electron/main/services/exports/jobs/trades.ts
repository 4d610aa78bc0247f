import type { TradesExportParams } from '../../../../../shared/domain/export-params';
import type { ExportColumnKey, SelectedColumn } from '../../../../../shared/domain/export-columns';
import { tradeFilterSql } from '../../journal/trade-filter-sql';
import type { ExportJobModule, RowSource } from './types';
import { commonCurrency, countText, describeDayRange, describeIds, moneyByCurrency, moneyText, percentText } from './describe';

type TradeColumnKey = ExportColumnKey<'trades'>;

const wholeAsInteger = (column: string) => `CASE WHEN ${column} = CAST(${column} AS INTEGER) THEN CAST(${column} AS INTEGER) ELSE ${column} END`;

/** SQL per column over `trades t`, `accounts a`, `instruments i`. */
const COLUMN_SQL: Record<TradeColumnKey, string> = {
  id: 't.id',
  account: 'a.name',
  accountId: 't.account_id',
  currency: 'a.currency',
  symbol: 'i.symbol',
  assetClass: 'i.asset_class',
  direction: 't.direction',
  status: 't.status',
  openedAt: 't.opened_at',
  closedAt: 't.closed_at',
  closeDay: 't.close_day',
  qty: 't.qty',
  entryPrice: 't.entry_price',
  exitPrice: 't.exit_price',
  stopPrice: 't.stop_price',
  targetPrice: 't.target_price',
  grossPnl: 't.gross_pnl_cents',
  fees: 't.fees_cents',
  netPnl: 't.net_pnl_cents',
  plannedRisk: 't.planned_risk_cents',
  rMultiple: 't.r_multiple',
  setup: 't.setup',
  // char(31) is LIST_SEPARATOR; names in order, as the Trades page shows them.
  tags: `(SELECT group_concat(g.name, char(31) ORDER BY g.name) FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id
          WHERE tt.trade_id = t.id)`,
  notes: 't.notes',
  externalId: 't.external_id',
  multiplier: 'i.multiplier',
  instrumentCurrency: 'i.currency',
  accountTimezone: 'a.timezone',
  startingBalance: 'a.starting_balance_cents',
  // Whole quantities and prices are written as integers ("2", not SQLite's "2.0"), as JSON.stringify would.
  fills: `(SELECT CASE WHEN COUNT(*) = 0 THEN NULL ELSE json_group_array(json_object('at', e.executed_at, 'side', e.side,
            'qty', ${wholeAsInteger('e.qty')}, 'price', ${wholeAsInteger('e.price')}, 'fees', e.fees_cents,
            'exec', e.broker_exec_id, 'order', e.broker_order_id, 'key', e.import_key)) END
          FROM (SELECT * FROM executions x WHERE x.trade_id = t.id ORDER BY x.seq, x.id) e)`,
};

const NEEDS_ACCOUNT = new Set<string>(['account', 'currency', 'accountTimezone', 'startingBalance']);
const NEEDS_INSTRUMENT = new Set<string>(['symbol', 'assetClass', 'multiplier', 'instrumentCurrency']);

// Every order ends with the id so ties come out the same way each time. closedAt is the
// Trades page's sort key (open trades by their open time), which trades_page_sort_idx
// holds, so a million-row export walks an index instead of sorting.
const ORDER_SQL: Record<TradesExportParams['sort']['key'], string> = {
  closedAt: 'COALESCE(t.closed_at, t.opened_at)',
  openedAt: 't.opened_at',
  id: '',
  netPnl: 't.net_pnl_cents',
  symbol: 'i.symbol',
};

export interface TradesQuery {
  sql: string;
  params: (string | number)[];
}

function orderBy(sort: TradesExportParams['sort']): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  const key = ORDER_SQL[sort.key];
  return key ? `${key} ${dir}, t.id ${dir}` : `t.id ${dir}`;
}

/**
 * CROSS JOIN pins trades as the outer loop: with statistics on a big journal SQLite may
 * otherwise start from accounts and sort every trade in a temp b-tree (seconds and hundreds
 * of MiB) instead of walking the sort index. Accounts and instruments are primary-key lookups.
 *
 * The SELECT of a trades export: exactly the Trades page's filter (shared tradeFilterSql),
 * only the chosen columns, in the chosen order. Exported for the benchmark's raw scan.
 */
export function tradesExportQuery(params: TradesExportParams, columns: readonly SelectedColumn[]): TradesQuery {
  const { where, params: whereParams } = tradeFilterSql(params.filter);
  const keys = columns.map((c) => c.key as TradeColumnKey);
  const joinAccount = keys.some((k) => NEEDS_ACCOUNT.has(k));
  const joinInstrument = keys.some((k) => NEEDS_INSTRUMENT.has(k)) || params.sort.key === 'symbol';
  const sql = `SELECT ${keys.map((k) => COLUMN_SQL[k]).join(', ')}
    FROM trades t
    ${joinAccount ? 'CROSS JOIN accounts a ON a.id = t.account_id' : ''}
    ${joinInstrument ? 'CROSS JOIN instruments i ON i.id = t.instrument_id' : ''}
    WHERE ${where}
    ORDER BY ${orderBy(params.sort)}
    ${params.limit ? 'LIMIT ?' : ''}`;
  return { sql, params: params.limit ? [...whereParams, params.limit] : whereParams };
}

export const tradesJob: ExportJobModule<'trades'> = {
  type: 'trades',
  open({ sqlite }, params, columns): RowSource {
    const query = tradesExportQuery(params, columns);
    const { where, params: whereParams } = tradeFilterSql(params.filter);
    // The limited set for count and summary: the same rows the SELECT yields.
    const limited = params.limit
      ? `(SELECT t.* FROM trades t ${params.sort.key === 'symbol' ? 'JOIN instruments i ON i.id = t.instrument_id' : ''}
          WHERE ${where} ORDER BY ${orderBy(params.sort)} LIMIT ?)`
      : `(SELECT t.* FROM trades t WHERE ${where})`;
    const limitedParams = params.limit ? [...whereParams, params.limit] : whereParams;
    const currency = commonCurrency(sqlite, params.filter.accountIds);
    const ids = params.filter.accountIds ?? [];
    const currencies = sqlite
      .prepare(`SELECT DISTINCT currency FROM accounts ${ids.length ? `WHERE id IN (${ids.map(() => '?').join(',')})` : ''} ORDER BY currency`)
      .pluck()
      .all(...ids) as string[];
    return {
      title: 'Trades',
      currency,
      currencies,
      count: () => (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${limited}`).get(...limitedParams) as { n: number }).n,
      rows: () => sqlite.prepare(query.sql).raw(true).iterate(...query.params) as IterableIterator<unknown[]>,
      summary() {
        // One pass, grouped by account currency: money is summed per currency (never across
        // them); counts and the day span add up over the groups.
        const groups = sqlite
          .prepare(
            `SELECT a.currency AS currency, COUNT(*) AS n, SUM(x.net_pnl_cents) AS net, SUM(x.gross_pnl_cents) AS gross,
                    SUM(x.fees_cents) AS fees, SUM(x.status = 'closed') AS closed,
                    SUM(x.status = 'closed' AND x.net_pnl_cents > 0) AS wins,
                    MIN(x.close_day) AS firstDay, MAX(x.close_day) AS lastDay
             FROM ${limited} x JOIN accounts a ON a.id = x.account_id GROUP BY a.currency ORDER BY a.currency`,
          )
          .all(...limitedParams) as {
          currency: string;
          n: number;
          net: number;
          gross: number;
          fees: number;
          closed: number;
          wins: number;
          firstDay: string | null;
          lastDay: string | null;
        }[];
        const sum = (pick: (g: (typeof groups)[number]) => number) => groups.reduce((total, g) => total + pick(g), 0);
        const money = (pick: (g: (typeof groups)[number]) => number) =>
          groups.length ? moneyByCurrency(groups.map((g) => ({ currency: g.currency, cents: pick(g) }))) : moneyText(0, currency);
        const days = groups.flatMap((g) => (g.firstDay ? [g.firstDay, g.lastDay!] : [])).sort();
        const closed = sum((g) => g.closed);
        return [
          { label: 'Trades', value: countText(sum((g) => g.n)) },
          { label: 'Net P&L', value: money((g) => g.net) },
          { label: 'Gross P&L', value: money((g) => g.gross) },
          { label: 'Fees', value: money((g) => g.fees) },
          { label: 'Win rate (closed)', value: percentText(closed ? sum((g) => g.wins) / closed : null) },
          { label: 'Trading days', value: days.length ? `${days[0]} to ${days[days.length - 1]}` : 'none' },
        ];
      },
      filters() {
        const f = params.filter;
        const lines = [
          ...describeDayRange(f.dateFrom, f.dateTo),
          ...describeIds(sqlite, 'Accounts', 'accounts', f.accountIds),
          ...describeIds(sqlite, 'Instruments', 'instruments', f.instrumentIds),
          ...describeIds(sqlite, 'Tags', 'tags', f.tagIds),
        ];
        if (f.direction) lines.push(`Direction: ${f.direction}`);
        if (f.status) lines.push(`Status: ${f.status}`);
        if (params.limit) lines.push(`At most ${countText(params.limit)} trades`);
        lines.push(`Order: ${params.sort.key} ${params.sort.dir === 'asc' ? 'ascending' : 'descending'}`);
        return lines.length > 1 ? lines : ['All trades', ...lines];
      },
    };
  },
};
