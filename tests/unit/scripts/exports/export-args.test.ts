import { describe, expect, it } from 'vitest';
import { UsageError, parseExportArgs } from '../../../../scripts/cli/export-args';

const base = ['--db', 'j.db', '--out', 'out/t.csv'];

describe('export CLI arguments', () => {
  it('builds a trades spec from the filter flags, columns with aliases and format options', () => {
    const args = parseExportArgs([
      ...base,
      '--type', 'trades', '--format', 'csv',
      '--from', '2024-01-01', '--to', '2024-03-31', '--account', '1,2', '--tag', '7', '--direction', 'long',
      '--status', 'closed', '--limit', '500', '--sort', 'netPnl:desc', '--columns', 'id,netPnl=Net P&L,tags', '--bom', '--footer',
    ]);
    if (args === 'help') throw new Error('unexpected help');
    expect(args.dbPath).toMatch(/\/j\.db$/);
    expect(args.spec).toEqual({
      type: 'trades',
      format: 'csv',
      params: {
        filter: { dateFrom: '2024-01-01', dateTo: '2024-03-31', accountIds: [1, 2], tagIds: [7], direction: 'long', status: 'closed' },
        sort: { key: 'netPnl', dir: 'desc' },
        limit: 500,
      },
      columns: [{ key: 'id' }, { key: 'netPnl', header: 'Net P&L' }, { key: 'tags' }],
      options: { csvBom: true, csvFooter: true, jsonStyle: 'array' },
    });
  });

  it('takes other types and raw params', () => {
    const goals = parseExportArgs([...base, '--type', 'goals', '--format', 'json', '--active-only', '--ndjson']);
    expect(goals !== 'help' && goals.spec).toMatchObject({ type: 'goals', params: { activeOnly: true }, options: { jsonStyle: 'ndjson' } });
    const daily = parseExportArgs([...base, '--type', 'dailyPnl', '--format', 'xlsx', '--params', '{"accountIds":[3]}']);
    expect(daily !== 'help' && daily.spec.params).toEqual({ accountIds: [3] });
    expect(parseExportArgs(['--help'])).toBe('help');
  });

  it.each([
    [[...base, '--format', 'csv'], /--type is required/],
    [['--type', 'trades', '--format', 'csv', '--out', 'x'], /--db is required/],
    [[...base, '--type', 'orders', '--format', 'csv'], /--type must be one of/],
    [[...base, '--type', 'trades', '--format', 'docx'], /format/],
    [[...base, '--type', 'trades', '--format', 'csv', '--account', 'main'], /--account takes whole-number ids/],
    [[...base, '--type', 'trades', '--format', 'csv', '--limit', '2.5'], /--limit must be a whole number/],
    [[...base, '--type', 'trades', '--format', 'csv', '--from', '2024-13-01'], /dateFrom/],
    [[...base, '--type', 'trades', '--format', 'csv', '--columns', 'id,bogus'], /columns\.1\.key/],
    [[...base, '--type', 'trades', '--format', 'csv', '--params', '{nope'], /--params must be valid JSON/],
    [[...base, '--type', 'trades', '--format', 'csv', '--wat'], /Unknown option/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseExportArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseExportArgs(argv as string[])).toThrow(message);
  });
});
