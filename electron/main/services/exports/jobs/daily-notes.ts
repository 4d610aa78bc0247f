import type { ExportColumnKey } from '../../../../../shared/domain/export-columns';
import type { ExportJobModule } from './types';
import { commonCurrency, countText, describeDayRange, describeIds } from './describe';

const COLUMN_SQL: Record<ExportColumnKey<'dailyNotes'>, string> = {
  day: 'n.day',
  account: "COALESCE(a.name, 'Whole journal')",
  accountId: 'n.account_id',
  plan: 'n.plan',
  review: 'n.review',
  // Stored with ';' between tags; lists carry char(31) between items.
  tags: "NULLIF(replace(n.tags, ';', char(31)), '')",
  updatedAt: 'n.updated_at',
};

/** The daily journal, one row per note, by day; an account filter keeps the whole journal's notes too. */
export const dailyNotesJob: ExportJobModule<'dailyNotes'> = {
  type: 'dailyNotes',
  open({ sqlite }, params, columns) {
    const clauses: string[] = [];
    const args: (string | number)[] = [];
    if (params.dateFrom) {
      clauses.push('n.day >= ?');
      args.push(params.dateFrom);
    }
    if (params.dateTo) {
      clauses.push('n.day <= ?');
      args.push(params.dateTo);
    }
    if (params.accountIds?.length) {
      clauses.push(`(n.account_id IS NULL OR n.account_id IN (${params.accountIds.map(() => '?').join(', ')}))`);
      args.push(...params.accountIds);
    }
    const where = clauses.length ? clauses.join(' AND ') : '1';
    const from = 'FROM daily_notes n LEFT JOIN accounts a ON a.id = n.account_id';
    const select = `SELECT ${columns.map((c) => COLUMN_SQL[c.key as ExportColumnKey<'dailyNotes'>]).join(', ')}
      ${from} WHERE ${where} ORDER BY n.day, n.account_id IS NOT NULL, a.name, n.id`;
    return {
      title: 'Daily notes',
      currency: commonCurrency(sqlite, params.accountIds),
      count: () => (sqlite.prepare(`SELECT COUNT(*) AS n ${from} WHERE ${where}`).get(...args) as { n: number }).n,
      rows: () => sqlite.prepare(select).raw(true).iterate(...args) as IterableIterator<unknown[]>,
      summary() {
        const s = sqlite.prepare(`SELECT COUNT(*) AS notes, COUNT(DISTINCT n.day) AS days ${from} WHERE ${where}`).get(...args) as {
          notes: number;
          days: number;
        };
        return [
          { label: 'Notes', value: countText(s.notes) },
          { label: 'Days', value: countText(s.days) },
        ];
      },
      filters: () => [...describeDayRange(params.dateFrom, params.dateTo), ...describeIds(sqlite, 'Accounts', 'accounts', params.accountIds)],
    };
  },
};
