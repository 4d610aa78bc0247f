import type { Sqlite } from '../db/client';
import type { TradeFilter, TradeSummary, TradeSummaryCurrency } from '../../../../shared/domain/trade';
import type { TradesQuery } from './trades-query';
import { tradeDistributions } from './trade-distributions';

interface CurrencyRow {
  currency: string;
  trades: number;
  closed: number;
  wins: number;
  losses: number;
  netCents: number;
  grossProfitCents: number;
  grossLossCents: number;
  rSum: number;
  withR: number;
}

const mean = (sum: number, count: number) => (count > 0 ? Math.round(sum / count) : null);

/**
 * The Trades page's summary bar: what the current filter matches, in one GROUP BY over
 * the same WHERE the page uses (time zones included), so the figures always describe
 * exactly the rows listed. Money is summed per account currency and never across them.
 */
export function createTradesSummary(sqlite: Sqlite, trades: TradesQuery) {
  return {
    summarize(filter: TradeFilter): TradeSummary {
      const { where, params } = trades.filterSql(filter);
      const rows = sqlite
        .prepare(
          `SELECT a.currency AS currency, COUNT(*) AS trades,
                  COUNT(t.close_day) AS closed,
                  COALESCE(SUM(t.status = 'closed' AND t.net_pnl_cents > 0), 0) AS wins,
                  COALESCE(SUM(t.status = 'closed' AND t.net_pnl_cents < 0), 0) AS losses,
                  COALESCE(SUM(CASE WHEN t.status = 'closed' THEN t.net_pnl_cents END), 0) AS netCents,
                  COALESCE(SUM(CASE WHEN t.status = 'closed' AND t.net_pnl_cents > 0 THEN t.net_pnl_cents END), 0) AS grossProfitCents,
                  COALESCE(SUM(CASE WHEN t.status = 'closed' AND t.net_pnl_cents < 0 THEN t.net_pnl_cents END), 0) AS grossLossCents,
                  COALESCE(SUM(CASE WHEN t.status = 'closed' THEN t.r_multiple END), 0) AS rSum,
                  COUNT(CASE WHEN t.status = 'closed' THEN t.r_multiple END) AS withR
           FROM trades t JOIN accounts a ON a.id = t.account_id
           WHERE ${where}
           GROUP BY a.currency ORDER BY a.currency`,
        )
        .all(...params) as CurrencyRow[];
      const currencies: TradeSummaryCurrency[] = rows.map((r) => ({
        currency: r.currency,
        trades: r.trades,
        closed: r.closed,
        wins: r.wins,
        losses: r.losses,
        netCents: r.netCents,
        grossProfitCents: r.grossProfitCents,
        grossLossCents: r.grossLossCents,
        avgWinCents: mean(r.grossProfitCents, r.wins),
        avgLossCents: mean(r.grossLossCents, r.losses),
        profitFactor: r.grossLossCents < 0 ? r.grossProfitCents / -r.grossLossCents : null,
      }));
      const sum = (pick: (r: CurrencyRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
      const closed = sum((r) => r.closed);
      const wins = sum((r) => r.wins);
      const withR = sum((r) => r.withR);
      return {
        trades: sum((r) => r.trades),
        open: sum((r) => r.trades - r.closed),
        closed,
        wins,
        losses: sum((r) => r.losses),
        winRate: closed > 0 ? wins / closed : null,
        // R is a multiple of the trade's own risk: unitless, so it averages across currencies.
        avgR: withR > 0 ? sum((r) => r.rSum) / withR : null,
        withR,
        currencies,
      };
    },
    distributions: (filter: TradeFilter) => tradeDistributions(sqlite, trades, filter),
    /** The setup names written on trades, for the setup filter. */
    setups(): string[] {
      return sqlite
        .prepare("SELECT DISTINCT setup FROM trades WHERE setup IS NOT NULL AND setup <> '' ORDER BY setup COLLATE NOCASE")
        .pluck()
        .all() as string[];
    },
  };
}

export type TradesSummary = ReturnType<typeof createTradesSummary>;
