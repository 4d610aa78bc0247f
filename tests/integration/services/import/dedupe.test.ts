import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { ImportPresetDefinitionSchema, type ImportPresetInput } from '../../../../shared/domain/import-preset';
import { equityInStep, tableStates, tradeViews } from './journal-state';
import { expectFilterCountsExact } from '../../../helpers/filter-counts';
import { expectDayFactsExact } from '../../../helpers/day-facts';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/import/${name}`, import.meta.url));

// A fills layout without any execution id: keys are content hashes plus occurrence counts.
const FILLS_NO_ID: ImportPresetInput = {
  name: 'Fills without ids',
  kind: 'fills',
  columns: { symbol: 'Symbol', side: 'Side', qty: 'Qty', price: 'Price', executedAt: 'Time' },
  feeColumns: ['Fee'],
};
const TRADES_NO_ID: ImportPresetInput = {
  name: 'Trades without ids',
  kind: 'trades',
  columns: { symbol: 'Symbol', direction: 'Side', openedAt: 'Open', closedAt: 'Close', qty: 'Qty', entryPrice: 'Entry', exitPrice: 'Exit' },
  feeColumns: ['Fee'],
};

describe('deduplication', () => {
  let ctx: TestServices;
  let accountId: number;

  beforeEach(() => {
    ctx = createTestServices();
    accountId = ctx.services.journal.accounts.create({
      name: 'Main',
      broker: null,
      currency: 'USD',
      timezone: 'America/New_York',
      startingBalanceCents: 2_500_000,
    }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  const write = (name: string, lines: string[]) => {
    const path = join(ctx.dir, name);
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    return path;
  };
  const run = (path: string, preset: { presetId: string } | { preset: ImportPresetInput }) =>
    ctx.services.imports.run({
      path,
      ...('preset' in preset ? { preset: ImportPresetDefinitionSchema.parse(preset.preset) } : preset),
      accountId,
      onError: 'abort',
      instruments: {},
      newAccounts: { currency: 'USD', timezone: 'UTC' },
      dryRun: false,
    });
  const summary = () =>
    tradeViews(ctx.services.db.sqlite).map((t) => [t.symbol, t.direction, t.status, t.qty, t.entryPrice, t.exitPrice, t.netPnlCents]);

  const ibLines = readFileSync(fixture('ibkr-flex-trades.csv'), 'utf8').trimEnd().split('\n');
  const IB = { presetId: 'builtin:ibkr-flex-trades' };

  it('re-importing the same file adds nothing (execution ids, content hashes, trade rows)', async () => {
    const first = await run(fixture('ibkr-flex-trades.csv'), IB);
    expect(first.tradesCreated).toBe(4);
    const before = tableStates(ctx.services.db.sqlite);
    const again = await run(fixture('ibkr-flex-trades.csv'), IB);
    expect(again).toMatchObject({ status: 'nothing_new', tradesCreated: 0, duplicateRows: 11, acceptedRows: 0, batchIds: [] });
    expect(tableStates(ctx.services.db.sqlite)).toEqual(before);

    const fills = write('fills.csv', [
      'Symbol,Side,Qty,Price,Time,Fee',
      'MESZ5,Buy,1,6650.25,2025-10-15 09:31:05,0.62',
      'MESZ5,Sell,1,6652.00,2025-10-15 09:40:00,0.62',
    ]);
    expect((await run(fills, { preset: FILLS_NO_ID })).tradesCreated).toBe(1);
    expect(await run(fills, { preset: FILLS_NO_ID })).toMatchObject({ status: 'nothing_new', duplicateRows: 2 });

    const trades = write('trades.csv', ['Symbol,Side,Open,Close,Qty,Entry,Exit,Fee', 'AAPL,long,2025-10-15 10:00,2025-10-15 11:00,10,100,101,1']);
    expect((await run(trades, { preset: TRADES_NO_ID })).tradesCreated).toBe(1);
    expect(await run(trades, { preset: TRADES_NO_ID })).toMatchObject({ status: 'nothing_new', duplicateRows: 1 });
    expect(tradeViews(ctx.services.db.sqlite)).toHaveLength(6);
  });

  it('an overlapping later export adds only what is new, and continues the trade the first one left open', async () => {
    const [header, ...data] = ibLines;
    // Export 1 ends mid-trade: MES long 3, 2 sold, 1 still open.
    const early = write('flex-1.csv', [header!, ...data.slice(0, 4)]);
    // Export 2 starts inside export 1 (repeats two fills and a CLOSED_LOT line) and runs to the end.
    const late = write('flex-2.csv', [header!, ...data.slice(1)]);

    const one = await run(early, IB);
    expect(one.tradesCreated).toBe(1);
    expect(summary()).toEqual([['MESZ5', 'long', 'open', 3, 6649.5, null, -310]]);

    const two = await run(late, IB);
    expect(two).toMatchObject({ status: 'committed', duplicateRows: 2, tradesUpdated: 1, tradesCreated: 3 });

    const incremental = summary();
    // The same journal as importing the complete file once.
    const fresh = createTestServices();
    try {
      const freshAccount = fresh.services.journal.accounts.create({ name: 'Main', broker: null, currency: 'USD', timezone: 'America/New_York', startingBalanceCents: 2_500_000 }).id;
      await fresh.services.imports.run({
        path: fixture('ibkr-flex-trades.csv'), presetId: IB.presetId, accountId: freshAccount, onError: 'abort',
        instruments: {}, newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false,
      });
      expect(incremental).toEqual(
        tradeViews(fresh.services.db.sqlite).map((t) => [t.symbol, t.direction, t.status, t.qty, t.entryPrice, t.exitPrice, t.netPnlCents]),
      );
    } finally {
      await fresh.cleanup();
    }
    expect(incremental[0]).toEqual(['MESZ5', 'long', 'closed', 3, 6649.5, 6657, 10878]);
    expect(equityInStep(ctx.services.db.sqlite).stored).toEqual(equityInStep(ctx.services.db.sqlite).expected);
  });

  it('overlapping exports without ids (content hash + occurrence) add nothing twice', async () => {
    const header = 'Symbol,Side,Qty,Price,Time,Fee';
    const rows = [
      'MESZ5,Buy,1,6650.00,2025-10-15 09:31:02,0.37',
      'MESZ5,Buy,1,6650.00,2025-10-15 09:31:02,0.37',
      'MESZ5,Sell,2,6655.00,2025-10-15 09:41:05,0.74',
      'MESZ5,Sell,1,6656.00,2025-10-15 10:00:00,0.37',
      'MESZ5,Buy,1,6650.00,2025-10-15 10:30:00,0.37',
    ];
    await run(write('a.csv', [header, ...rows.slice(0, 3)]), { preset: FILLS_NO_ID });
    const second = await run(write('b.csv', [header, ...rows]), { preset: FILLS_NO_ID });
    expect(second).toMatchObject({ duplicateRows: 3, acceptedRows: 2, tradesCreated: 1 });
    expect(summary()).toEqual([
      ['MESZ5', 'long', 'closed', 2, 6650, 6655, 5000 - 148],
      ['MESZ5', 'short', 'closed', 1, 6656, 6650, 3000 - 74],
    ]);
  });

  it('two genuinely identical fills in one file both land', async () => {
    const path = write('identical.csv', [
      'Symbol,Side,Qty,Price,Time,Fee',
      'MNQZ5,Buy,1,25000.25,2025-10-15 09:31:02,0.52',
      'MNQZ5,Buy,1,25000.25,2025-10-15 09:31:02,0.52',
      'MNQZ5,Sell,2,25010.25,2025-10-15 09:45:00,1.04',
    ]);
    const result = await run(path, { preset: FILLS_NO_ID });
    expect(result).toMatchObject({ acceptedRows: 3, duplicateRows: 0, tradesCreated: 1 });
    expect(summary()).toEqual([['MNQZ5', 'long', 'closed', 2, 25000.25, 25010.25, 4000 - 208]]);
  });

  it('two separate round trips in the same symbol on the same day stay two trades, also after a re-import', async () => {
    const path = write('two-trips.csv', [
      'Symbol,Side,Qty,Price,Time,Fee',
      'ESZ5,Buy,1,6650.00,2025-10-15 09:31:00,2.09',
      'ESZ5,Sell,1,6652.00,2025-10-15 09:35:00,2.09',
      'ESZ5,Buy,1,6650.00,2025-10-15 13:31:00,2.09',
      'ESZ5,Sell,1,6652.00,2025-10-15 13:35:00,2.09',
    ]);
    await run(path, { preset: FILLS_NO_ID });
    await run(path, { preset: FILLS_NO_ID });
    expect(summary()).toEqual([
      ['ESZ5', 'long', 'closed', 1, 6650, 6652, 10000 - 418],
      ['ESZ5', 'long', 'closed', 1, 6650, 6652, 10000 - 418],
    ]);
    const day = ctx.services.db.sqlite.prepare('SELECT trade_count AS n FROM daily_equity WHERE day = ?').get('2025-10-15') as { n: number };
    expect(day.n).toBe(2);
  });

  it('editing trades (notes, stop, tags, even times) never makes a later import see them as new', async () => {
    await run(fixture('ibkr-flex-trades.csv'), IB);
    const trades = ctx.services.trades.list({}, { key: 'openedAt', dir: 'asc' }, 0, 100).rows;
    const [mes, aapl] = trades;
    ctx.services.journal.trades.update(mes!.id, { notes: 'Reviewed', stopPrice: 6640, tags: ['A+', 'trend'] });
    ctx.services.journal.trades.update(aapl!.id, { openedAt: aapl!.openedAt - 60_000, closedAt: aapl!.closedAt! + 60_000 });
    const edited = tableStates(ctx.services.db.sqlite);
    const again = await run(fixture('ibkr-flex-trades.csv'), IB);
    expect(again).toMatchObject({ status: 'nothing_new', tradesCreated: 0, tradesUpdated: 0 });
    expect(tableStates(ctx.services.db.sqlite)).toEqual(edited);

    const trades2 = write('t.csv', ['Symbol,Side,Open,Close,Qty,Entry,Exit,Fee', 'AAPL,long,2025-10-16 10:00,2025-10-16 11:00,10,100,101,1']);
    await run(trades2, { preset: TRADES_NO_ID });
    const row = ctx.services.trades.list({ dateFrom: '2025-10-16' }, { key: 'openedAt', dir: 'asc' }, 0, 10).rows[0]!;
    ctx.services.journal.trades.update(row.id, { openedAt: row.openedAt + 3_600_000, closedAt: row.closedAt! + 3_600_000, notes: 'moved' });
    expect(await run(trades2, { preset: TRADES_NO_ID })).toMatchObject({ status: 'nothing_new' });
  });

  it('undo deletes the import, refreshes equity, and a re-import then lands again', async () => {
    const before = tableStates(ctx.services.db.sqlite);
    const result = await run(fixture('ibkr-flex-trades.csv'), IB);
    const batches = ctx.services.imports.batches();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ id: result.batchIds[0], accountName: 'Main', rowCount: 11, acceptedCount: 11, tradeCount: 4, status: 'committed' });
    expect(ctx.services.imports.undo(result.batchIds[0]!)).toEqual({ tradesDeleted: 4, tradesRestored: 0 });
    expect(tradeViews(ctx.services.db.sqlite)).toEqual([]);
    const after = tableStates(ctx.services.db.sqlite);
    for (const table of ['trades', 'import_keys', 'daily_equity', 'trade_tags']) expect(after[table], table).toEqual(before[table]);
    expect(ctx.services.imports.batches()[0]).toMatchObject({ status: 'undone', tradeCount: 0 });
    expect(() => ctx.services.imports.undo(result.batchIds[0]!)).toThrow(/already undone/);
    expect((await run(fixture('ibkr-flex-trades.csv'), IB)).tradesCreated).toBe(4);
  });

  it('undoing an import that continued an open trade puts that trade back; the earlier import waits for it', async () => {
    const [header, ...data] = ibLines;
    const one = await run(write('flex-1.csv', [header!, ...data.slice(0, 4)]), IB);
    // Tagged while open: the continuing import closes it, the undo reopens it, and the
    // tag's filter counts follow both moves.
    const openId = ctx.services.db.sqlite.prepare("SELECT id FROM trades WHERE status = 'open'").pluck().get() as number;
    ctx.services.journal.trades.update(openId, { tags: ['scaled in'] });
    const openState = summary();
    const two = await run(write('flex-2.csv', [header!, ...data.slice(1)]), IB);
    expect(ctx.services.db.sqlite.prepare('SELECT status FROM trades WHERE id = ?').pluck().get(openId)).toBe('closed');
    expectFilterCountsExact(ctx.services.db.sqlite, 'continued');
    expectDayFactsExact(ctx.services.db.sqlite, 'continued');
    expect(() => ctx.services.imports.undo(one.batchIds[0]!)).toThrow(/Undo import \d+ first/);
    expect(ctx.services.imports.undo(two.batchIds[0]!)).toEqual({ tradesDeleted: 3, tradesRestored: 1 });
    expect(summary()).toEqual(openState);
    expect(equityInStep(ctx.services.db.sqlite).stored).toEqual(equityInStep(ctx.services.db.sqlite).expected);
    expectFilterCountsExact(ctx.services.db.sqlite, 'restored');
    expectDayFactsExact(ctx.services.db.sqlite, 'restored');
    expect(ctx.services.db.sqlite.prepare('SELECT status FROM trade_tag_filter_counts').pluck().all()).toEqual(['open']);
    expect(ctx.services.imports.undo(one.batchIds[0]!)).toEqual({ tradesDeleted: 1, tradesRestored: 0 });
    expect(summary()).toEqual([]);
    expectFilterCountsExact(ctx.services.db.sqlite, 'all undone');
    expectDayFactsExact(ctx.services.db.sqlite, 'all undone');
  });
});
