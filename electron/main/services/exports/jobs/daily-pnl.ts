import type { ExportColumnKey } from '../../../../../shared/domain/export-columns';
import type { ExportJobModule } from './types';
import { commonCurrency, countText, describeDayRange, describeIds, moneyByCurrency, moneyText } from './describe';

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
          .prepare(`SELECT COUNT(DISTINCT d.day) AS days, COALESCE(SUM(d.trade_count), 0) AS trades ${from} WHERE ${where}`)
          .get(...args) as { days: number; trades: number };
        // Per currency, so amounts in different currencies are never added together; best and
        // worst day are over the selected accounts of that currency together.
        const money = sqlite
          .prepare(
            `SELECT currency, SUM(net) AS net, SUM(fees) AS fees, MAX(net) AS best, MIN(net) AS worst FROM (
               SELECT a.currency AS currency, d.day AS day, SUM(d.net_pnl_cents) AS net, SUM(d.fees_cents) AS fees
               ${from} WHERE ${where} GROUP BY a.currency, d.day)
             GROUP BY currency ORDER BY currency`,
          )
          .all(...args) as { currency: string; net: number; fees: number; best: number; worst: number }[];
        const total = (pick: (m: (typeof money)[number]) => number) =>
          money.length ? moneyByCurrency(money.map((m) => ({ currency: m.currency, cents: pick(m) }))) : moneyText(0, currency);
        return [
          { label: 'Trading days', value: countText(s.days) },
          { label: 'Trades', value: countText(s.trades) },
          { label: 'Net P&L', value: total((m) => m.net) },
          { label: 'Fees', value: total((m) => m.fees) },
          { label: 'Best day', value: money.length ? total((m) => m.best) : 'n/a' },
          { label: 'Worst day', value: money.length ? total((m) => m.worst) : 'n/a' },
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
