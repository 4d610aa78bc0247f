import type { Sqlite } from '../../db/client';
import { formatCents } from '../../../../../shared/domain/money';

const NAME_SQL = {
  accounts: 'SELECT name FROM accounts WHERE id = ?',
  instruments: 'SELECT symbol AS name FROM instruments WHERE id = ?',
  tags: 'SELECT name FROM tags WHERE id = ?',
} as const;

/** "Accounts: Main, Prop 50k" for a PDF's filter block; unknown ids are shown as #id. */
export function describeIds(sqlite: Sqlite, label: string, table: keyof typeof NAME_SQL, ids: readonly number[] | undefined): string[] {
  if (!ids?.length) return [];
  const statement = sqlite.prepare(NAME_SQL[table]);
  const names = ids.map((id) => (statement.get(id) as { name: string } | undefined)?.name ?? `#${id}`);
  return [`${label}: ${names.join(', ')}`];
}

export function describeDayRange(from: string | undefined, to: string | undefined): string[] {
  if (from && to) return [`Trading days: ${from} to ${to}`];
  if (from) return [`Trading days: from ${from}`];
  if (to) return [`Trading days: up to ${to}`];
  return [];
}

/** The one currency of the given accounts (all accounts when none are given), else null. */
export function commonCurrency(sqlite: Sqlite, accountIds: readonly number[] | undefined): string | null {
  const rows = (
    accountIds?.length
      ? sqlite
          .prepare(`SELECT DISTINCT currency FROM accounts WHERE id IN (${accountIds.map(() => '?').join(', ')})`)
          .all(...accountIds)
      : sqlite.prepare('SELECT DISTINCT currency FROM accounts').all()
  ) as { currency: string }[];
  return rows.length === 1 ? rows[0]!.currency : null;
}

/**
 * A money total for the PDF summary from per-currency sums: one amount when the rows share
 * a currency, else one amount per currency ("$1,200.00 · ¥35,000"). Amounts in different
 * currencies are never added together.
 */
export function moneyByCurrency(sums: readonly { currency: string; cents: number | null }[]): string {
  const known = sums.filter((s): s is { currency: string; cents: number } => s.cents !== null);
  if (known.length === 0) return 'n/a';
  return known.map((s) => formatCents(s.cents, s.currency, 'en-US')).join(' · ');
}

/** Money for the PDF summary: with the currency when there is one, else a plain amount. */
export function moneyText(cents: number, currency: string | null): string {
  if (currency) return formatCents(cents, currency, 'en-US');
  return (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export const countText = (n: number) => n.toLocaleString('en-US');
export const percentText = (fraction: number | null) =>
  fraction === null ? 'n/a' : `${(Math.round(fraction * 1000) / 10).toFixed(1)} %`;
