import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import type { TradeFilter, TradeRow, TradeSummary } from '../../../../shared/domain/trade';

/** The summary recomputed from the listed rows themselves, per account currency. */
function fromRows(rows: TradeRow[], currencyOf: Map<number, string>) {
  const closed = rows.filter((r) => r.status === 'closed');
  const byCurrency = new Map<string, TradeRow[]>();
  for (const r of rows) byCurrency.set(currencyOf.get(r.accountId)!, [...(byCurrency.get(currencyOf.get(r.accountId)!) ?? []), r]);
  const withR = closed.filter((r) => r.rMultiple !== null);
  return {
    trades: rows.length,
    open: rows.length - closed.length,
    closed: closed.length,
    wins: closed.filter((r) => r.netPnlCents > 0).length,
    winRate: closed.length ? closed.filter((r) => r.netPnlCents > 0).length / closed.length : null,
    avgR: withR.length ? withR.reduce((s, r) => s + r.rMultiple!, 0) / withR.length : null,
    currencies: [...byCurrency.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, list]) => {
        const done = list.filter((r) => r.status === 'closed');
        const wins = done.filter((r) => r.netPnlCents > 0);
        const losses = done.filter((r) => r.netPnlCents < 0);
        const profit = wins.reduce((s, r) => s + r.netPnlCents, 0);
        const loss = losses.reduce((s, r) => s + r.netPnlCents, 0);
        return {
          currency,
          netCents: done.reduce((s, r) => s + r.netPnlCents, 0),
          avgWinCents: wins.length ? Math.round(profit / wins.length) : null,
          avgLossCents: losses.length ? Math.round(loss / losses.length) : null,
          profitFactor: loss < 0 ? profit / -loss : null,
        };
      }),
  };
}

describe('trades:summary and trades:setups through the handlers', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  let currencyOf: Map<number, string>;

  beforeAll(async () => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
    expect(await handlers['app:loadDemo']({ trades: 3000 })).toMatchObject({ ok: true });
    currencyOf = new Map(ctx.services.lookups.accounts().map((a) => [a.id, a.currency]));
  }, 60_000);
  afterAll(async () => {
    await ctx.cleanup();
  });

  const summary = async (filter: TradeFilter) => {
    const result = await handlers['trades:summary']({ filter });
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  };
  const rowsOf = async (filter: TradeFilter) => {
    const result = await handlers['trades:list']({ filter, limit: 500 });
    if (!result.ok) throw new Error(result.error.message);
    const rows = [...result.data.rows];
    for (let offset = 500; offset < result.data.total; offset += 500) {
      const page = await handlers['trades:list']({ filter, offset, limit: 500 });
      if (page.ok) rows.push(...page.data.rows);
    }
    return rows;
  };

  it('describes exactly the trades the page lists, money per currency', async () => {
    const accounts = ctx.services.lookups.accounts();
    const setups = await handlers['trades:setups']({});
    if (!setups.ok) throw new Error(setups.error.message);
    expect(setups.data.length).toBeGreaterThan(0);
    const filters: TradeFilter[] = [
      {},
      { accountIds: [accounts[0]!.id, accounts[1]!.id] },
      { direction: 'short', netMinCents: -10_000 },
      { setups: [setups.data[0]!] },
      { symbol: 'e', hourFrom: 8, hourTo: 12 },
    ];
    for (const filter of filters) {
      const got: TradeSummary = await summary(filter);
      const want = fromRows(await rowsOf(filter), currencyOf);
      expect(got.trades, JSON.stringify(filter)).toBe(want.trades);
      expect(got).toMatchObject({ open: want.open, closed: want.closed, wins: want.wins });
      expect(got.winRate).toBeCloseTo(want.winRate ?? 0, 10);
      if (want.avgR === null) expect(got.avgR).toBeNull();
      else expect(got.avgR).toBeCloseTo(want.avgR, 10);
      expect(got.currencies.map(({ currency, netCents, avgWinCents, avgLossCents }) => ({ currency, netCents, avgWinCents, avgLossCents }))).toEqual(
        want.currencies.map(({ currency, netCents, avgWinCents, avgLossCents }) => ({ currency, netCents, avgWinCents, avgLossCents })),
      );
      got.currencies.forEach((c, i) => {
        const pf = want.currencies[i]!.profitFactor;
        if (pf === null) expect(c.profitFactor).toBeNull();
        else expect(c.profitFactor).toBeCloseTo(pf, 10);
      });
    }
    expect((await summary({})).currencies.map((c) => c.currency)).toEqual([...new Set(currencyOf.values())].sort());
    expect(new Set(currencyOf.values()).size).toBeGreaterThan(1);
  });

  it('distributions add up to the closed trades and their streaks match analytics', async () => {
    const usd = ctx.services.lookups.accounts().filter((a) => a.currency === 'USD').map((a) => a.id);
    const filter: TradeFilter = { accountIds: usd };
    const result = await handlers['trades:distributions']({ filter });
    if (!result.ok) throw new Error(result.error.message);
    const shapes = result.data;
    const totals = await summary(filter);
    const net = totals.currencies.find((c) => c.currency === 'USD')!.netCents;
    expect(shapes.closed).toBe(totals.closed);
    for (const buckets of [shapes.pnl, shapes.duration, shapes.setup]) {
      expect(buckets.reduce((s, b) => s + b.trades, 0)).toBe(totals.closed);
      expect(buckets.reduce((s, b) => s + b.netCents, 0)).toBe(net);
    }
    expect(shapes.r.reduce((s, b) => s + b.trades, 0)).toBe(totals.withR);
    for (const b of shapes.pnl) expect(b.to! - b.from!).toBe(shapes.pnl[0]!.to! - shapes.pnl[0]!.from!);
    const analytics = await handlers['analytics:summary']({ filter });
    if (!analytics.ok) throw new Error(analytics.error.message);
    expect(shapes.longestWin).toBe(analytics.data.longestWinStreak);
    expect(shapes.longestLoss).toBe(analytics.data.longestLossStreak);
    const wins = shapes.streaks.filter((s) => s.kind === 'win').reduce((n, s) => n + s.length * s.count, 0);
    expect(wins).toBe(totals.wins);
  });

  it('says which filter value is wrong in the words of the form', async () => {
    expect(await handlers['trades:summary']({ filter: { netMinCents: 500, netMaxCents: 100 } })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('The lowest net P&L must not be above the highest') },
    });
    expect(await handlers['trades:summary']({ filter: { hourFrom: 24 } })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handlers['trades:list']({ after: { value: 1, id: -3 } })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
