import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { ExportSpecSchema } from '../../../../shared/domain/export-params';
import { TRADE_EXPORT_COLUMNS } from '../../../../shared/domain/export-columns';
import type { ExportFormat } from '../../../../shared/domain/enums';
import { SPARK_TRADES_PRESET_ID } from '../../../../shared/domain/import-presets';
import type { Sqlite } from '../../../../electron/main/services/db/client';
import { equityInStep } from './journal-state';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/import/${name}`, import.meta.url));
const at = (iso: string) => Date.parse(iso);

// Notes that stress quoting, the CSV formula guard, line breaks, spacing and non-Latin text.
const NOTES = [
  'plain note',
  'comma, inside',
  'a "quoted" word',
  'line one\nline two',
  '=HYPERLINK("http://evil")',
  '+1 scalp',
  '-5 stop hit',
  '@mention',
  '  padded  ',
  'ünïcödé – “smart” € 日本',
  'x < y & z > w',
];

/** Everything a user sees of a trade, except ids and the instrument multiplier (not in the export). */
function journalTrades(sqlite: Sqlite) {
  return sqlite
    .prepare(
      `SELECT a.name AS account, a.currency, i.symbol, i.asset_class AS assetClass, t.direction, t.status,
         t.opened_at AS openedAt, t.closed_at AS closedAt, t.close_day AS closeDay, t.qty, t.entry_price AS entryPrice,
         t.exit_price AS exitPrice, t.stop_price AS stopPrice, t.target_price AS targetPrice,
         t.gross_pnl_cents AS grossPnlCents, t.fees_cents AS feesCents, t.net_pnl_cents AS netPnlCents,
         t.r_multiple AS rMultiple, t.setup, t.notes,
         COALESCE((SELECT group_concat(name, '|') FROM (SELECT g.name FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id
           WHERE tt.trade_id = t.id ORDER BY g.name)), '') AS tags
       FROM trades t JOIN accounts a ON a.id = t.account_id JOIN instruments i ON i.id = t.instrument_id
       ORDER BY t.opened_at, i.symbol, t.qty, t.notes`,
    )
    .all();
}

describe('Spark Journal export -> import round trip (real export engine, every column)', () => {
  let source: TestServices;
  const files = new Map<ExportFormat, string>();

  beforeAll(async () => {
    source = createTestServices();
    const { journal, imports } = source.services;
    const main = journal.accounts.create({ name: 'Main', broker: 'IBKR', currency: 'USD', timezone: 'America/New_York', startingBalanceCents: 5_000_000 });
    const swing = journal.accounts.create({ name: 'Swing, "long-term"', broker: null, currency: 'USD', timezone: 'America/New_York', startingBalanceCents: 1_000_000 });
    // Imported trades: averaged fill prices (6649.5, 25011.375) must survive as numbers.
    await imports.run({
      path: fixture('ibkr-flex-trades.csv'), presetId: 'builtin:ibkr-flex-trades', accountId: main.id, onError: 'abort',
      instruments: {}, newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false,
    });
    await imports.run({
      path: fixture('ninjatrader-executions.csv'), presetId: 'builtin:ninjatrader-executions', accountId: main.id, onError: 'abort',
      instruments: {}, newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false, timeZone: 'America/Chicago',
    });
    // Manual trades with every editable field, tags and awkward notes.
    NOTES.forEach((notes, i) => {
      const openedAt = at('2025-10-20T13:30:00Z') + i * 3_600_000 + i * 1_001;
      journal.trades.create({
        accountId: i % 3 === 0 ? swing.id : main.id,
        symbol: ['ESZ5', 'AAPL', 'EURUSD', 'MNQZ5'][i % 4]!,
        direction: i % 2 ? 'short' : 'long',
        openedAt,
        closedAt: i === 4 ? null : openedAt + 600_000 + i * 7,
        qty: [1, 100, 25_000, 3][i % 4]!,
        entryPrice: [6650.25, 247.1, 1.16052, 25030.5][i % 4]!,
        exitPrice: i === 4 ? null : [6655.75, 246.35, 1.16101, 25011.25][i % 4]!,
        stopPrice: i % 2 ? null : [6645, 248, 1.159, 25040][i % 4]!,
        targetPrice: i % 3 ? [6670, 244, 1.163, 24990][i % 4]! : null,
        feesCents: 100 + i * 37,
        setup: i % 2 ? 'ORB' : null,
        notes,
        tags: i % 2 ? ['breakout', 'A+ setup'] : i % 3 ? ['fade'] : [],
      });
    });
    mkdirSync(join(source.dir, 'out'), { recursive: true });
    for (const format of ['csv', 'xlsx'] as const) {
      const spec = ExportSpecSchema.parse({
        type: 'trades',
        format,
        columns: TRADE_EXPORT_COLUMNS.map((column) => ({ key: column.key })),
        options: format === 'csv' ? { csvBom: true, csvFooter: true } : {},
      });
      const job = source.services.exports.enqueue(spec, join(source.dir, 'out', `trades.${format}`));
      const done = await source.services.exports.waitFor(job.id);
      expect(done.status, JSON.stringify(done.error)).toBe('completed');
      files.set(format, done.targetPath);
    }
  }, 120_000);

  afterAll(async () => {
    await source?.cleanup();
  });

  it('the CSV export has every column of the catalog, in order', () => {
    const header = readFileSync(files.get('csv')!, 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toBe(TRADE_EXPORT_COLUMNS.map((c) => (/[",]/.test(c.header) ? `"${c.header}"` : c.header)).join(','));
  });

  it.each(['csv', 'xlsx'] as const)('a %s export imports into an empty journal as the same trades', async (format) => {
    const target = createTestServices();
    try {
      const preview = await target.services.imports.preview({ path: files.get(format)!, sampleSize: 5 });
      expect(preview.detectedPresetId).toBe(SPARK_TRADES_PRESET_ID);
      const result = await target.services.imports.run({
        path: files.get(format)!,
        presetId: SPARK_TRADES_PRESET_ID,
        onError: 'abort',
        instruments: {},
        newAccounts: { currency: 'USD', timezone: 'America/New_York' },
        dryRun: false,
      });
      const expected = journalTrades(source.services.db.sqlite);
      expect(result, JSON.stringify(result.errors.slice(0, 3))).toMatchObject({ status: 'committed', errorRows: 0, accountsCreated: 2, tradesCreated: expected.length });
      expect(journalTrades(target.services.db.sqlite)).toEqual(expected);
      const totals = (sqlite: Sqlite) =>
        sqlite.prepare('SELECT SUM(gross_pnl_cents) AS gross, SUM(fees_cents) AS fees, SUM(net_pnl_cents) AS net FROM trades').get();
      expect(totals(target.services.db.sqlite)).toEqual(totals(source.services.db.sqlite));
      expect(equityInStep(target.services.db.sqlite).stored).toEqual(equityInStep(target.services.db.sqlite).expected);
      // And importing the same export again adds nothing.
      const again = await target.services.imports.run({
        path: files.get(format)!, presetId: SPARK_TRADES_PRESET_ID, onError: 'abort', instruments: {},
        newAccounts: { currency: 'USD', timezone: 'America/New_York' }, dryRun: false,
      });
      expect(again.status).toBe('nothing_new');
    } finally {
      await target.cleanup();
    }
  });
});
