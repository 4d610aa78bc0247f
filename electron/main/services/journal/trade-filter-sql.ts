import type { TradeFilter } from '../../../../shared/domain/trade';

export interface SqlFragment {
  /** A WHERE clause body ('1' when there is nothing to filter); `t` is the trades alias. */
  where: string;
  params: (string | number)[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * How local times of an account's trades are found in SQL: an expression giving the UTC
 * offset (ms) of `column` for the trade's account (`t.account_id`). Callers that have
 * the accounts' zones pass one; without it times are read as UTC.
 */
export interface FilterZones {
  offsetSql(column: string): string;
  /** `column` lies within the local days [from, to] of the trade's account (either end optional). */
  dayRangeSql(column: string, from: string | undefined, to: string | undefined): SqlFragment;
}

const DAY_MS_SQL = 86_400_000;

/** The local day 'YYYY-MM-DD' of an epoch-ms column, shifted by the zone offset. */
const localDaySql = (column: string, zones: FilterZones | undefined) =>
  `date((${column} + ${zones ? zones.offsetSql(column) : '0'}) / 1000, 'unixepoch')`;

/** Filter fields no per-key count table holds: such filters are counted by scanning trades. */
export const SCAN_ONLY_FIELDS = ['setups', 'symbol', 'netMinCents', 'netMaxCents', 'hourFrom', 'hourTo', 'weekdays', 'holdMinMinutes', 'holdMaxMinutes'] as const;

export const needsScan = (filter: TradeFilter): boolean => SCAN_ONLY_FIELDS.some((field) => filter[field] !== undefined);

/** True when a day range can match open trades (by their open day). */
export const datesReachOpenTrades = (filter: TradeFilter): boolean =>
  (filter.dateFrom !== undefined || filter.dateTo !== undefined) && filter.status !== 'closed';

/**
 * Turns a validated trade filter into SQL over `trades t`. Shared by the Trades page,
 * the exports and analytics, so all of them always select exactly the same trades.
 * Lists (accounts, instruments, tags, setups, weekdays) match any of their members; an
 * empty list is no filter. A day range selects closed trades by their trading day and
 * open trades by the local day they opened. `tags: false` leaves the tag condition out,
 * and `openTrades: false` the open trades' half of a day range, for callers that apply
 * them another way.
 */
export function tradeFilterSql(
  filter: TradeFilter,
  options: { tags?: boolean; openTrades?: boolean; zones?: FilterZones } = {},
): SqlFragment {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.dateFrom || filter.dateTo) {
    const closed: string[] = [];
    const closedParams: string[] = [];
    if (filter.dateFrom) {
      closed.push('t.close_day >= ?');
      closedParams.push(filter.dateFrom);
    }
    if (filter.dateTo) {
      closed.push('t.close_day <= ?');
      closedParams.push(filter.dateTo);
    }
    if (options.openTrades === false || filter.status === 'closed') {
      clauses.push(...closed);
      params.push(...closedParams);
    } else {
      // COALESCE(closed_at, opened_at) is the open time of an open trade, and is the
      // leading column of the page-sort indexes, so this stays answerable from them.
      const opened = 'COALESCE(t.closed_at, t.opened_at)';
      let open: SqlFragment;
      if (options.zones) {
        open = options.zones.dayRangeSql(opened, filter.dateFrom, filter.dateTo);
      } else {
        const bounds: string[] = [];
        const boundParams: string[] = [];
        if (filter.dateFrom) {
          bounds.push(`${localDaySql(opened, undefined)} >= ?`);
          boundParams.push(filter.dateFrom);
        }
        if (filter.dateTo) {
          bounds.push(`${localDaySql(opened, undefined)} <= ?`);
          boundParams.push(filter.dateTo);
        }
        open = { where: bounds.join(' AND '), params: boundParams };
      }
      clauses.push(`((${closed.join(' AND ')}) OR (t.close_day IS NULL AND ${open.where}))`);
      params.push(...closedParams, ...open.params);
    }
  }
  if (filter.accountIds?.length) {
    clauses.push(`t.account_id IN (${placeholders(filter.accountIds.length)})`);
    params.push(...filter.accountIds);
  }
  if (filter.instrumentIds?.length) {
    clauses.push(`t.instrument_id IN (${placeholders(filter.instrumentIds.length)})`);
    params.push(...filter.instrumentIds);
  }
  if (filter.symbol) {
    // LIKE with the wildcards escaped: the search is for the text as typed.
    clauses.push(`t.instrument_id IN (SELECT fi.id FROM instruments fi WHERE fi.symbol LIKE ? ESCAPE '\\')`);
    params.push(`%${filter.symbol.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (filter.setups?.length) {
    clauses.push(`t.setup IN (${placeholders(filter.setups.length)})`);
    params.push(...filter.setups);
  }
  if (filter.direction) {
    clauses.push('t.direction = ?');
    params.push(filter.direction);
  }
  if (filter.status) {
    clauses.push('t.status = ?');
    params.push(filter.status);
  }
  if (filter.netMinCents !== undefined || filter.netMaxCents !== undefined) {
    clauses.push("t.status = 'closed'");
    if (filter.netMinCents !== undefined) {
      clauses.push('t.net_pnl_cents >= ?');
      params.push(filter.netMinCents);
    }
    if (filter.netMaxCents !== undefined) {
      clauses.push('t.net_pnl_cents <= ?');
      params.push(filter.netMaxCents);
    }
  }
  if (filter.holdMinMinutes !== undefined || filter.holdMaxMinutes !== undefined) {
    clauses.push('t.closed_at IS NOT NULL');
    if (filter.holdMinMinutes !== undefined) {
      clauses.push('t.closed_at - t.opened_at >= ?');
      params.push(filter.holdMinMinutes * 60_000);
    }
    if (filter.holdMaxMinutes !== undefined) {
      // Up to the end of the last minute named: "at most 5 minutes" keeps 5:30.
      clauses.push('t.closed_at - t.opened_at < ?');
      params.push((filter.holdMaxMinutes + 1) * 60_000);
    }
  }
  if (filter.hourFrom !== undefined || filter.hourTo !== undefined) {
    const from = filter.hourFrom ?? 0;
    const to = filter.hourTo ?? 23;
    const offset = options.zones ? options.zones.offsetSql('t.opened_at') : '0';
    const hour = `((((t.opened_at + ${offset}) % ${DAY_MS_SQL}) + ${DAY_MS_SQL}) % ${DAY_MS_SQL} / 3600000)`;
    clauses.push(from <= to ? `${hour} BETWEEN ? AND ?` : `(${hour} >= ? OR ${hour} <= ?)`);
    params.push(from, to);
  }
  if (filter.weekdays?.length) {
    // strftime('%w') counts from Sunday = 0; ISO counts from Monday = 1.
    clauses.push(`(CAST(strftime('%w', t.close_day) AS INTEGER) + 6) % 7 + 1 IN (${placeholders(filter.weekdays.length)})`);
    params.push(...filter.weekdays);
  }
  if (filter.tagIds?.length && options.tags !== false) {
    // An IN list rather than a correlated EXISTS: SQLite builds the tag's trade ids once
    // (with a Bloom filter) instead of probing trade_tags for every candidate trade.
    clauses.push(`t.id IN (SELECT ftt.trade_id FROM trade_tags ftt WHERE ftt.tag_id IN (${placeholders(filter.tagIds.length)}))`);
    params.push(...filter.tagIds);
  }
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}

export const hasTagFilter = (filter: TradeFilter): boolean => (filter.tagIds?.length ?? 0) > 0;

const HOUR_MS = 3_600_000;
// Every IANA zone lies within UTC-12..UTC+14; the extra day of slack keeps the bound
// safe even for a close_day written under an older time-zone database.
const EARLIEST_ZONE_MS = (14 + 24) * HOUR_MS;
const LATEST_ZONE_MS = (12 + 24) * HOUR_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Bounds on COALESCE(closed_at, opened_at) that a day range implies. They never change
 * which trades match (a day range only matches closed trades, whose close instant lies
 * within a day of their trading day), but let a walk of the sort-key index start and
 * stop near the range instead of at the ends of the whole history.
 */
export function sortKeyBoundsSql(filter: TradeFilter): SqlFragment {
  const clauses: string[] = [];
  const params: number[] = [];
  if (filter.dateFrom) {
    clauses.push('COALESCE(t.closed_at, t.opened_at) >= ?');
    params.push(Date.parse(`${filter.dateFrom}T00:00:00Z`) - EARLIEST_ZONE_MS);
  }
  if (filter.dateTo) {
    clauses.push('COALESCE(t.closed_at, t.opened_at) < ?');
    params.push(Date.parse(`${filter.dateTo}T00:00:00Z`) + DAY_MS + LATEST_ZONE_MS);
  }
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}
