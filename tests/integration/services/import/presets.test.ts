import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { equityInStep, tradeViews } from './journal-state';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/import/${name}`, import.meta.url));
const utc = (iso: string) => Date.parse(iso);

describe('import presets on realistic broker files', () => {
  let ctx: TestServices;
  let accountId: number;

  beforeEach(() => {
    ctx = createTestServices();
    accountId = ctx.services.journal.accounts.create({
      name: 'Futures',
      broker: null,
      currency: 'USD',
      timezone: 'America/New_York',
      startingBalanceCents: 5_000_000,
    }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  const run = (path: string, presetId: string, extra: Record<string, unknown> = {}) =>
    ctx.services.imports.run({
      path,
      presetId,
      accountId,
      onError: 'abort',
      instruments: {},
      newAccounts: { currency: 'USD', timezone: 'UTC' },
      dryRun: false,
      ...extra,
    });

  it('detects each preset from the file headers in the preview', async () => {
    const cases: [string, string][] = [
      ['ibkr-flex-trades.csv', 'builtin:ibkr-flex-trades'],
      ['ninjatrader-executions.csv', 'builtin:ninjatrader-executions'],
      ['tradovate-fills.csv', 'builtin:tradovate-fills'],
      ['mt5-positions.csv', 'builtin:mt5-positions'],
      ['mt4-history.csv', 'builtin:mt4-history'],
      ['spark-trades-export.csv', 'builtin:spark-trades'],
    ];
    for (const [file, presetId] of cases) {
      const preview = await ctx.services.imports.preview({ path: fixture(file), sampleSize: 20 });
      expect(preview.detectedPresetId, file).toBe(presetId);
      expect(preview.presetId, file).toBe(presetId);
      expect(preview.missing, file).toEqual([]);
      expect(preview.errors, file).toEqual([]);
      expect(preview.trades.length, file).toBeGreaterThan(0);
    }
  });

  it('Interactive Brokers Flex: fills become FIFO round trips whose net P&L equals IBKR FifoPnlRealized', async () => {
    const result = await run(fixture('ibkr-flex-trades.csv'), 'builtin:ibkr-flex-trades');
    expect(result.status).toBe('committed');
    // 13 lines, 2 CLOSED_LOT repeats filtered out.
    expect(result.rowCount).toBe(11);
    expect(result.acceptedRows).toBe(11);
    expect(result.tradesCreated).toBe(4);

    // The broker's own realized P&L (FIFO, net of commissions) per round trip, from the file.
    const records = parse(readFileSync(fixture('ibkr-flex-trades.csv')), { columns: true }) as Record<string, string>[];
    const fifoBySymbol = new Map<string, number>();
    for (const r of records) {
      if (r.LevelOfDetail !== 'EXECUTION') continue;
      const key = r.Symbol!.replace(/\s+/g, '');
      fifoBySymbol.set(key, Math.round((fifoBySymbol.get(key) ?? 0) * 100 + Number(r.FifoPnlRealized) * 100) / 100);
    }

    const trades = tradeViews(ctx.services.db.sqlite);
    expect(trades.map((t) => [t.symbol, t.assetClass, t.multiplier, t.direction, t.qty, t.grossPnlCents, t.feesCents, t.netPnlCents])).toEqual([
      ['MESZ5', 'future', 5, 'long', 3, 11250, 372, 10878],
      ['AAPL', 'stock', 1, 'short', 100, 8800, 300, 8500],
      ['AAPL251017C00250000', 'option', 100, 'long', 2, 13000, 261, 12739],
      ['MESZ5', 'future', 5, 'short', 1, 1750, 124, 1626],
    ]);
    const netBySymbol = new Map<string, number>();
    for (const t of trades) netBySymbol.set(t.symbol, (netBySymbol.get(t.symbol) ?? 0) + t.netPnlCents);
    for (const [symbol, fifo] of fifoBySymbol) expect(netBySymbol.get(symbol), symbol).toBe(Math.round(fifo * 100));

    const mes = trades[0]!;
    expect(mes.entryPrice).toBe(6649.5);
    expect(mes.exitPrice).toBe(6657);
    // 09:31:05 in New York (EDT, UTC-4), the zone of the account the file was imported into.
    expect(mes.openedAt).toBe(utc('2025-10-15T13:31:05Z'));
    expect(mes.closedAt).toBe(utc('2025-10-15T14:15:30Z'));
    expect(mes.closeDay).toBe('2025-10-15');
    expect(equityInStep(ctx.services.db.sqlite).stored).toEqual(equityInStep(ctx.services.db.sqlite).expected);
  });

  it('previews instrument guesses, and a per-import override sets symbol, class and multiplier', async () => {
    const preview = await ctx.services.imports.preview({ path: fixture('ibkr-flex-trades.csv'), sampleSize: 20 });
    expect(preview.instruments).toEqual(
      expect.arrayContaining([
        { fileSymbol: 'MESZ5', symbol: 'MESZ5', assetClass: 'future', multiplier: 5, certain: true, existing: false },
        { fileSymbol: 'AAPL  251017C00250000', symbol: 'AAPL251017C00250000', assetClass: 'option', multiplier: 100, certain: true, existing: false },
      ]),
    );
    const result = await run(fixture('ninjatrader-executions.csv'), 'builtin:ninjatrader-executions', {
      timeZone: 'America/Chicago',
      // Say the user trades the micro contract and the platform named it oddly.
      instruments: { 'CL 12-25': { symbol: 'MCLZ5', multiplier: 100 } },
    });
    expect(result.status).toBe('committed');
    const cl = tradeViews(ctx.services.db.sqlite).find((t) => t.symbol === 'MCLZ5')!;
    expect(cl).toMatchObject({ assetClass: 'future', multiplier: 100, grossPnlCents: 2_300, netPnlCents: 2_300 - 408 });
  });

  it('NinjaTrader executions: "MNQ 12-25" becomes MNQZ5, a reversal splits into two trades and its commission', async () => {
    const result = await run(fixture('ninjatrader-executions.csv'), 'builtin:ninjatrader-executions', { timeZone: 'America/Chicago' });
    expect(result.status).toBe('committed');
    expect(result.rowCount).toBe(8);
    const trades = tradeViews(ctx.services.db.sqlite);
    expect(trades.map((t) => [t.symbol, t.multiplier, t.direction, t.qty, t.entryPrice, t.exitPrice, t.grossPnlCents, t.feesCents, t.netPnlCents])).toEqual([
      ['MNQZ5', 2, 'long', 2, 25011.375, 25020, 3450, 208, 3242],
      ['MNQZ5', 2, 'short', 1, 25020, 25005.75, 2850, 104, 2746],
      ['ESZ5', 50, 'long', 1, 6661, 6664.5, 17500, 418, 17082],
      ['CLZ5', 1000, 'short', 1, 57.85, 57.62, 23000, 408, 22592],
    ]);
    // 8:31:02 AM Chicago (CDT, UTC-5).
    expect(trades[0]!.openedAt).toBe(utc('2025-10-15T13:31:02Z'));
    // The reversal fill closes the long and opens the short at the same instant.
    expect(trades[0]!.closedAt).toBe(trades[1]!.openedAt);
  });

  it('Tradovate fills: scaling in and out is one trade, a repeated Fill ID is a duplicate row', async () => {
    const result = await run(fixture('tradovate-fills.csv'), 'builtin:tradovate-fills');
    expect(result.status).toBe('committed');
    expect(result.rowCount).toBe(7);
    expect(result.duplicateRows).toBe(1);
    expect(result.acceptedRows).toBe(6);
    const trades = tradeViews(ctx.services.db.sqlite);
    expect(trades.map((t) => [t.symbol, t.direction, t.qty, t.entryPrice, t.exitPrice, t.grossPnlCents, t.feesCents, t.netPnlCents])).toEqual([
      ['MESZ5', 'long', 2, 6650.625, 6655.75, 5125, 148, 4977],
      ['MNQZ5', 'short', 2, 25030.5, 25040, -3800, 148, -3948],
    ]);
    expect(trades[0]!.openedAt).toBe(utc('2025-10-15T13:31:02Z'));
  });

  it('MetaTrader 5 positions report: preamble skipped, second Time/Price columns are the close, Profit is the broker P&L', async () => {
    const result = await run(fixture('mt5-positions.csv'), 'builtin:mt5-positions', { timeZone: 'Europe/Athens' });
    expect(result.status).toBe('committed');
    expect(result.rowCount).toBe(3);
    const trades = tradeViews(ctx.services.db.sqlite);
    expect(trades.map((t) => [t.symbol, t.assetClass, t.multiplier, t.direction, t.qty, t.entryPrice, t.exitPrice, t.stopPrice, t.grossPnlCents, t.feesCents, t.netPnlCents])).toEqual([
      ['US30', 'cfd', 1, 'long', 1, 46250.5, 46310, 46100, 5950, 412, 5538],
      ['EURUSD', 'fx', 100000, 'long', 0.1, 1.16052, 1.1631, 1.158, 2580, 70, 2510],
      // USDJPY P&L is in yen from the prices; the broker's Profit (USD) is what lands.
      ['USDJPY', 'fx', 100000, 'short', 0.2, 151.25, 150.98, null, 3577, 140, 3437],
    ]);
    // 2025.10.14 22:10:00 server time (Athens, EEST = UTC+3).
    expect(trades[0]!.openedAt).toBe(utc('2025-10-14T19:10:00Z'));
  });

  it('MetaTrader 5 positions report saved as XLSX imports the same trades', async () => {
    const rows = parse(readFileSync(fixture('mt5-positions.csv')), { relax_column_count: true }) as string[][];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Report');
    for (const row of rows) {
      sheet.addRow(row.map((cell) => (cell !== '' && /^-?\d+(\.\d+)?$/.test(cell) && !/^\d{8,}$/.test(cell) ? Number(cell) : cell)));
    }
    const path = join(ctx.dir, 'ReportHistory-51234500.xlsx');
    await workbook.xlsx.writeFile(path);
    const result = await run(path, 'builtin:mt5-positions', { timeZone: 'Europe/Athens' });
    expect(result.status).toBe('committed');
    const trades = tradeViews(ctx.services.db.sqlite);
    expect(trades.map((t) => [t.symbol, t.qty, t.entryPrice, t.exitPrice, t.netPnlCents])).toEqual([
      ['US30', 1, 46250.5, 46310, 5538],
      ['EURUSD', 0.1, 1.16052, 1.1631, 2510],
      ['USDJPY', 0.2, 151.25, 150.98, 3437],
    ]);
  });

  it('MetaTrader 4 history: balance rows and cancelled pending orders are not trades', async () => {
    const result = await run(fixture('mt4-history.csv'), 'builtin:mt4-history', { timeZone: 'UTC' });
    expect(result.status).toBe('committed');
    expect(result.rowCount).toBe(2);
    const trades = tradeViews(ctx.services.db.sqlite);
    expect(trades.map((t) => [t.symbol, t.assetClass, t.direction, t.qty, t.grossPnlCents, t.feesCents, t.netPnlCents])).toEqual([
      ['GBPUSD', 'fx', 'long', 0.5, 13500, 350, 13150],
      ['XAUUSD', 'cfd', 'short', 1, 65000, 700, 64300],
    ]);
  });

  it('Spark Journal export: accounts come from the file, tags, notes (formula guard undone) and P&L as written', async () => {
    const result = await ctx.services.imports.run({
      path: fixture('spark-trades-export.csv'),
      presetId: 'builtin:spark-trades',
      onError: 'abort',
      instruments: {},
      newAccounts: { currency: 'USD', timezone: 'America/New_York' },
      dryRun: false,
    });
    expect(result.status).toBe('committed');
    expect(result.accountsCreated).toBe(2);
    expect(result.batchIds).toHaveLength(2);
    const trades = tradeViews(ctx.services.db.sqlite);
    expect(trades.map((t) => [t.account, t.symbol, t.direction, t.status, t.grossPnlCents, t.feesCents, t.netPnlCents, t.tags, t.notes])).toEqual([
      ['Swing', 'EURUSD', 'long', 'open', 0, 100, -100, '', 'Still open'],
      ['Main', 'ESZ5', 'long', 'closed', 52500, 418, 52082, 'A+|breakout', 'Clean break, held above VWAP'],
      ['Main', 'AAPL', 'short', 'closed', 13000, 200, 12800, 'fade', '-2R risk was too wide; sized down'],
      ['Main', 'MNQZ5', 'short', 'closed', 12150, 156, 11994, 'news|scalp', 'First line\nSecond line: "quoted"'],
    ]);
    expect(trades[1]!.closedAt).toBe(utc('2025-10-15T14:02:40.250Z'));
    expect(equityInStep(ctx.services.db.sqlite).stored).toEqual(equityInStep(ctx.services.db.sqlite).expected);
  });
});
