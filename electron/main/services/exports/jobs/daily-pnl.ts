import type { ExportColumnKey } from '../../../../../shared/domain/export-columns';
import type { ExportJobModule } from './types';
import { commonCurrency, countText, describeDayRange, describeIds, moneyText } from './describe';

const COLUMN_SQL: Record<ExportColumnKey<'dailyPnl'>, string> = {
  day: 'd.day',
  account: 'a.name',
  accountId: 'd.account_id',
  currency: 'a.currency',
  tradeCount: 'd.trade_count',
  winCount: 'd.win_count',
  winRate: 'CASE WHEN d.trade_count > 0 THEN CAST(d.win_count AS REAL) / d.trade_count END',
  grossPnl: 'd.gross_pnl_cents',
  fees: 'd.fees_cents',
  netPnl: 'd.net_pnl_cents',
  endingEquity: 'd.ending_equity_cents',
  peakEquity: 'd.peak_equity_cents',
  drawdown: 'd.drawdown_cents',
};

/** One row per account and trading day, straight from the daily_equity pre-aggregate. */
export const dailyPnlJob: ExportJobModule<'dailyPnl'> = {
  type: 'dailyPnl',
  open({ sqlite }, params, columns) {
    const clauses: string[] = [];
    const args: (string | number)[] = [];
    if (params.dateFrom) {
      clauses.push('d.day >= ?');
      args.push(params.dateFrom);
    }
    if (params.dateTo) {
      clauses.push('d.day <= ?');
      args.push(params.dateTo);
    }
    if (params.accountIds?.length) {
      clauses.push(`d.account_id IN (${params.accountIds.map(() => '?').join(', ')})`);
      args.push(...params.accountIds);
    }
    const where = clauses.length ? clauses.join(' AND ') : '1';
    const from = 'FROM daily_equity d JOIN accounts a ON a.id = d.account_id';
    const select = `SELECT ${columns.map((c) => COLUMN_SQL[c.key as ExportColumnKey<'dailyPnl'>]).join(', ')}
      ${from} WHERE ${where} ORDER BY d.day, a.name, d.account_id`;
    const currency = commonCurrency(sqlite, params.accountIds);
    return {
      title: 'Daily P&L',
      currency,
      count: () => (sqlite.prepare(`SELECT COUNT(*) AS n ${from} WHERE ${where}`).get(...args) as { n: number }).n,
      rows: () => sqlite.prepare(select).raw(true).iterate(...args) as IterableIterator<unknown[]>,
      summary() {
        const s = sqlite
          .prepare(
            `SELECT COUNT(DISTINCT d.day) AS days, COALESCE(SUM(d.trade_count), 0) AS trades,
                    COALESCE(SUM(d.net_pnl_cents), 0) AS net, COALESCE(SUM(d.fees_cents), 0) AS fees
             ${from} WHERE ${where}`,
          )
          .get(...args) as { days: number; trades: number; net: number; fees: number };
        // Best and worst day over all selected accounts together.
        const extremes = sqlite
          .prepare(
            `SELECT MAX(net) AS best, MIN(net) AS worst FROM (SELECT SUM(d.net_pnl_cents) AS net ${from} WHERE ${where} GROUP BY d.day)`,
          )
          .get(...args) as { best: number | null; worst: number | null };
        return [
          { label: 'Trading days', value: countText(s.days) },
          { label: 'Trades', value: countText(s.trades) },
          { label: 'Net P&L', value: moneyText(s.net, currency) },
          { label: 'Fees', value: moneyText(s.fees, currency) },
          { label: 'Best day', value: extremes.best === null ? 'n/a' : moneyText(extremes.best, currency) },
          { label: 'Worst day', value: extremes.worst === null ? 'n/a' : moneyText(extremes.worst, currency) },
        ];
      },
      filters() {
        const lines = [
          ...describeDayRange(params.dateFrom, params.dateTo),
          ...describeIds(sqlite, 'Accounts', 'accounts', params.accountIds),
        ];
        return lines.length ? lines : ['All accounts, all days'];
      },
    };
  },
};
