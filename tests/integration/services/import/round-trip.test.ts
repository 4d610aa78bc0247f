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

/** What rebuilding a journal must give back, table by table, without ids. */
const JOURNAL_TABLES: Record<string, string> = {
  accounts: 'SELECT name, currency, timezone, starting_balance_cents FROM accounts ORDER BY name',
  instruments: 'SELECT symbol, asset_class, multiplier, currency FROM instruments ORDER BY symbol',
  daily_equity: `SELECT a.name, d.* FROM daily_equity d JOIN accounts a ON a.id = d.account_id ORDER BY a.name, d.day`,
  executions: `SELECT a.name, i.symbol, t.opened_at, e.seq, e.executed_at, e.side, e.qty, e.price, e.fees_cents, e.broker_exec_id,
      e.broker_order_id, e.import_key
    FROM executions e JOIN trades t ON t.id = e.trade_id JOIN accounts a ON a.id = t.account_id JOIN instruments i ON i.id = t.instrument_id
    ORDER BY a.name, i.symbol, t.opened_at, e.seq`,
  tags: 'SELECT name FROM tags ORDER BY name',
};

describe('Spark Journal export -> import round trip (real export engine, every column)', () => {
  let source: TestServices;
  const files = new Map<ExportFormat, string>();
  let defaultColumns = '';

  beforeAll(async () => {
    source = createTestServices();
    const { journal, imports } = source.services;
    // Zones and balances the target's defaults (UTC, 0) would get wrong: they must come from the export.
    const main = journal.accounts.create({ name: 'Main', broker: 'IBKR', currency: 'USD', timezone: 'America/Chicago', startingBalanceCents: 5_000_000 });
    const swing = journal.accounts.create({ name: 'Swing, "long-term"', broker: null, currency: 'USD', timezone: 'Asia/Tokyo', startingBalanceCents: 1_000_000 });
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
    // An export with the default columns only (no fills, no account settings).
    const spec = ExportSpecSchema.parse({ type: 'trades', format: 'csv' });
    const job = source.services.exports.enqueue(spec, join(source.dir, 'out', 'trades-default.csv'));
    const done = await source.services.exports.waitFor(job.id);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    defaultColumns = done.targetPath;
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
        newAccounts: { currency: 'USD', timezone: 'UTC' },
        dryRun: false,
      });
      const expected = journalTrades(source.services.db.sqlite);
      expect(result, JSON.stringify(result.errors.slice(0, 3))).toMatchObject({ status: 'committed', errorRows: 0, accountsCreated: 2, tradesCreated: expected.length });
      expect(journalTrades(target.services.db.sqlite)).toEqual(expected);
      const totals = (sqlite: Sqlite) =>
        sqlite.prepare('SELECT SUM(gross_pnl_cents) AS gross, SUM(fees_cents) AS fees, SUM(net_pnl_cents) AS net FROM trades').get();
      expect(totals(target.services.db.sqlite)).toEqual(totals(source.services.db.sqlite));
      expect(equityInStep(target.services.db.sqlite).stored).toEqual(equityInStep(target.services.db.sqlite).expected);
      // Every table that matters, compared by content (ids may differ).
      for (const [table, sql] of Object.entries(JOURNAL_TABLES)) {
        expect(target.services.db.sqlite.prepare(sql).all(), table).toEqual(source.services.db.sqlite.prepare(sql).all());
      }
      // The broker files the source imported are known to the rebuilt journal: their fills came back with their keys.
      const rebuiltMain = target.services.db.sqlite.prepare("SELECT id FROM accounts WHERE name = 'Main'").pluck().get() as number;
      for (const [file, presetId, timeZone] of [['ibkr-flex-trades.csv', 'builtin:ibkr-flex-trades', undefined], ['ninjatrader-executions.csv', 'builtin:ninjatrader-executions', 'America/Chicago']] as const) {
        const broker = await target.services.imports.run({
          path: fixture(file), presetId, accountId: rebuiltMain, onError: 'abort', instruments: {},
          newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false, ...(timeZone ? { timeZone } : {}),
        });
        expect(broker.status, file).toBe('nothing_new');
      }
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

  it.each(['csv', 'xlsx', 'default columns'] as const)('re-importing the journal’s own %s export adds nothing, edits or not', async (which) => {
    const path = which === 'default columns' ? defaultColumns : files.get(which)!;
    const sqlite = source.services.db.sqlite;
    const before = journalTrades(sqlite);
    // Edits after the export do not make a trade look new.
    sqlite.prepare("UPDATE trades SET notes = notes || ' (edited)', stop_price = NULL WHERE id IN (SELECT id FROM trades ORDER BY id LIMIT 3)").run();
    const result = await source.services.imports.run({
      path, presetId: SPARK_TRADES_PRESET_ID, onError: 'abort', instruments: {},
      newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false,
    });
    expect(result, JSON.stringify(result.errors.slice(0, 3))).toMatchObject({ status: 'nothing_new', tradesCreated: 0, duplicateRows: before.length });
    sqlite.prepare("UPDATE trades SET notes = replace(notes, ' (edited)', '') WHERE id IN (SELECT id FROM trades ORDER BY id LIMIT 3)").run();
  });
});
