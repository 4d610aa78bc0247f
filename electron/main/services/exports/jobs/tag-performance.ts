import type { ExportColumnKey } from '../../../../../shared/domain/export-columns';
import { tradeFilterSql } from '../../journal/trade-filter-sql';
import type { ExportJobModule } from './types';
import { commonCurrency, countText, describeDayRange, describeIds, moneyByCurrency } from './describe';

const COLUMN_SQL: Record<ExportColumnKey<'tagPerformance'>, string> = {
  tag: 'g.name',
  tagId: 'g.id',
  currency: 'a.currency',
  trades: 'COUNT(*)',
  wins: 'SUM(t.net_pnl_cents > 0)',
  losses: 'SUM(t.net_pnl_cents < 0)',
  winRate: 'CAST(SUM(t.net_pnl_cents > 0) AS REAL) / COUNT(*)',
  grossPnl: 'SUM(t.gross_pnl_cents)',
  fees: 'SUM(t.fees_cents)',
  netPnl: 'SUM(t.net_pnl_cents)',
  avgNetPnl: 'CAST(ROUND(AVG(t.net_pnl_cents)) AS INTEGER)',
  bestTrade: 'MAX(t.net_pnl_cents)',
  worstTrade: 'MIN(t.net_pnl_cents)',
  firstDay: 'MIN(t.close_day)',
  lastDay: 'MAX(t.close_day)',
};

/**
 * Closed trades grouped by tag (a trade with two tags counts for both) and by the currency of
 * their accounts, so money in different currencies is never added together. The trade filter
 * is the Trades page's; tagIds chooses which tags are reported rather than which trades.
 */
export const tagPerformanceJob: ExportJobModule<'tagPerformance'> = {
  type: 'tagPerformance',
  open({ sqlite }, params, columns) {
    const { tagIds, ...tradeFilter } = params;
    const filter = tradeFilterSql({ ...tradeFilter, status: 'closed' });
    const args: (string | number)[] = [...filter.params];
    let where = filter.where;
    if (tagIds?.length) {
      where += ` AND tt.tag_id IN (${tagIds.map(() => '?').join(', ')})`;
      args.push(...tagIds);
    }
    const from = 'FROM trade_tags tt JOIN trades t ON t.id = tt.trade_id JOIN tags g ON g.id = tt.tag_id JOIN accounts a ON a.id = t.account_id';
    const grouped = `${from} WHERE ${where} GROUP BY g.id, a.currency`;
    const select = `SELECT ${columns.map((c) => COLUMN_SQL[c.key as ExportColumnKey<'tagPerformance'>]).join(', ')}
      ${grouped} ORDER BY g.name, g.id, a.currency`;
    const currency = commonCurrency(sqlite, params.accountIds);
    return {
      title: 'Tag performance',
      currency,
      count: () => (sqlite.prepare(`SELECT COUNT(*) AS n FROM (SELECT g.id ${grouped})`).get(...args) as { n: number }).n,
      rows: () => sqlite.prepare(select).raw(true).iterate(...args) as IterableIterator<unknown[]>,
      summary() {
        const rows = sqlite
          .prepare(`SELECT g.name AS tag, a.currency AS currency, SUM(t.net_pnl_cents) AS net, COUNT(*) AS trades ${grouped} ORDER BY net DESC, g.name`)
          .all(...args) as { tag: string; currency: string; net: number; trades: number }[];
        // Best and worst per currency: a yen total and a dollar total cannot be ranked together.
        const currencies = [...new Set(rows.map((r) => r.currency))].sort();
        const pick = (which: 'best' | 'worst') =>
          currencies
            .map((c) => {
              const ofCurrency = rows.filter((r) => r.currency === c);
              const r = which === 'best' ? ofCurrency[0]! : ofCurrency[ofCurrency.length - 1]!;
              return `${r.tag} (${moneyByCurrency([{ currency: r.currency, cents: r.net }])})`;
            })
            .join(' · ') || 'n/a';
        return [
          { label: 'Tags', value: countText(new Set(rows.map((r) => r.tag)).size) },
          { label: 'Tagged trades (closed)', value: countText(rows.reduce((n, r) => n + r.trades, 0)) },
          { label: 'Best tag', value: pick('best') },
          { label: 'Worst tag', value: pick('worst') },
        ];
      },
      filters() {
        const lines = [
          'Closed trades only',
          ...describeDayRange(params.dateFrom, params.dateTo),
          ...describeIds(sqlite, 'Accounts', 'accounts', params.accountIds),
          ...describeIds(sqlite, 'Instruments', 'instruments', params.instrumentIds),
          ...describeIds(sqlite, 'Tags', 'tags', tagIds),
        ];
        if (params.direction) lines.push(`Direction: ${params.direction}`);
        return lines;
      },
    };
  },
};
