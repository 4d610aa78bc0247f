import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import type { ResponseOf, Channel } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/errors';

const at = (iso: string) => Date.parse(iso);

function ok<C extends Channel>(result: IpcResult<ResponseOf<C>>): ResponseOf<C> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('R multiple: net P&L ÷ initial risk, recomputed on every write, averaged in analytics', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  let accountId: number;

  beforeEach(() => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
    accountId = ctx.services.journal.accounts.create({
      name: 'Main', broker: null, currency: 'USD', timezone: 'UTC', startingBalanceCents: 1_000_000,
    }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  const aaplLong = {
    symbol: 'AAPL', direction: 'long' as const, openedAt: at('2025-10-15T14:00:00Z'), closedAt: at('2025-10-15T15:00:00Z'),
    qty: 100, entryPrice: 50, exitPrice: 52.5, stopPrice: 49, feesCents: 200, setup: 'ORB',
  };

  it('measures R against the stop distance, or the planned risk when given, and follows every edit', async () => {
    // Gross (52.50 − 50) × 100 = 250.00, net 248.00; risk |50 − 49| × 100 × 1 = 100.00 -> 2.48 R.
    const long = ok<'trades:create'>(await handlers['trades:create']({ accountId, ...aaplLong }));
    expect(long).toMatchObject({ netPnlCents: 24_800, stopPrice: 49, plannedRiskCents: null, rMultiple: 2.48, setup: 'ORB' });

    // A planned risk of 200.00 wins over the stop: 248 / 200 = 1.24 R.
    const planned = ok<'trades:update'>(await handlers['trades:update']({ id: long.id, patch: { plannedRiskCents: 20_000 } }));
    expect(planned.rMultiple).toBe(1.24);
    // Cleared again: back to the stop, now at 49.50 (risk 50.00): 4.96 R.
    const tighter = ok<'trades:update'>(await handlers['trades:update']({ id: long.id, patch: { plannedRiskCents: null, stopPrice: 49.5 } }));
    expect(tighter.rMultiple).toBe(4.96);
    // Without a stop or a planned risk there is nothing to measure against.
    const noStop = ok<'trades:update'>(await handlers['trades:update']({ id: long.id, patch: { stopPrice: null } }));
    expect(noStop.rMultiple).toBeNull();
    // An open trade has no R yet, even with a stop.
    const reopened = ok<'trades:update'>(await handlers['trades:update']({ id: long.id, patch: { stopPrice: 49, closedAt: null, exitPrice: null } }));
    expect(reopened).toMatchObject({ status: 'open', rMultiple: null });
  });

  it('counts the multiplier in the risk and recomputes R when the multiplier changes', async () => {
    // Short 2 ES at 6000, stop 6010, out at 6015: gross −15 × 2 × 50 = −1500.00, fees 4.00, net −1504.00;
    // risk 10 × 2 × 50 = 1000.00 -> −1.504, shown to two decimals: −1.5 R.
    const short = ok<'trades:create'>(
      await handlers['trades:create']({
        accountId, symbol: 'ESZ5', direction: 'short', openedAt: at('2025-10-16T14:00:00Z'), closedAt: at('2025-10-16T14:30:00Z'),
        qty: 2, entryPrice: 6000, exitPrice: 6015, stopPrice: 6010, feesCents: 400, setup: 'fade',
      }),
    );
    expect(short).toMatchObject({ netPnlCents: -150_400, rMultiple: -1.5 });
    // At multiplier 5: gross −150.00, net −154.00, risk 100.00 -> −1.54 R.
    ok<'instruments:update'>(await handlers['instruments:update']({ id: short.instrumentId, patch: { multiplier: 5 } }));
    const page = ok<'trades:list'>(await handlers['trades:list']({}));
    expect(page.rows.find((r) => r.id === short.id)).toMatchObject({ netPnlCents: -15_400, rMultiple: -1.54 });
  });

  it('gives average R and expectancy in R over the trades that have a risk, overall and by setup', async () => {
    ok<'trades:create'>(await handlers['trades:create']({ accountId, ...aaplLong })); // +2.48 R, ORB
    ok<'trades:create'>(
      await handlers['trades:create']({
        accountId, ...aaplLong, exitPrice: 49.2, setup: 'orb ', // (49.2 − 50) × 100 − 2 = −82.00 -> −0.82 R
      }),
    );
    ok<'trades:create'>(await handlers['trades:create']({ accountId, ...aaplLong, stopPrice: null, setup: null })); // no R
    const summary = ok<'analytics:summary'>(await handlers['analytics:summary']({}));
    expect(summary.tradeCount).toBe(3);
    expect(summary.rTradeCount).toBe(2);
    expect(summary.avgR).toBeCloseTo((2.48 - 0.82) / 2, 10);
    expect(summary.avgWinR).toBeCloseTo(2.48, 10);
    expect(summary.avgLossR).toBeCloseTo(-0.82, 10);
    // 1/2 × 2.48 + 1/2 × (−0.82) = 0.83
    expect(summary.expectancyR).toBeCloseTo(0.83, 10);

    const bySetup = ok<'analytics:breakdown'>(await handlers['analytics:breakdown']({ dimension: 'setup' }));
    // 'ORB' and 'orb ' are one setup; the trade without a setup is its own row, last.
    expect(bySetup.map((r) => [r.label, r.tradeCount, r.winRate, r.avgR])).toEqual([
      ['ORB', 2, 0.5, expect.closeTo(0.83, 10)],
      ['(no setup)', 1, 1, null],
    ]);
  });

  it('rejects a planned risk that is not a positive amount of cents', async () => {
    const zero = await handlers['trades:create']({ accountId, ...aaplLong, plannedRiskCents: 0 });
    expect(zero).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/plannedRiskCents: must be greater than zero/) } });
    const fraction = await handlers['trades:create']({ accountId, ...aaplLong, plannedRiskCents: 12.5 });
    expect(fraction).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/plannedRiskCents/) } });
  });
});
