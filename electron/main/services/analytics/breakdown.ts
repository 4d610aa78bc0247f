import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import type { BreakdownDimension, BreakdownRow } from '../../../../shared/domain/analytics';
import { closedTradesSql, ratio, rFigures, TRADE_FACTS_SQL, type TradeFacts } from './closed-trades-sql';
import { localHourSql } from './zone-offsets';
import type { FactsSource, GroupFacts } from './facts-types';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Grouping {
  join: string;
  key: string;
  label: string;
  order: string;
}

/** The zones of the accounts a filter can reach, and the open-time range the hour SQL must cover. */
function hourGrouping(sqlite: Sqlite, where: string, params: (string | number)[]): Grouping {
  const zones = sqlite.prepare('SELECT id AS accountId, timezone AS timeZone FROM accounts ORDER BY id').all() as {
    accountId: number;
    timeZone: string;
  }[];
  const range = sqlite
    .prepare(`SELECT MIN(t.opened_at) AS lo, MAX(t.opened_at) AS hi FROM trades t WHERE ${where}`)
    .get(...params) as { lo: number | null; hi: number | null };
  const hour = localHourSql('t.opened_at', zones, range.lo ?? 0, range.hi ?? 0);
  return { join: '', key: hour, label: "''", order: 'key' };
}

function grouping(sqlite: Sqlite, dimension: BreakdownDimension, where: string, params: (string | number)[]): Grouping {
  switch (dimension) {
    case 'tag':
      return {
        join: 'LEFT JOIN trade_tags tt ON tt.trade_id = t.id LEFT JOIN tags g ON g.id = tt.tag_id',
        key: 'tt.tag_id',
        label: "COALESCE(g.name, '(no tag)')",
        order: 'key IS NULL, label, key',
      };
    case 'instrument':
      return { join: 'JOIN instruments i ON i.id = t.instrument_id', key: 't.instrument_id', label: 'i.symbol', order: 'label, key' };
    case 'account':
      return { join: 'JOIN accounts a ON a.id = t.account_id', key: 't.account_id', label: 'a.name', order: 'label, key' };
    case 'direction':
      return { join: '', key: 't.direction', label: 't.direction', order: 'key' };
    case 'setup':
      // Setups match playbooks ignoring case and surrounding spaces; no setup is its own row (key null).
      return { join: '', key: "NULLIF(lower(trim(t.setup)), '')", label: "COALESCE(MIN(NULLIF(trim(t.setup), '')), '(no setup)')", order: 'key IS NULL, label' };
    case 'weekday':
      // strftime('%w') counts from Sunday = 0; ISO counts from Monday = 1.
      return { join: '', key: "(CAST(strftime('%w', t.close_day) AS INTEGER) + 6) % 7 + 1", label: "''", order: 'key' };
    case 'hour':
      return hourGrouping(sqlite, where, params);
  }
}

function labelOf(dimension: BreakdownDimension, key: string | number | null, label: string): string {
  if (dimension === 'weekday') return WEEKDAYS[Number(key) - 1] ?? String(key);
  if (dimension === 'hour') return `${String(key).padStart(2, '0')}:00`;
  return label;
}

/** The per-group sums of a breakdown from one pass over the filtered trades. */
export function scanGroupFacts(sqlite: Sqlite, filter: TradeFilter, dimension: BreakdownDimension): GroupFacts[] {
  const { where, params } = closedTradesSql(filter);
  const g = grouping(sqlite, dimension, where, params);
  return sqlite
    .prepare(
      `SELECT ${g.key} AS key, ${g.label} AS label, ${TRADE_FACTS_SQL}
       FROM trades t ${g.join} WHERE ${where} GROUP BY 1 ORDER BY ${g.order}`,
    )
    .all(...params) as (TradeFacts & { key: string | number | null; label: string })[];
}

/**
 * Per-group figures over the filter. A trade with several tags counts once under each;
 * trades without a tag form the '(no tag)' row (key null).
 */
export function computeBreakdown(source: FactsSource, filter: TradeFilter, dimension: BreakdownDimension): BreakdownRow[] {
  const rows = source.groupFacts(filter, dimension);
  return rows.map((r) => ({
    key: r.key === null ? null : String(r.key),
    label: labelOf(dimension, r.key, r.label),
    tradeCount: r.trades,
    winCount: r.wins,
    lossCount: r.losses,
    winRate: ratio(r.wins, r.trades),
    netPnlCents: r.net,
    grossProfitCents: r.grossProfit,
    grossLossCents: r.grossLoss,
    feesCents: r.fees,
    expectancyCents: ratio(r.net, r.trades),
    profitFactor: r.losses === 0 ? null : ratio(r.grossProfit, -r.grossLoss),
    avgHoldMs: ratio(r.holdSum, r.trades),
    ...rFigures(r),
  }));
}
