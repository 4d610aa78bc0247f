import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import type { EventName } from '../../../../shared/ipc/events';
import { equityInStep } from '../import/journal-state';

const at = (iso: string) => Date.parse(iso);

describe('manual trade, tag, account and instrument writes keep equity in step', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  let events: { name: EventName; payload: unknown }[];
  let accountId: number;

  beforeEach(() => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
    events = [];
    ctx.services.events.subscribe((name, payload) => events.push({ name, payload }));
    accountId = ctx.services.journal.accounts.create({
      name: 'Main',
      broker: null,
      currency: 'USD',
      timezone: 'America/New_York',
      startingBalanceCents: 1_000_000,
    }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  const sqlite = () => ctx.services.db.sqlite;
  const equity = () =>
    sqlite().prepare('SELECT day, net_pnl_cents AS net, trade_count AS n, ending_equity_cents AS ending FROM daily_equity ORDER BY day').all();
  const inStep = () => {
    const { stored, expected } = equityInStep(sqlite());
    expect(stored).toEqual(expected);
  };

  it('creates a trade: close day in the account zone, P&L from prices, multiplier and fees, R from the stop', async () => {
    const created = await handlers['trades:create']({
      accountId,
      symbol: 'esz5',
      direction: 'long',
      // 22:30 New York on the 15th is already the 16th in UTC: the trade belongs to the 15th.
      openedAt: at('2025-10-16T02:00:00Z'),
      closedAt: at('2025-10-16T02:30:00Z'),
      qty: 2,
      entryPrice: 6650.25,
      exitPrice: 6655.5,
      stopPrice: 6645,
      feesCents: 418,
      notes: 'manual',
      tags: ['ORB', 'A+'],
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.data).toMatchObject({
      symbol: 'ESZ5',
      assetClass: 'future',
      status: 'closed',
      closeDay: '2025-10-15',
      grossPnlCents: 52_500,
      feesCents: 418,
      netPnlCents: 52_082,
      // R = net 520.82 ÷ risk (6650.25 − 6645) × 2 × 50 = 525.00.
      rMultiple: 0.99,
      tags: expect.arrayContaining(['ORB', 'A+']),
    });
    expect(equity()).toEqual([{ day: '2025-10-15', net: 52_082, n: 1, ending: 1_052_082 }]);
    expect(events).toContainEqual({ name: 'journal:changed', payload: { reason: 'trades-changed' } });
    inStep();
  });

  it('rejects inconsistent trades with a clear validation error', async () => {
    const closedWithoutExit = await handlers['trades:create']({
      accountId, symbol: 'AAPL', direction: 'long', openedAt: at('2025-10-15T14:00:00Z'), closedAt: at('2025-10-15T15:00:00Z'),
      qty: 1, entryPrice: 100,
    });
    expect(closedWithoutExit).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!closedWithoutExit.ok) expect(closedWithoutExit.error.message).toMatch(/exitPrice: a closed trade needs both/);
    const backwards = await handlers['trades:create']({
      accountId, symbol: 'AAPL', direction: 'long', openedAt: at('2025-10-15T14:00:00Z'), closedAt: at('2025-10-15T13:00:00Z'),
      qty: 1, entryPrice: 100, exitPrice: 101,
    });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/closedAt: must not be before openedAt/) } });
    const noAccount = await handlers['trades:create']({ accountId: 999, symbol: 'AAPL', direction: 'long', openedAt: 1, qty: 1, entryPrice: 1 });
    expect(noAccount).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(sqlite().prepare('SELECT COUNT(*) AS n FROM trades').get()).toEqual({ n: 0 });
  });

  it('edits move a trade between days and recompute P&L; notes-only edits keep an imported broker P&L', () => {
    const { trades } = ctx.services.journal;
    const trade = trades.create({
      accountId, symbol: 'AAPL', direction: 'short', openedAt: at('2025-10-15T14:00:00Z'), closedAt: at('2025-10-15T15:00:00Z'),
      qty: 100, entryPrice: 247.1, exitPrice: 245.8, stopPrice: null, targetPrice: null, feesCents: 200, setup: null, notes: '', tags: [],
    });
    expect(trade.netPnlCents).toBe(12_800);
    const moved = trades.update(trade.id, { closedAt: at('2025-10-16T15:00:00Z'), exitPrice: 246.8 });
    expect(moved).toMatchObject({ closeDay: '2025-10-16', grossPnlCents: 3_000, netPnlCents: 2_800 });
    expect(equity()).toEqual([{ day: '2025-10-16', net: 2_800, n: 1, ending: 1_002_800 }]);
    inStep();

    // A broker-reported gross (e.g. MetaTrader's Profit in account currency) survives note edits.
    sqlite().prepare("UPDATE trades SET gross_pnl_cents = 3_577, net_pnl_cents = 3_377, pnl_source = 'broker' WHERE id = ?").run(trade.id);
    const noted = trades.update(trade.id, { notes: 'reviewed', tags: ['fade'] });
    expect(noted).toMatchObject({ grossPnlCents: 3_577, netPnlCents: 3_377, notes: 'reviewed', tags: ['fade'] });
    const refeed = trades.update(trade.id, { feesCents: 300 });
    expect(refeed).toMatchObject({ grossPnlCents: 3_577, netPnlCents: 3_277 });

    const reopened = trades.update(trade.id, { closedAt: null, exitPrice: null });
    expect(reopened).toMatchObject({ status: 'open', closeDay: null, grossPnlCents: 0 });
    expect(equity()).toEqual([]);
    expect(() => trades.update(trade.id, { closedAt: at('2025-10-16T15:00:00Z') })).toThrow(/needs both a close time and an exit price/);
    inStep();
  });

  it('deletes trades and their equity', async () => {
    const { trades } = ctx.services.journal;
    const ids = [0, 1, 2].map((i) =>
      trades.create({
        accountId, symbol: 'MNQZ5', direction: 'long', openedAt: at('2025-10-15T14:00:00Z') + i * 86_400_000,
        closedAt: at('2025-10-15T14:30:00Z') + i * 86_400_000, qty: 1, entryPrice: 25_000, exitPrice: 25_010,
        stopPrice: null, targetPrice: null, feesCents: 52, setup: null, notes: '', tags: ['x'],
      }).id,
    );
    const result = await handlers['trades:delete']({ ids: [ids[0]!, ids[2]!] });
    expect(result).toEqual({ ok: true, data: { deleted: 2 } });
    expect(equity()).toEqual([{ day: '2025-10-16', net: 1_948, n: 1, ending: 1_001_948 }]);
    expect(sqlite().prepare('SELECT COUNT(*) AS n FROM trade_tags').get()).toEqual({ n: 1 });
    expect(await handlers['trades:delete']({ ids: [ids[0]!] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    inStep();
  });

  it('tags: rename, recolour, merge (no double tags), refuse a rename onto an existing name, delete', async () => {
    const { trades } = ctx.services.journal;
    const mk = (tagNames: string[]) =>
      trades.create({
        accountId, symbol: 'AAPL', direction: 'long', openedAt: at('2025-10-15T14:00:00Z'), closedAt: null, qty: 1,
        entryPrice: 1, exitPrice: null, stopPrice: null, targetPrice: null, feesCents: 0, setup: null, notes: '', tags: tagNames,
      });
    mk(['breakout', 'brk']);
    mk(['brk']);
    mk(['Breakout']);
    const list = () => ctx.services.lookups.tags();
    const id = (name: string) => list().find((t) => t.name === name)!.id;
    // "Breakout" matched the existing tag "breakout", ignoring case.
    expect(list().map((t) => t.name)).toEqual(['breakout', 'brk']);

    expect(await handlers['tags:update']({ id: id('brk'), patch: { name: 'Breakout' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Merge this tag/) },
    });
    expect(await handlers['tags:update']({ id: id('breakout'), patch: { name: 'Breakout', color: '#ff8800' } })).toMatchObject({
      ok: true,
      data: { name: 'Breakout', color: '#ff8800' },
    });
    const merged = await handlers['tags:merge']({ sourceIds: [id('brk')], targetId: id('Breakout') });
    expect(merged).toMatchObject({ ok: true, data: { tag: { name: 'Breakout' } } });
    expect(list().map((t) => t.name)).toEqual(['Breakout']);
    expect(sqlite().prepare('SELECT COUNT(*) AS n FROM trade_tags').get()).toEqual({ n: 3 });
    expect(await handlers['tags:merge']({ sourceIds: [id('Breakout')], targetId: id('Breakout') })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handlers['tags:update']({ id: id('Breakout'), patch: { color: 'orange' } })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handlers['tags:delete']({ id: id('Breakout') })).toEqual({ ok: true, data: { tradesUntagged: 3 } });
    expect(events.filter((e) => (e.payload as { reason: string }).reason === 'tags-changed')).toHaveLength(3);
  });

  it('accounts: a new time zone recomputes close days and equity; a new starting balance recomputes equity', async () => {
    const { trades, accounts } = ctx.services.journal;
    trades.create({
      accountId, symbol: 'ESZ5', direction: 'long', openedAt: at('2025-10-16T01:00:00Z'), closedAt: at('2025-10-16T02:30:00Z'),
      qty: 1, entryPrice: 6650, exitPrice: 6651, stopPrice: null, targetPrice: null, feesCents: 0, setup: null, notes: '', tags: [],
    });
    expect(equity()).toEqual([{ day: '2025-10-15', net: 5_000, n: 1, ending: 1_005_000 }]);
    const moved = await handlers['accounts:update']({ id: accountId, patch: { timezone: 'Europe/Berlin' } });
    expect(moved).toMatchObject({ ok: true, data: { timezone: 'Europe/Berlin' } });
    expect(sqlite().prepare('SELECT close_day AS d FROM trades').get()).toEqual({ d: '2025-10-16' });
    expect(equity()).toEqual([{ day: '2025-10-16', net: 5_000, n: 1, ending: 1_005_000 }]);
    accounts.update(accountId, { startingBalanceCents: 2_000_000 });
    expect(equity()).toEqual([{ day: '2025-10-16', net: 5_000, n: 1, ending: 2_005_000 }]);
    inStep();
    expect(await handlers['accounts:update']({ id: accountId, patch: { timezone: 'Mars/Olympus' } })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/IANA time zone/) },
    });
    expect(await handlers['accounts:update']({ id: accountId, patch: { currency: 'usd' } })).toMatchObject({ ok: false, error: { code: 'validation' } });
    ctx.services.journal.accounts.create({ name: 'Other', broker: null, currency: 'EUR', timezone: 'UTC', startingBalanceCents: 0 });
    expect(await handlers['accounts:update']({ id: accountId, patch: { name: 'Other' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await handlers['accounts:create']({ name: 'Other' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('instruments: a new multiplier recomputes the P&L of every closed trade and the equity', async () => {
    const { trades } = ctx.services.journal;
    trades.create({
      accountId, symbol: 'XYZH6', assetClass: 'future', multiplier: 1, direction: 'long', openedAt: at('2025-10-15T14:00:00Z'),
      closedAt: at('2025-10-15T15:00:00Z'), qty: 2, entryPrice: 100, exitPrice: 101.5, stopPrice: null, targetPrice: null,
      feesCents: 100, setup: null, notes: '', tags: [],
    });
    const instrument = ctx.services.lookups.instruments().find((i) => i.symbol === 'XYZH6')!;
    expect(instrument).toMatchObject({ assetClass: 'future', multiplier: 1 });
    expect(equity()).toEqual([{ day: '2025-10-15', net: 200, n: 1, ending: 1_000_200 }]);
    const updated = await handlers['instruments:update']({ id: instrument.id, patch: { multiplier: 10 } });
    expect(updated).toMatchObject({ ok: true, data: { instrument: { multiplier: 10 }, tradesRecomputed: 1 } });
    expect(sqlite().prepare('SELECT gross_pnl_cents AS g, net_pnl_cents AS n FROM trades').get()).toEqual({ g: 3_000, n: 2_900 });
    expect(equity()).toEqual([{ day: '2025-10-15', net: 2_900, n: 1, ending: 1_002_900 }]);
    inStep();
    expect(await handlers['instruments:create']({ symbol: 'XYZH6' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await handlers['instruments:create']({ symbol: 'NQ 03-26' })).toMatchObject({
      ok: true,
      data: { symbol: 'NQH6', assetClass: 'future', multiplier: 20 },
    });
  });
});
