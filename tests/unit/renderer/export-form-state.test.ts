import { describe, expect, it } from 'vitest';
import { EXPORT_TYPES } from '../../../shared/domain/enums';
import { ExportSpecSchema } from '../../../shared/domain/export-params';
import { ExportFormStateSchema } from '../../../shared/domain/export-preset';
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

  it('exports exactly the Trades page filter it was handed (several accounts and tags, setups, symbol, bounds), not the first of each', () => {
    const tradesFilter = {
      dateFrom: '2026-01-01',
      accountIds: [1, 2],
      tagIds: [3, 4],
      setups: ['ORB', 'VWAP reclaim'],
      symbol: 'ES',
      netMinCents: -5_000,
      hourFrom: 9,
      hourTo: 11,
      weekdays: [1, 5],
      holdMaxMinutes: 30,
    };
    // What "Export these trades" fills in: the single fields show the first values for display.
    const form = { ...initialForm('trades'), dateFrom: '2026-01-01', accountId: '1', tagId: '3', tradesFilter };
    const spec = ExportSpecSchema.parse(toSpec(form));
    expect(spec.type === 'trades' && spec.params.filter).toEqual(tradesFilter);
    // A preset saved from that form keeps the whole filter.
    expect(ExportFormStateSchema.parse(form).tradesFilter).toEqual(tradesFilter);
    // Cleared ("Choose filters here instead"), the single fields apply again.
    const cleared = ExportSpecSchema.parse(toSpec({ ...form, tradesFilter: undefined }));
    expect(cleared.type === 'trades' && cleared.params.filter).toEqual({ dateFrom: '2026-01-01', accountIds: [1], tagIds: [3] });
  });
});
