import type { TradeFilter } from '../../../../shared/domain/trade';

export interface SqlFragment {
  /** A WHERE clause body ('1' when there is nothing to filter); `t` is the trades alias. */
  where: string;
  params: (string | number)[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Turns a validated trade filter into SQL over `trades t`. Shared by the Trades page
 * and the trades export, so both always select exactly the same trades.
 */
export function tradeFilterSql(filter: TradeFilter): SqlFragment {
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
  if (filter.tagIds?.length) {
    clauses.push(
      `EXISTS (SELECT 1 FROM trade_tags tt WHERE tt.trade_id = t.id AND tt.tag_id IN (${placeholders(filter.tagIds.length)}))`,
    );
    params.push(...filter.tagIds);
  }
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}
