import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import type { Channel, ResponseOf } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/errors';

function ok<C extends Channel>(result: IpcResult<ResponseOf<C>>): ResponseOf<C> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}
const at = (iso: string) => Date.parse(iso);
const unix = (iso: string) => at(iso) / 1000;

// One-minute ES bars as TradingView exports them (bar open time in unix seconds).
const TRADINGVIEW = [
  'time,open,high,low,close,Volume',
  `${unix('2025-10-15T14:29:00Z')},6000,6001,5999,6000,10`,
  `${unix('2025-10-15T14:30:00Z')},6000,6002,5998,6001,12`,
  `${unix('2025-10-15T14:31:00Z')},6001,6003,5997.5,6002,30`,
  `${unix('2025-10-15T14:32:00Z')},6002,6006,6000,6005,25`,
  `${unix('2025-10-15T14:33:00Z')},6005,6007.25,6003,6004,18`,
  `${unix('2025-10-15T14:34:00Z')},6004,6005,6002,6003,9`,
  `${unix('2025-10-15T14:35:00Z')},6003,6010,6001,6009,40`,
].join('\n');

describe('price bars, the trade chart and MAE/MFE through the handlers', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  let accountId: number;

  beforeEach(() => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
    accountId = ctx.services.journal.accounts.create({ name: 'Main', broker: null, currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  const esTrade = async (direction: 'long' | 'short', exitPrice: number, stopPrice: number) =>
    ok<'trades:create'>(
      await handlers['trades:create']({
        accountId, symbol: 'ESZ5', direction, openedAt: at('2025-10-15T14:31:30Z'), closedAt: at('2025-10-15T14:34:10Z'),
        qty: 2, entryPrice: 6000, exitPrice, stopPrice,
      }),
    );

  it('imports TradingView bars and measures MAE and MFE over the bars covering the holding period', async () => {
    const imported = ok<'bars:import'>(await handlers['bars:import']({ symbol: 'esz5', barSeconds: 60, timeZone: 'UTC', csvText: TRADINGVIEW }));
    expect(imported).toMatchObject({ symbol: 'ESZ5', imported: 7, skippedCount: 0, firstTime: at('2025-10-15T14:29:00Z'), lastTime: at('2025-10-15T14:35:00Z') });

    // Long 2 ES at 6000, stop 5995: risk 5 × 2 × 50 = 500.00. The bars from 14:31 to 14:34 overlap
    // the trade (14:31:30-14:34:10): lowest low 5997.50, highest high 6007.25.
    const long = await esTrade('long', 6004, 5995);
    const chart = ok<'bars:forTrade'>(await handlers['bars:forTrade']({ tradeId: long.id }));
    expect(chart.barSeconds).toBe(60);
    expect(chart.bars.map((b) => b.time)).toEqual(TRADINGVIEW.split('\n').slice(1).map((l) => Number(l.split(',')[0]) * 1000));
    expect(chart.markers).toEqual([
      { time: at('2025-10-15T14:31:30Z'), side: 'buy', price: 6000, label: 'Entry 6000' },
      { time: at('2025-10-15T14:34:10Z'), side: 'sell', price: 6004, label: 'Exit 6004' },
    ]);
    // MAE (5997.50 − 6000) × 2 × 50 = −250.00 = −0.5 R; MFE (6007.25 − 6000) × 2 × 50 = 725.00 = 1.45 R.
    expect(chart.excursions).toEqual({ maePrice: 5997.5, mfePrice: 6007.25, maeCents: -25_000, mfeCents: 72_500, maeR: -0.5, mfeR: 1.45, barsCovering: 4 });

    // Short the same: adverse is up (6007.25: −725.00), favourable down (5997.50: +250.00); stop 6010 risks 1000.00.
    const short = await esTrade('short', 6003, 6010);
    const shortChart = ok<'bars:forTrade'>(await handlers['bars:forTrade']({ tradeId: short.id }));
    expect(shortChart.excursions).toEqual({ maePrice: 6007.25, mfePrice: 5997.5, maeCents: -72_500, mfeCents: 25_000, maeR: -0.73, mfeR: 0.25, barsCovering: 4 });
    expect(shortChart.markers.map((m) => m.side)).toEqual(['sell', 'buy']);

    // Re-importing the same file replaces bars, it does not double them.
    ok<'bars:import'>(await handlers['bars:import']({ symbol: 'ESZ5', barSeconds: 60, timeZone: 'UTC', csvText: TRADINGVIEW }));
    expect(ok<'bars:list'>(await handlers['bars:list']({}))).toEqual([
      { instrumentId: long.instrumentId, symbol: 'ESZ5', barSeconds: 60, count: 7, firstTime: at('2025-10-15T14:29:00Z'), lastTime: at('2025-10-15T14:35:00Z') },
    ]);
  });

  it('says so when no bars cover a trade, and keeps MAE/MFE for closed trades', async () => {
    const long = await esTrade('long', 6004, 5995);
    expect(ok<'bars:forTrade'>(await handlers['bars:forTrade']({ tradeId: long.id }))).toMatchObject({
      barSeconds: null, bars: [], excursions: null, note: expect.stringMatching(/^No price bars cover this trade/),
    });
    expect(await handlers['bars:forTrade']({ tradeId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reads NinjaTrader (end-of-bar, semicolons, no header) and MetaTrader 4 (date, time, in the chosen zone) layouts', async () => {
    const ninja = ['20251015 143100;6000;6001;5999;6000;10', '20251015 143200;6000;6002;5998;6001;12'].join('\r\n');
    const nt = ok<'bars:import'>(await handlers['bars:import']({ symbol: 'ESZ5', barSeconds: 60, timeZone: 'UTC', timeMarks: 'end', csvText: ninja }));
    expect(nt).toMatchObject({ imported: 2, firstTime: at('2025-10-15T14:30:00Z'), lastTime: at('2025-10-15T14:31:00Z'), layout: expect.stringMatching(/NinjaTrader/) });

    const mt4 = ['2025.10.15,10:31,1.1601,1.1605,1.1600,1.1604,55', '2025.10.15,10:32,1.1604,1.1606,1.1602,1.1603,40', 'garbage,row'].join('\n');
    const mt = ok<'bars:import'>(await handlers['bars:import']({ symbol: 'EURUSD', barSeconds: 60, timeZone: 'America/New_York', csvText: mt4 }));
    // 10:31 in New York on 15 October (EDT, UTC−4) is 14:31 UTC.
    expect(mt).toMatchObject({ imported: 2, firstTime: at('2025-10-15T14:31:00Z'), skippedCount: 1, skipped: [{ line: 3, reason: expect.stringMatching(/time “garbage row” is not a date/) }] });

    const mt5 = ['<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>', '2025.10.15\t14:31:00\t1.1601\t1.1605\t1.1600\t1.1604\t55'].join('\n');
    expect(ok<'bars:import'>(await handlers['bars:import']({ symbol: 'EURUSD', barSeconds: 300, timeZone: 'UTC', csvText: mt5 }))).toMatchObject({ imported: 1, firstTime: at('2025-10-15T14:31:00Z') });
  });

  it('refuses what is not a bar file with a specific message', async () => {
    expect(await handlers['bars:import']({ symbol: 'ESZ5', barSeconds: 60, timeZone: 'UTC', csvText: 'name,age\nbob,4' })).toMatchObject({
      ok: false, error: { code: 'validation', message: expect.stringMatching(/does not look like a bar file/) },
    });
    expect(await handlers['bars:import']({ symbol: 'ESZ5', barSeconds: 60, timeZone: 'UTC', csvText: 'time,open,high,low,close\n1760538660,6000,5990,5999,6000' })).toMatchObject({
      ok: false, error: { code: 'validation', message: expect.stringMatching(/holds no bar .*high 5990 and low 5999 do not contain/) },
    });
    expect(await handlers['bars:import']({ symbol: 'ESZ5', barSeconds: 61, timeZone: 'UTC', csvText: 'x' })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/barSeconds: must be one of/) } });
    expect(await handlers['bars:import']({ symbol: 'ESZ5', barSeconds: 60, timeZone: 'Mars/Olympus', csvText: 'x' })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/timeZone: is not an IANA time zone/) } });
  });
});
