import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { TradeFilter } from '../../../../shared/domain/trade';
import { scopeAccountIds } from './closed-trades-sql';

/**
 * Money of different currencies is never added: analytics over accounts that hold more than
 * one currency is refused with the currencies named, so the caller picks one account (or one
 * currency's accounts). Totals across currencies live in per-currency views (fx: totals).
 */
export function assertOneCurrency(sqlite: Sqlite, filter: TradeFilter): string {
  const ids = scopeAccountIds(sqlite, filter);
  if (ids.length === 0) return 'USD';
  const rows = sqlite
    .prepare(`SELECT currency, group_concat(name, ', ') AS names FROM accounts WHERE id IN (${ids.map(() => '?').join(',')}) GROUP BY currency ORDER BY currency`)
    .all(...ids) as { currency: string; names: string }[];
  if (rows.length > 1) {
    throw new AppError(
      'validation',
      `These accounts hold different currencies (${rows.map((r) => `${r.currency}: ${r.names}`).join('; ')}); amounts in different currencies are never added. Choose one account, or accounts of one currency.`,
    );
  }
  return rows[0]?.currency ?? 'USD';
}
