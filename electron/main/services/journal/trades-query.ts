import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/client';
import type { TradeCursor, TradeFilter, TradePage, TradeRow, TradeSort, TradeSortKey } from '../../../../shared/domain/trade';
import type { AssetClass, Direction, TradeStatus } from '../../../../shared/domain/enums';
import {
  datesReachOpenTrades,
  hasTagFilter,
  needsScan,
  SCAN_ONLY_FIELDS,
  sortKeyBoundsSql,
  tradeFilterSql,
  type FilterZones,
  type SqlFragment,
} from './trade-filter-sql';
import { offsetCaseSql, offsetSpans, type OffsetSpan } from '../analytics/zone-offsets';
import { createZoneCalendar, dayToDayNumber, type ZoneCalendar } from '../../../../shared/domain/zone-calendar';

const SORT_SQL: Record<TradeSortKey, string> = {
  // Open trades have no close time; they sort by their open time among the rest.
  // Must stay identical to the expression of trades_page_sort_idx (schema.ts).
  closedAt: 'COALESCE(t.closed_at, t.opened_at)',
  openedAt: 't.opened_at',
  netPnl: 't.net_pnl_cents',
  symbol: 'i.symbol',
  qty: 't.qty',
  id: 't.id',
};

interface Walk {
  /** How the page query reaches the index: INDEXED BY (or NOT INDEXED for the table). */
  hint: string;
  /** Relative cost of stepping over one index entry (1.5 = it needs the table row too). */
  costPerEntry: number;
}

/**
 * Indexes that deliver the trades in sort order. The closedAt ones also hold every
 * filter column, so walking them never touches the wide table rows. Sort keys without
 * a walk (symbol, qty) are always filtered first and then sorted.
 */
const WALKS: Partial<Record<TradeSortKey, { all: Walk; oneAccount: Walk }>> = {
  closedAt: {
    all: { hint: 'INDEXED BY trades_page_sort_idx', costPerEntry: 0.15 },
    oneAccount: { hint: 'INDEXED BY trades_account_sort_idx', costPerEntry: 0.15 },
  },
  netPnl: {
    all: { hint: 'INDEXED BY trades_net_pnl_idx', costPerEntry: 1.5 },
    oneAccount: { hint: 'INDEXED BY trades_account_net_pnl_idx', costPerEntry: 1.5 },
  },
  openedAt: {
    all: { hint: 'INDEXED BY trades_opened_at_idx', costPerEntry: 1.5 },
    oneAccount: { hint: 'INDEXED BY trades_opened_at_idx', costPerEntry: 1.5 },
  },
  // The table itself is in id order.
  id: { all: { hint: 'NOT INDEXED', costPerEntry: 0.5 }, oneAccount: { hint: 'NOT INDEXED', costPerEntry: 0.5 } },
};
/** Rough cost of fetching one matching trade through a filter index and sorting it. */
const FILTER_FIRST_COST = 2;
const STATEMENT_CACHE_LIMIT = 200;
const FIGURE_CACHE_LIMIT = 128;

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
  stopPrice: number | null;
  targetPrice: number | null;
  plannedRiskCents: number | null;
  grossPnlCents: number;
  feesCents: number;
  netPnlCents: number;
  accountCurrency: string;
  pnlCurrency: string | null;
  quoteGrossPnlCents: number | null;
  fxRate: number | null;
  fxRateSource: TradeRow['fxRateSource'];
  pnlSource: TradeRow['pnlSource'];
  rMultiple: number | null;
  setup: string | null;
  notes: string;
  tagList: string | null;
}

export const TRADE_ROW_SELECT = `
  t.id AS id, t.account_id AS accountId, a.name AS accountName, t.instrument_id AS instrumentId,
  i.symbol AS symbol, i.asset_class AS assetClass, t.direction AS direction, t.status AS status,
  t.opened_at AS openedAt, t.closed_at AS closedAt, t.close_day AS closeDay, t.qty AS qty,
  t.entry_price AS entryPrice, t.exit_price AS exitPrice, t.stop_price AS stopPrice, t.target_price AS targetPrice,
  t.planned_risk_cents AS plannedRiskCents, t.gross_pnl_cents AS grossPnlCents,
  t.fees_cents AS feesCents, t.net_pnl_cents AS netPnlCents, a.currency AS accountCurrency,
  t.pnl_currency AS pnlCurrency, t.quote_gross_pnl_cents AS quoteGrossPnlCents, t.fx_rate AS fxRate,
  t.fx_rate_source AS fxRateSource, t.pnl_source AS pnlSource, t.r_multiple AS rMultiple, t.setup AS setup, t.notes AS notes,
  (SELECT group_concat(g.name, char(31) ORDER BY g.name COLLATE NOCASE, g.name) FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id
   WHERE tt.trade_id = t.id) AS tagList`;

export function toTradeRow({ tagList, ...rest }: RawTradeRow): TradeRow {
  return { ...rest, tags: tagList ? tagList.split('\u001f') : [] };
}

export interface TradesQuery {
  /**
   * One page in `sort` order. With `after` (the last row of the previous page) the page
   * starts right after that row (keyset: no rows are skipped over); without it, `offset`
   * rows are skipped, which jumps to any position.
   */
  list(filter: TradeFilter, sort: TradeSort, offset: number, limit: number, after?: TradeCursor): TradePage;
  /** The SQL of the filter with the accounts' time zones applied (for summaries over the same trades). */
  filterSql(filter: TradeFilter): SqlFragment;
}

/** The filter without the fields only a scan of trades can answer (it matches a superset). */
function coarse(filter: TradeFilter): TradeFilter {
  const rest: Record<string, unknown> = { ...filter };
  for (const field of SCAN_ONLY_FIELDS) delete rest[field];
  return rest as TradeFilter;
}

const HOUR_MS = 3_600_000;
/** Relative cost of one entry of a covering walk (the closedAt indexes). */
const WALK_ENTRY_COST = 0.15;
const isOneAccount = (filter: TradeFilter) => (filter.accountIds?.length ?? 0) > 0 && new Set(filter.accountIds).size === 1;
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** The filter's tag when it names exactly one (repeats of it included), else undefined. */
function singleTag(filter: TradeFilter): number | undefined {
  const tags = new Set(filter.tagIds ?? []);
  return tags.size === 1 ? (tags.values().next().value as number) : undefined;
}

/**
 * Server-side pages of trades: the page is chosen, joined and sorted in SQLite, never in JS.
 *
 * The total comes first (cheap: a SUM over trade_filter_counts, or trade_tag_filter_counts
 * for one tag, cached until the database changes). Knowing how many trades match then picks
 * the page plan: walk an index in sort order and stop after offset + limit matches (best
 * when many trades match), or fetch the matches through the filter's indexes and sort
 * them (best when few match). A close-time walk is fenced to the span of close days the
 * matches have, so trades bunched at one end of the history cannot make it long. Either
 * way the page query reads only ids; display columns and joins are fetched for the page.
 */
export function createTradesQuery(sqlite: Sqlite): TradesQuery {
  const statements = new Map<string, Statement<unknown[]>>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = sqlite.prepare(text);
      // Filters with lists of every length make distinct texts: keep the cache bounded.
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.delete(statements.keys().next().value as string);
      statements.set(text, statement);
    }
    return statement;
  };

  // data_version moves when another connection commits; total_changes() when this one
  // writes. Together they say whether cached figures can still be trusted.
  const changeToken = sqlite
    .prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()")
    .pluck();
  const cache = new Map<string, number | SqlFragment | FilterZones>();
  let cacheToken = '';
  function cached<T extends number | SqlFragment | FilterZones>(key: string, compute: () => T): T {
    const token = changeToken.get() as string;
    if (token !== cacheToken) {
      cache.clear();
      cacheToken = token;
    }
    let value = cache.get(key) as T | undefined;
    if (value === undefined) {
      value = compute();
      if (cache.size >= FIGURE_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(key, value);
    }
    return value;
  }
  const keyOf = (kind: string, fragment: SqlFragment) => `${kind}\u0000${fragment.where}\u0000${fragment.params.join('\u0000')}`;

  /**
   * The accounts' zones as SQL. Day ranges need only each zone's midnights at the two
   * ends (a few Intl calls); local hours need the offsets over the whole journal, which
   * are worked out the first time a filter asks for them.
   */
  const zones = () =>
    cached('zones', (): FilterZones => {
      const accounts = prepared('SELECT id, timezone FROM accounts ORDER BY id').all() as { id: number; timezone: string }[];
      const calendars = new Map<string, ZoneCalendar>();
      const calendar = (zone: string) => {
        let found = calendars.get(zone);
        if (!found) {
          found = createZoneCalendar(zone);
          calendars.set(zone, found);
        }
        return found;
      };
      let spans: Map<string, OffsetSpan[]> | undefined;
      return {
        offsetSql(column) {
          if (!spans) {
            const range = prepared(
              'SELECT (SELECT MIN(opened_at) FROM trades) AS lo, (SELECT MAX(COALESCE(closed_at, opened_at)) FROM trades) AS hi',
            ).get() as { lo: number | null; hi: number | null };
            spans = new Map();
            for (const { timezone } of accounts) {
              if (!spans.has(timezone)) spans.set(timezone, offsetSpans(timezone, range.lo ?? 0, range.hi ?? 0));
            }
          }
          const cases = accounts
            .map(({ id, timezone }) => ({ id, expr: offsetCaseSql(column, spans!.get(timezone)!) }))
            .filter(({ expr }) => expr !== '0')
            .map(({ id, expr }) => `WHEN ${Number(id)} THEN ${expr}`);
          return cases.length ? `(CASE t.account_id ${cases.join(' ')} ELSE 0 END)` : '0';
        },
        dayRangeSql(column, from, to) {
          if (accounts.length === 0) return { where: '0', params: [] };
          const params: number[] = [];
          const cases = accounts.map(({ id, timezone }) => {
            const zone = calendar(timezone);
            const bounds: string[] = [];
            if (from) {
              bounds.push(`${column} >= ?`);
              params.push(zone.instantAt(dayToDayNumber(from), 0));
            }
            if (to) {
              bounds.push(`${column} < ?`);
              params.push(zone.instantAt(dayToDayNumber(to) + 1, 0));
            }
            return `WHEN ${Number(id)} THEN ${bounds.join(' AND ')}`;
          });
          return { where: `(CASE t.account_id ${cases.join(' ')} ELSE 0 END)`, params };
        },
      };
    });
  const whereOf = (filter: TradeFilter) => tradeFilterSql(filter, { zones: zones() });

  const countAll = () => cached('all', () => prepared('SELECT COUNT(*) FROM trades').pluck().get() as number);

  function countMatching(filter: TradeFilter): number {
    const all = whereOf(filter);
    return cached(keyOf('count', all), () => {
      if (all.where === '1') return countAll();
      // Fields the count tables do not hold: count the trades themselves.
      if (needsScan(filter)) return prepared(`SELECT COUNT(*) FROM trades t WHERE ${all.where}`).pluck().get(...all.params) as number;
      if (datesReachOpenTrades(filter)) {
        // Closed trades by their close day (from the count tables), open ones (few) by their open day.
        const closed = filter.status === 'open' ? 0 : countMatching({ ...filter, status: 'closed' });
        // Through the status index: the planner would otherwise walk the filter's wider indexes.
        const open = prepared(`SELECT COUNT(*) FROM trades t INDEXED BY trades_status_idx WHERE t.status = 'open' AND ${all.where}`)
          .pluck()
          .get(...all.params) as number;
        return closed + open;
      }
      const rest = tradeFilterSql(filter, { tags: false });
      if (!hasTagFilter(filter)) {
        // Same column names as trades, so the same WHERE applies to the per-key counts.
        return prepared(`SELECT COALESCE(SUM(t.trades), 0) FROM trade_filter_counts t WHERE ${rest.where}`)
          .pluck()
          .get(...rest.params) as number;
      }
      const tag = singleTag(filter);
      if (tag !== undefined) {
        // A trade carries a tag at most once, so one tag's per-key counts add up exactly.
        return prepared(`SELECT COALESCE(SUM(t.trades), 0) FROM trade_tag_filter_counts t WHERE t.tag_id = ? AND ${rest.where}`)
          .pluck()
          .get(tag, ...rest.params) as number;
      }
      // Several tags: a trade carrying two of them sits in both tags' counts, so those
      // cannot be summed; count distinct trades instead.
      const tagIds = filter.tagIds ?? [];
      if (rest.where === '1') {
        return prepared(`SELECT COUNT(DISTINCT trade_id) FROM trade_tags WHERE tag_id IN (${tagIds.map(() => '?').join(', ')})`)
          .pluck()
          .get(...tagIds) as number;
      }
      // Tags plus other filters: either walk the trades the other filters allow in a
      // covering index (testing each against the tag's trade ids), or fetch the tag's
      // trades one by one from the table, whichever touches less.
      const { tagIds: _tags, ...others } = filter;
      const links = prepared(`SELECT COUNT(*) FROM trade_tags WHERE tag_id IN (${tagIds.map(() => '?').join(', ')})`)
        .pluck()
        .get(...tagIds) as number;
      const oneAccount = isOneAccount(filter);
      const walked = oneAccount ? countMatching(others) : countAll();
      if (walked * WALK_ENTRY_COST < links * FILTER_FIRST_COST) {
        const span = closeTimeSpan(filter);
        const hint = oneAccount ? 'trades_account_sort_idx' : 'trades_page_sort_idx';
        return prepared(`SELECT COUNT(*) FROM trades t INDEXED BY ${hint} WHERE ${all.where} AND ${span.where}`)
          .pluck()
          .get(...all.params, ...span.params) as number;
      }
      return prepared(`SELECT COUNT(*) FROM trades t WHERE ${all.where}`).pluck().get(...all.params) as number;
    });
  }

  /**
   * Bounds on the close-time sort key that hold every trade the filter can match: its
   * first and last close day (from trade_filter_counts, or trade_tag_filter_counts for one
   * tag; several tags are left out, which only widens the span) widened by a day and a half
   * for time zones, and the open times of open trades matching the filter tags aside.
   */
  function closeTimeSpan(filter: TradeFilter): SqlFragment {
    // Scan-only fields only narrow the matches: the span of the rest holds them all.
    if (needsScan(filter)) return closeTimeSpan(coarse(filter));
    // Open trades in a day range lie within the range's own bounds, as closed ones do.
    if (datesReachOpenTrades(filter)) return sortKeyBoundsSql(filter);
    const rest = tradeFilterSql(filter, { tags: false });
    const tag = singleTag(filter);
    const table = tag === undefined ? 'trade_filter_counts' : 'trade_tag_filter_counts';
    const counts: SqlFragment =
      tag === undefined ? rest : { where: `t.tag_id = ? AND ${rest.where}`, params: [tag, ...rest.params] };
    return cached(keyOf(`span:${table}`, counts), () => {
      const days = prepared(
        `SELECT MIN(t.close_day) AS first, MAX(t.close_day) AS last,
                COALESCE(SUM(CASE WHEN t.close_day IS NULL THEN t.trades END), 0) AS open
         FROM ${table} t WHERE ${counts.where}`,
      ).get(...counts.params) as { first: string | null; last: string | null; open: number };
      let low = days.first === null ? Number.POSITIVE_INFINITY : dayStart(days.first) - 38 * HOUR_MS;
      let high = days.last === null ? Number.NEGATIVE_INFINITY : dayStart(days.last) + 60 * HOUR_MS;
      if (days.open > 0) {
        const open = prepared(
          `SELECT MIN(t.opened_at) AS first, MAX(t.opened_at) AS last FROM trades t WHERE t.close_day IS NULL AND ${rest.where}`,
        ).get(...rest.params) as { first: number | null; last: number | null };
        if (open.first !== null) low = Math.min(low, open.first);
        if (open.last !== null) high = Math.max(high, open.last);
      }
      if (!Number.isFinite(low) || !Number.isFinite(high)) return { where: '1', params: [] };
      return { where: 'COALESCE(t.closed_at, t.opened_at) BETWEEN ? AND ?', params: [low, high] };
    });
  }

  return {
    filterSql: whereOf,
    list(filter, sort, offset, limit, after) {
      const total = countMatching(filter);
      if (total === 0 || (!after && offset >= total)) return { rows: [], total, offset, limit };

      const { where, params } = whereOf(filter);
      const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
      const key = SORT_SQL[sort.key];
      const order = `${key} ${dir}, t.id ${dir}`;
      // Keyset: the rows beyond the previous page's last (sort value, id), in one row-value
      // comparison the sort-order index can seek to, so a deep page costs what the first does.
      // The scalar bound on the sort key is what the planner seeks to (it does not use the row
      // value as an index bound on an expression); the row value then settles ties by id.
      const beyond = after ? `${key} ${dir === 'ASC' ? '>=' : '<='} ? AND (${key}, t.id) ${dir === 'ASC' ? '>' : '<'} (?, ?)` : '1';
      const beyondParams = after ? [after.value, after.value, after.id] : [];
      const skip = after ? 0 : offset;

      // A walk visits about (skip + limit) x (trades it passes) / (trades that match).
      const oneAccount = isOneAccount(filter);
      const walks = WALKS[sort.key];
      const walk = walks ? (oneAccount ? walks.oneAccount : walks.all) : undefined;
      const passed =
        walk && walks && walk.hint !== walks.all.hint ? countMatching({ accountIds: filter.accountIds }) : countAll();
      const walkCost = Math.min(passed, Math.ceil(((skip + limit) * passed) / total)) * (walk?.costPerEntry ?? 0);

      let ids: { sql: string; params: (string | number)[] };
      if (walk && walkCost < total * FILTER_FIRST_COST) {
        const span = sort.key === 'closedAt' ? closeTimeSpan(filter) : sortKeyBoundsSql(filter);
        // With a keyset bound on the close-time key, the span's bounds on the same key become
        // plain checks (unary plus): the planner would otherwise seek to the span's end, not the
        // cursor, and walk every entry in between. LIMIT ends the walk.
        const bounds =
          after && sort.key === 'closedAt'
            ? { where: span.where.replaceAll('COALESCE(t.closed_at, t.opened_at)', '+COALESCE(t.closed_at, t.opened_at)'), params: span.params }
            : span;
        ids = {
          // The keyset bound comes first: of two bounds on the same end, the planner seeks to the first.
          sql: `SELECT t.id AS id FROM trades t ${walk.hint} WHERE ${beyond} AND ${where} AND ${bounds.where}
                ORDER BY ${order} LIMIT ? OFFSET ?`,
          params: [...beyondParams, ...params, ...bounds.params, limit, skip],
        };
      } else {
        // Unary plus keeps the planner off the sort-order indexes: the filter's own
        // indexes find the matches, which are then sorted. CROSS JOIN keeps trades as
        // the outer loop when sorting by symbol.
        ids = {
          sql: `SELECT t.id AS id FROM trades t ${sort.key === 'symbol' ? 'CROSS JOIN instruments i ON i.id = t.instrument_id' : ''}
                WHERE ${where} AND ${beyond} ORDER BY +${key} ${dir}, +t.id ${dir} LIMIT ? OFFSET ?`,
          params: [...params, ...beyondParams, limit, skip],
        };
      }
      const pageSql = `
        SELECT ${TRADE_ROW_SELECT}
        FROM (${ids.sql}) p
        CROSS JOIN trades t ON t.id = p.id
        JOIN accounts a ON a.id = t.account_id
        JOIN instruments i ON i.id = t.instrument_id
        ORDER BY ${order}`;
      const rows = (prepared(pageSql).all(...ids.params) as RawTradeRow[]).map(toTradeRow);
      return { rows, total, offset, limit };
    },
  };
}
