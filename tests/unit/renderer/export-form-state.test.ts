import { describe, expect, it } from 'vitest';
import { EXPORT_TYPES } from '../../../shared/domain/enums';
import { ExportSpecSchema } from '../../../shared/domain/export-params';
import { initialForm, toSpec, defaultColumns } from '../../../renderer/src/components/exports/export-form-state';

describe('export form -> exports:create request', () => {
  it('builds a request the server schema accepts for every export type, with the default columns', () => {
    for (const type of EXPORT_TYPES) {
      const spec = ExportSpecSchema.parse(toSpec(initialForm(type)));
      expect(spec.type).toBe(type);
      expect(spec.columns?.map((c) => c.key)).toEqual(defaultColumns(type).filter((c) => c.included).map((c) => c.key));
    }
  });

  it('carries filters, order, limit, aliases and options for trades', () => {
    const form = initialForm('trades');
    const columns = form.columns.map((c) => ({ ...c, included: c.key === 'symbol' || c.key === 'netPnl' }));
    const netPnl = columns.findIndex((c) => c.key === 'netPnl');
    columns[netPnl] = { ...columns[netPnl]!, alias: ' Result ' };
    const spec = ExportSpecSchema.parse(
      toSpec({
        ...form,
        format: 'json',
        dateFrom: '2025-01-01',
        dateTo: '2025-03-31',
        accountId: '3',
        direction: 'short',
        status: 'closed',
        sortKey: 'netPnl',
        sortDir: 'desc',
        limit: '500',
        jsonStyle: 'ndjson',
        columns,
      }),
    );
    expect(spec).toMatchObject({
      type: 'trades',
      format: 'json',
      params: {
        filter: { dateFrom: '2025-01-01', dateTo: '2025-03-31', accountIds: [3], direction: 'short', status: 'closed' },
        sort: { key: 'netPnl', dir: 'desc' },
        limit: 500,
      },
      columns: [{ key: 'symbol' }, { key: 'netPnl', header: 'Result' }],
      options: { jsonStyle: 'ndjson' },
    });
  });

  it('lets the server judge bad values instead of dropping them', () => {
    const parsed = ExportSpecSchema.safeParse(toSpec({ ...initialForm('trades'), limit: 'lots' }));
    expect(parsed.success).toBe(false);
    const noColumns = ExportSpecSchema.safeParse(toSpec({ ...initialForm('dailyPnl'), columns: initialForm('dailyPnl').columns.map((c) => ({ ...c, included: false })) }));
    expect(noColumns.success).toBe(false);
    expect(noColumns.error?.issues[0]?.message).toBe('choose at least one column');
  });
});
