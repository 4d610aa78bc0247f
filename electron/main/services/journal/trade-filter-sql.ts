import type { TradeFilter } from '../../../../shared/domain/trade';

export interface SqlFragment {
  /** A WHERE clause body ('1' when there is nothing to filter); `t` is the trades alias. */
  where: string;
  params: (string | number)[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Turns a validated trade filter into SQL over `trades t`. Shared by the Trades page,
 * the exports and analytics, so all of them always select exactly the same trades.
 * Lists (accounts, instruments, tags) match any of their members; an empty list is no
 * filter. A day range selects closed trades by their trading day (open trades have none).
 * `tags: false` leaves the tag condition out, for callers that apply it another way.
 */
export function tradeFilterSql(filter: TradeFilter, options: { tags?: boolean } = {}): SqlFragment {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.dateFrom) {
    clauses.push('t.close_day >= ?');
    params.push(filter.dateFrom);
  }
  if (filter.dateTo) {
    clauses.push('t.close_day <= ?');
    params.push(filter.dateTo);
  }
  if (filter.accountIds?.length) {
    clauses.push(`t.account_id IN (${placeholders(filter.accountIds.length)})`);
    params.push(...filter.accountIds);
  }
  if (filter.instrumentIds?.length) {
    clauses.push(`t.instrument_id IN (${placeholders(filter.instrumentIds.length)})`);
    params.push(...filter.instrumentIds);
  }
  if (filter.direction) {
    clauses.push('t.direction = ?');
    params.push(filter.direction);
  }
  if (filter.status) {
    clauses.push('t.status = ?');
    params.push(filter.status);
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
