import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers } from '../../../../electron/main/services/handlers';
import { createExecutions } from '../../../../electron/main/services/journal/executions';

type Handlers = ReturnType<typeof createHandlers>;

/** Unwraps a handler answer, failing the test with the error when there is one. */
async function ok<T>(answer: Promise<{ ok: true; data: T } | { ok: false; error: unknown }>): Promise<T> {
  const got = await answer;
  if (!got.ok) throw new Error(`handler failed: ${JSON.stringify(got.error)}`);
  return got.data;
}

// NinjaTrader 8 writes the platform's local clock without a zone: 10:59:02 AM in New York.
const NT = [
  'Instrument,Action,Quantity,Price,Time,ID,E/X,Position,Order ID,Name,Commission,Rate,Account,Connection,',
  'MNQ 12-25,Buy,2,25012.25,10/15/2025 10:59:02 AM,e1,Entry,2 L,o1,Entry,$1.04,1,Sim101,Playback,',
  'MNQ 12-25,Sell,1,25020.00,10/15/2025 11:05:00 AM,e2,Exit,1 L,o2,Exit,$0.52,1,Sim101,Playback,',
  'MNQ 12-25,Sell,1,25021.00,10/15/2025 11:06:00 AM,e3,Exit,-,o3,Exit,$0.52,1,Sim101,Playback,',
  'MNQ 12-25,Sell,1,25030.00,10/15/2025 4:59:00 PM,e4,Entry,1 S,o4,Entry,$0.52,1,Sim101,Playback,',
  'MNQ 12-25,Buy,1,25000.00,10/15/2025 7:10:00 PM,e5,Exit,-,o5,Exit,$0.52,,,Playback,',
].join('\r\n');

describe('import time zone, new accounts and executions (through the handlers)', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  /** The token main's open dialog gives the renderer for the file: the renderer never names a path. */
  let file: string;
  const pick = async (path: string): Promise<string> => {
    ctx.desktop.answerNextOpen(path);
    const picked = await ok(handlers['import:pickFile']({}));
    if (!picked.file) throw new Error('the open dialog answered nothing');
    return picked.file.token;
  };
  beforeEach(async () => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
    const path = join(ctx.dir, 'nt.csv');
    writeFileSync(path, `${NT}\r\n`);
    file = await pick(path);
  });
  afterEach(async () => {
    await ctx.cleanup();
  });
  const presetId = 'builtin:ninjatrader-executions';
  const sqlite = () => ctx.services.db.sqlite;

  it('reads local times in the chosen zone, confirms the new account, and keeps every fill', async () => {
    const first = await ok(handlers['import:preview']({ file, presetId }));
    // No account, no memory: nothing to go on but UTC, and the preview says so.
    expect(first).toMatchObject({ timeZone: "UTC", timeZoneSource: "default", newAccounts: [{ name: "Sim101", rows: 4, proposed: {} }] });
    // The row with no account is a row error, not the end of the import.
    expect(first.errors).toEqual([{ row: 6, column: 'Account', value: '', reason: expect.stringMatching(/names no account/) }]);
    expect(first.trades.map((t) => t.account)).toEqual(['Sim101', 'Sim101']);

    const zoned = await ok(handlers['import:preview']({ file, presetId, timeZone: 'America/New_York' }));
    expect(zoned.timeZoneSource).toBe('chosen');
    expect(zoned.trades[0]).toMatchObject({ openedAt: Date.UTC(2025, 9, 15, 14, 59, 2), closedAt: Date.UTC(2025, 9, 15, 15, 6), direction: 'long', qty: 2 });

    const aborted = await ok(handlers['import:run']({ file, presetId, timeZone: 'America/New_York' }));
    expect(aborted).toMatchObject({ status: 'aborted', errorRows: 1 });

    const result = await ok(
      handlers['import:run']({
        file,
        presetId,
        timeZone: 'America/New_York',
        onError: 'skip',
        accounts: { Sim101: { currency: 'USD', timezone: 'America/Chicago', startingBalanceCents: 5_000_000 } },
      }),
    );
    expect(result).toMatchObject({ status: 'committed', tradesCreated: 2, tradesLeftOpen: 1, accountsCreated: 1, errorRows: 1 });
    const account = sqlite().prepare("SELECT id, currency, timezone, starting_balance_cents AS startingBalanceCents FROM accounts WHERE name = 'Sim101'").get() as { id: number; currency: string; timezone: string; startingBalanceCents: number };
    expect(account).toMatchObject({ currency: 'USD', timezone: 'America/Chicago', startingBalanceCents: 5_000_000 });

    const trades = sqlite().prepare('SELECT id, opened_at AS openedAt, closed_at AS closedAt, close_day AS closeDay, status FROM trades ORDER BY opened_at').all() as {
      id: number; openedAt: number; closedAt: number | null; closeDay: string | null; status: string;
    }[];
    expect(trades.map(({ id: _id, ...t }) => t)).toEqual([
      { openedAt: Date.UTC(2025, 9, 15, 14, 59, 2), closedAt: Date.UTC(2025, 9, 15, 15, 6), closeDay: '2025-10-15', status: 'closed' },
      { openedAt: Date.UTC(2025, 9, 15, 20, 59), closedAt: null, closeDay: null, status: 'open' },
    ]);
    const executions = createExecutions(sqlite());
    expect(executions.listByTrade(trades[0]!.id).map(({ side, qty, price, feesCents, brokerExecId, brokerOrderId, seq, executedAt }) => ({ side, qty, price, feesCents, brokerExecId, brokerOrderId, seq, executedAt }))).toEqual([
      { side: 'buy', qty: 2, price: 25012.25, feesCents: 104, brokerExecId: 'e1', brokerOrderId: 'o1', seq: 0, executedAt: Date.UTC(2025, 9, 15, 14, 59, 2) },
      { side: 'sell', qty: 1, price: 25020, feesCents: 52, brokerExecId: 'e2', brokerOrderId: 'o2', seq: 1, executedAt: Date.UTC(2025, 9, 15, 15, 5) },
      { side: 'sell', qty: 1, price: 25021, feesCents: 52, brokerExecId: 'e3', brokerOrderId: 'o3', seq: 2, executedAt: Date.UTC(2025, 9, 15, 15, 6) },
    ]);
    expect(executions.listByTrade(trades[1]!.id)).toHaveLength(1);

    // The zone is remembered for the layout and for the account.
    expect(await ok(handlers['import:preview']({ file, presetId }))).toMatchObject({ timeZone: 'America/New_York', timeZoneSource: 'preset' });
    expect(await ok(handlers['import:preview']({ file, presetId, accountId: account.id }))).toMatchObject({ timeZone: 'America/New_York', timeZoneSource: 'account' });

    // A later file closes the open short: the fill is appended to that trade's executions.
    const later = join(ctx.dir, 'nt-later.csv');
    writeFileSync(later, [NT.split('\r\n')[0], 'MNQ 12-25,Buy,1,25000.00,10/16/2025 9:40:00 AM,e6,Exit,-,o6,Exit,$0.52,1,Sim101,Playback,'].join('\r\n'));
    const second = await ok(handlers['import:run']({ file: await pick(later), presetId }));
    expect(second).toMatchObject({ status: 'committed', tradesUpdated: 1, tradesLeftOpen: 0 });
    expect(executions.listByTrade(trades[1]!.id).map((e) => [e.brokerExecId, e.seq, e.executedAt])).toEqual([
      ['e4', 0, Date.UTC(2025, 9, 15, 20, 59)],
      ['e6', 1, Date.UTC(2025, 9, 16, 13, 40)],
    ]);

    // Undo of the later import takes its fill off the trade; undo of the first removes the rest.
    await ok(handlers['import:undo']({ batchId: second.batchIds[0]! }));
    expect(executions.listByTrade(trades[1]!.id).map((e) => e.brokerExecId)).toEqual(['e4']);
    await ok(handlers['import:undo']({ batchId: result.batchIds[0]! }));
    expect(sqlite().prepare('SELECT COUNT(*) FROM executions').pluck().get()).toBe(0);
  });

  it('rejects a zone that is not an IANA zone and a bad confirmed currency', async () => {
    expect(await handlers['import:preview']({ file, presetId, timeZone: 'New York' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(
      await handlers['import:run']({ file, presetId, onError: 'skip', accounts: { Sim101: { currency: 'dollars', timezone: 'UTC' } } }),
    ).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/currency/i) } });
  });

  it('lists and appends executions for a trade (the service the trade review builds on)', async () => {
    await ok(handlers['import:run']({ file, presetId, onError: 'skip', timeZone: 'UTC' }));
    const executions = createExecutions(sqlite());
    const tradeId = sqlite().prepare("SELECT id FROM trades WHERE status = 'open'").pluck().get() as number;
    const [id] = executions.insertForTrade(tradeId, [{ executedAt: Date.UTC(2025, 9, 16), side: 'buy', qty: 1, price: 24990, feesCents: 52 }]);
    expect(executions.listByTrade(tradeId).map((e) => [e.id === id, e.seq, e.side, e.importBatchId])).toEqual([
      [false, 0, 'sell', expect.any(Number)],
      [true, 1, 'buy', null],
    ]);
    expect(() => executions.insertForTrade(999_999, [])).toThrow(/does not exist/);
    expect(() => executions.insertForTrade(tradeId, [{ executedAt: 1, side: 'buy', qty: 0, price: 1, feesCents: 0 }])).toThrow(/greater than zero/);
  });
});
