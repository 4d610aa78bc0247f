import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import type { ImportPresetInput } from '../../../../shared/domain/import-preset';
import { ImportPresetDefinitionSchema } from '../../../../shared/domain/import-preset';
import { formatRowError } from '../../../../shared/domain/import-result';
import { createHandlers } from '../../../../electron/main/services/handlers';
import { equityInStep, tableStates, tradeViews } from './journal-state';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/import/${name}`, import.meta.url));

// A hand-made spreadsheet export: semicolons, European decimals, two fee columns.
const MESSY_PRESET: ImportPresetInput = {
  name: 'My spreadsheet',
  kind: 'trades',
  columns: {
    symbol: 'Symbol',
    direction: 'Side',
    openedAt: 'Entry time',
    closedAt: 'Exit time',
    qty: 'Size',
    entryPrice: 'Entry',
    exitPrice: 'Exit',
    notes: 'Notes',
  },
  feeColumns: ['Commission', 'Fee'],
};

describe('messy input, row errors, skip or abort', () => {
  let ctx: TestServices;
  let accountId: number;

  beforeEach(() => {
    ctx = createTestServices();
    accountId = ctx.services.journal.accounts.create({
      name: 'Main',
      broker: null,
      currency: 'EUR',
      timezone: 'Europe/Berlin',
      startingBalanceCents: 1_000_000,
    }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  const request = (extra: Record<string, unknown> = {}) => ({
    path: fixture('messy-trades-semicolon.csv'),
    preset: ImportPresetDefinitionSchema.parse(MESSY_PRESET),
    accountId,
    onError: 'skip' as const,
    instruments: {},
    newAccounts: { currency: 'USD', timezone: 'UTC' },
    dryRun: false,
    ...extra,
  });

  it('reads BOM, semicolons, European decimals, quoted separators, blank lines, several date formats and multi-line notes', async () => {
    // The account is in EUR and every instrument is quoted in USD: the trades book at the
    // table's rate, 1 EUR = 1.25 USD, so 1 USD = 0.80 EUR (a USD 525.00 gain is EUR 420.00).
    ctx.services.journal.fxRates.put([{ day: '2025-10-15', base: 'EUR', quote: 'USD', rate: 1.25 }], 'test');
    const result = await ctx.services.imports.run(request());
    expect(result.status).toBe('committed');
    expect(result.rowCount).toBe(6);
    expect(result.errorRows).toBe(1);
    expect(result.errors).toEqual([{ row: 6, column: 'Exit', value: 'abc', reason: 'is not a number' }]);
    expect(formatRowError(result.errors[0]!)).toBe('Row 6, column "Exit": "abc" is not a number');
    const trades = tradeViews(ctx.services.db.sqlite);
    expect(trades.map((t) => [t.symbol, t.direction, t.qty, t.entryPrice, t.exitPrice, t.grossPnlCents, t.feesCents, t.netPnlCents, t.notes])).toEqual([
      // USD 525.00 = 5.25 points x 2 x $50; x 0.8 = EUR 420.00.
      ['ESZ5', 'long', 2, 6650.25, 6655.5, 42000, 468, 41532, 'Break, then retest; good'],
      ['NQZ5', 'short', 1, 25030.5, 25010.25, 32400, 209, 32191, ''],
      // Two identical rows without an id are two real trades: both land.
      ['AAPL', 'long', 50, 246, 247.5, 6000, 50, 5950, ''],
      ['AAPL', 'long', 50, 246, 247.5, 6000, 50, 5950, ''],
      ['CLZ5', 'short', 1, 57.85, 57.62, 18400, 204, 18196, 'multi\r\nline note'],
    ]);
    // 2025-10-15 09:31:05 Berlin (CEST) / "15.10.2025 10:15" (day first: dots) / compact / ISO Z.
    expect(trades.map((t) => new Date(t.openedAt).toISOString())).toEqual([
      '2025-10-15T07:31:05.000Z',
      '2025-10-15T08:15:00.000Z',
      '2025-10-15T12:00:00.000Z',
      '2025-10-15T12:00:00.000Z',
      '2025-10-15T16:00:00.000Z',
    ]);
    expect(equityInStep(ctx.services.db.sqlite).stored).toEqual(equityInStep(ctx.services.db.sqlite).expected);
  });

  it('a failing row in the middle with abort leaves every table exactly as before', async () => {
    // Something already in the journal, so "as before" is not just "empty".
    await ctx.services.imports.run({
      path: fixture('ninjatrader-executions.csv'),
      presetId: 'builtin:ninjatrader-executions',
      accountId,
      onError: 'abort',
      instruments: {},
      newAccounts: { currency: 'USD', timezone: 'UTC' },
      dryRun: false,
    });
    const before = tableStates(ctx.services.db.sqlite);
    const result = await ctx.services.imports.run(request({ onError: 'abort' }));
    expect(result.status).toBe('aborted');
    expect(result.acceptedRows).toBe(0);
    expect(result.batchIds).toEqual([]);
    expect(result.errors[0]).toMatchObject({ row: 6, column: 'Exit', value: 'abc' });
    expect(tableStates(ctx.services.db.sqlite)).toEqual(before);
  });

  it('a failure while writing (conflicting instrument override) rolls the whole import back', async () => {
    ctx.services.journal.instruments.create({ symbol: 'ESZ5', multiplier: 50, tickSize: 0.25, currency: 'USD', description: null });
    const before = tableStates(ctx.services.db.sqlite);
    await expect(ctx.services.imports.run(request({ instruments: { ESZ5: { multiplier: 5 } } }))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('ESZ5 already exists with multiplier 50'),
    });
    expect(tableStates(ctx.services.db.sqlite)).toEqual(before);
  });

  it('a dry run reports the counts and writes nothing', async () => {
    const before = tableStates(ctx.services.db.sqlite);
    const result = await ctx.services.imports.run(request({ dryRun: true }));
    expect(result).toMatchObject({ status: 'dry_run', tradesCreated: 5, acceptedRows: 5, errorRows: 1, batchIds: [] });
    expect(tableStates(ctx.services.db.sqlite)).toEqual(before);
  });

  it('names the missing columns and the headers it found, and imports nothing', async () => {
    const path = join(ctx.dir, 'no-price.csv');
    writeFileSync(path, 'Symbol,Side,Entry time,Size\r\nESZ5,long,2025-10-15 09:31,1\r\n');
    await expect(ctx.services.imports.run(request({ path }))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/missing "Entry" \(entryPrice\).*Symbol, Side, Entry time, Size/),
    });
    const preview = await ctx.services.imports.preview({ path, preset: request().preset, sampleSize: 20 });
    expect(preview.missing).toEqual([{ field: 'entryPrice', header: 'Entry' }]);
    expect(tradeViews(ctx.services.db.sqlite)).toEqual([]);
  });

  it('answers a missing file, a binary file and an old .xls with what to do', async () => {
    const handlers = createHandlers(ctx.services);
    // The renderer names a file by the token main's open dialog gave it.
    const pick = async (path: string) => {
      ctx.desktop.answerNextOpen(path);
      const picked = await handlers['import:pickFile']({});
      if (!picked.ok || !picked.data.file) throw new Error('the dialog answered no file');
      return picked.data.file.token;
    };
    const missing = await handlers['import:preview']({ file: await pick(join(ctx.dir, 'nope.csv')) });
    expect(missing).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/nope\.csv.*ENOENT/) } });
    const binary = join(ctx.dir, 'photo.csv');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    expect(await handlers['import:preview']({ file: await pick(binary) })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/looks binary/) } });
    const xls = join(ctx.dir, 'old.xls');
    writeFileSync(xls, 'x');
    expect(await handlers['import:run']({ file: await pick(xls), presetId: 'builtin:mt4-history', accountId })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/save it as \.xlsx or CSV/) },
    });
  });

  it('gives a precise error per bad cell: row, column, value, reason', async () => {
    const path = join(ctx.dir, 'bad-cells.csv');
    writeFileSync(
      path,
      [
        'Symbol,Side,Entry time,Exit time,Size,Entry,Exit',
        'ESZ5,sideways,2025-10-15 09:31,2025-10-15 09:40,1,6650,6651',
        'ESZ5,long,2025-02-30 09:31,2025-10-15 09:40,1,6650,6651',
        'ESZ5,long,2025-10-15 09:31,2025-10-15 09:20,1,6650,6651',
        'ESZ5,long,2025-10-15 09:31,2025-10-15 09:40,0,6650,6651',
        ',long,2025-10-15 09:31,,1,6650,',
      ].join('\n'),
    );
    const result = await ctx.services.imports.run(request({ path, onError: 'abort' }));
    expect(result.status).toBe('aborted');
    expect(result.errors.map(formatRowError)).toEqual([
      'Row 2, column "Side": "sideways" is not a direction this importer knows (use long or short)',
      'Row 3, column "Entry time": "2025-02-30 09:31" has no day 30 in month 2',
      'Row 4, column "Exit time": "2025-10-15 09:20" is before the open time (2025-10-15 09:31)',
      'Row 5, column "Size": "0" must not be zero',
      'Row 6, column "Symbol": is empty',
    ]);
  });

  it('refuses a tag holding ";" (the separator of exported tag lists) with a row error, whatever the file separates tags with', async () => {
    const path = join(ctx.dir, 'pipe-tags.csv');
    writeFileSync(
      path,
      [
        'Symbol,Side,Entry time,Exit time,Size,Entry,Exit,Tags',
        'ESZ5,long,2025-10-15 09:31,2025-10-15 09:40,1,6650,6651,breakout|A+',
        'ESZ5,long,2025-10-16 09:31,2025-10-16 09:40,1,6650,6651,news;FOMO|late',
      ].join('\n'),
    );
    const preset = ImportPresetDefinitionSchema.parse({ ...MESSY_PRESET, columns: { symbol: 'Symbol', direction: 'Side', openedAt: 'Entry time', closedAt: 'Exit time', qty: 'Size', entryPrice: 'Entry', exitPrice: 'Exit', tags: 'Tags' }, feeColumns: [], tagSeparator: '|' });
    const result = await ctx.services.imports.run(request({ path, preset }));
    expect(result.errors.map(formatRowError)).toEqual([
      'Row 3, column "Tags": "news;FOMO" is a tag containing “;”, which separates tags in Spark Journal',
    ]);
    expect(ctx.services.lookups.tags().map((t) => t.name).sort()).toEqual(['A+', 'breakout']);
    const handlers = createHandlers(ctx.services);
    const refused = await handlers['tags:create']({ name: 'news;FOMO' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!refused.ok) expect(refused.error.message).toContain('cannot contain “;”');
  });

  it('saves the mapping as a preset, reuses it by id, and the IPC layer validates presets', async () => {
    const handlers = createHandlers(ctx.services);
    const saved = await handlers['import:savePreset']({ definition: MESSY_PRESET });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.data.id).toMatch(/^user:\d+$/);
    const list = await handlers['import:presets']({});
    expect(list.ok && list.data.map((p) => p.id)).toContain(saved.data.id);
    const result = await ctx.services.imports.run({ ...request(), preset: undefined, presetId: saved.data.id });
    expect(result.tradesCreated).toBe(5);

    const clash = await handlers['import:savePreset']({ definition: MESSY_PRESET });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const incomplete = await handlers['import:savePreset']({ definition: { name: 'x', kind: 'fills', columns: { symbol: 'S' } } });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!incomplete.ok) expect(incomplete.error.message).toMatch(/needs a column for "qty"/);
    const builtin = await handlers['import:deletePreset']({ id: 'builtin:mt4-history' });
    expect(builtin).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
