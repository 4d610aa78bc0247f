import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import { ImportPresetDefinitionSchema, type ImportPresetInput } from '../../../../shared/domain/import-preset';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';

const at = (iso: string) => Date.parse(iso);

describe('currencies: P&L in the quote currency, booked into the account currency at a visible rate', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  const call = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await handlers[channel](request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.data as ResponseOf<C>;
  };
  const fail = async <C extends Channel>(channel: C, request: unknown) => {
    const result = await handlers[channel](request);
    if (result.ok) throw new Error(`${channel} should have failed`);
    return result.error;
  };
  const account = (name: string, currency: string, timezone = 'UTC') => call('accounts:create', { name, currency, timezone, startingBalanceCents: 1_000_000 });
  const equity = (accountId: number) =>
    ctx.services.db.sqlite
      .prepare('SELECT day, net_pnl_cents AS net, trade_count AS n FROM daily_equity WHERE account_id = ? ORDER BY day')
      .all(accountId);

  beforeEach(() => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  it('detects quote currencies from symbols: FX pairs, exchange suffixes (pence for .L), futures roots', async () => {
    const made = async (symbol: string, assetClass?: 'fx' | 'future' | 'stock') =>
      (await call('instruments:create', { symbol, ...(assetClass ? { assetClass } : {}) })).currency;
    expect(await made('USDJPY')).toBe('JPY');
    expect(await made('EUR/GBP')).toBe('GBP');
    expect(await made('7203.T')).toBe('JPY');
    expect(await made('VOD.L')).toBe('GBp');
    expect(await made('SAP.DE')).toBe('EUR');
    expect(await made('0700.HK')).toBe('HKD');
    expect(await made('RY.TO')).toBe('CAD');
    expect(await made('BHP.AX')).toBe('AUD');
    expect(await made('ESZ5', 'future')).toBe('USD');
    expect(await made('FESXH6', 'future')).toBe('EUR');
    expect(await made('FDAXM6', 'future')).toBe('EUR');
    expect(await made('NK225MH6', 'future')).toBe('JPY');
    expect(await made('AAPL')).toBe('USD');
    // Editable, and checked.
    const nifty = await call('instruments:create', { symbol: 'NIFTY', assetClass: 'future' });
    expect(nifty.currency).toBe('INR');
    const error = await fail('instruments:update', { id: nifty.id, patch: { currency: 'rupees' } });
    expect(error.code).toBe('validation');
    expect(error.message).toContain('three-letter ISO currency code');
  });

  it('USD/JPY 100,000 bought at 150.00, sold at 151.00 in a USD account: needs a rate, then +¥100,000 = about +$662 at 151.00', async () => {
    const usd = await account('USD account', 'USD');
    const trade = await call('trades:create', {
      accountId: usd.id, symbol: 'USDJPY', direction: 'long', qty: 100_000, entryPrice: 150, exitPrice: 151,
      openedAt: at('2026-03-02T09:00:00Z'), closedAt: at('2026-03-02T15:00:00Z'), feesCents: 0,
    });
    // No rate anywhere: flagged, kept out of every money total, never a silent 1.0.
    expect(trade).toMatchObject({ status: 'needs_rate', pnlCurrency: 'JPY', quoteGrossPnlCents: 100_000 * 100, fxRate: null, fxRateSource: null, grossPnlCents: 0 });
    expect(equity(usd.id)).toEqual([]);
    expect((await call('fx:rates', {})).tradesNeedingRate).toBe(1);

    const put = await call('fx:putRate', { rate: { day: '2026-03-02', base: 'USD', quote: 'JPY', rate: 151 } });
    expect(put.tradesBooked).toBe(1);
    const booked = (await call('trades:list', { filter: {}, sort: { key: 'id', dir: 'asc' }, offset: 0, limit: 10 })).rows[0]!;
    // ¥100,000 / 151 = $662.2516... -> 66,225 cents.
    const expected = Math.round((100_000 / 151) * 100);
    expect(expected).toBe(66_225);
    expect(booked).toMatchObject({ status: 'closed', grossPnlCents: expected, netPnlCents: expected, fxRateSource: 'table', accountCurrency: 'USD' });
    expect(booked.fxRate).toBeCloseTo(1 / 151, 12);
    expect(equity(usd.id)).toEqual([{ day: '2026-03-02', net: expected, n: 1 }]);
    expect((await call('fx:rates', {})).tradesNeedingRate).toBe(0);
  });

  it('a typed rate on the trade wins over the table and stays with it through edits', async () => {
    const usd = await account('USD account', 'USD');
    await call('fx:putRate', { rate: { day: '2026-03-02', base: 'USD', quote: 'JPY', rate: 151 } });
    const trade = await call('trades:create', {
      accountId: usd.id, symbol: 'USDJPY', direction: 'short', qty: 10_000, entryPrice: 151, exitPrice: 150,
      openedAt: at('2026-03-02T09:00:00Z'), closedAt: at('2026-03-02T15:00:00Z'), feesCents: 150, fxRate: 1 / 150,
    });
    // ¥10,000 at 1/150 = $66.6666... -> 6,667 cents; net of $1.50 fees.
    expect(trade).toMatchObject({ status: 'closed', fxRateSource: 'manual', quoteGrossPnlCents: 1_000_000, grossPnlCents: 6_667, netPnlCents: 6_517 });
    const noted = await call('trades:update', { id: trade.id, patch: { notes: 'checked' } });
    expect(noted).toMatchObject({ fxRateSource: 'manual', grossPnlCents: 6_667 });
    const cleared = await call('trades:update', { id: trade.id, patch: { fxRate: null } });
    // Back to the table: ¥10,000 / 151 = $66.2251 -> 6,623 cents.
    expect(cleared).toMatchObject({ fxRateSource: 'table', grossPnlCents: Math.round((10_000 / 151) * 100) });
  });

  it('prices in pence book in pounds; an ECB reference-rate table converts yen to dollars through the euro', async () => {
    const gbp = await account('GBP account', 'GBP', 'Europe/London');
    const vod = await call('trades:create', {
      accountId: gbp.id, symbol: 'VOD.L', direction: 'long', qty: 100, entryPrice: 250, exitPrice: 262.5,
      openedAt: at('2026-03-02T09:00:00Z'), closedAt: at('2026-03-02T15:00:00Z'), feesCents: 0,
    });
    // 100 shares x 12.5p = 1,250p = £12.50 = 1,250 (pence are the pound's minor unit).
    expect(vod).toMatchObject({ status: 'closed', pnlCurrency: 'GBP', quoteGrossPnlCents: 1_250, grossPnlCents: 1_250, fxRateSource: 'same-currency' });

    const usd = await account('USD account', 'USD', 'America/New_York');
    const toyota = await call('trades:create', {
      accountId: usd.id, symbol: '7203.T', direction: 'long', qty: 100, entryPrice: 2_500, exitPrice: 2_530,
      openedAt: at('2026-03-04T01:00:00Z'), closedAt: at('2026-03-04T05:00:00Z'), feesCents: 0,
    });
    expect(toyota).toMatchObject({ status: 'needs_rate', quoteGrossPnlCents: 300_000 });
    // ECB eurofxref layout: Date, then units of each currency per 1 EUR; trailing comma, N/A cells.
    const csv = 'Date,USD,JPY,GBP,ZAR,\n2026-03-03,1.0800,162.00,0.8500,N/A,\n2026-03-02,1.0700,161.00,0.8400,N/A,\n';
    const imported = await call('fx:importRates', { text: csv, base: 'EUR', sourceName: 'ECB eurofxref-hist.csv' });
    expect(imported).toEqual({ imported: 6, skipped: 0, tradesBooked: 1 });
    const booked = (await call('trades:list', { filter: { accountIds: [usd.id] }, sort: { key: 'id', dir: 'asc' }, offset: 0, limit: 10 })).rows[0]!;
    // 05:00Z on 03-04 is midnight in New York: trading day 2026-03-04. The latest rates on or
    // before it are 03-03's: ¥3,000 x (1.08 USD per EUR) / (162 JPY per EUR) = $20.00.
    expect(booked).toMatchObject({ status: 'closed', closeDay: '2026-03-04', grossPnlCents: 2_000, fxRateSource: 'table' });
    expect(booked.fxRate).toBeCloseTo(1.08 / 162, 12);

    const bad = await fail('fx:importRates', { text: 'when,what\n1,2\n' });
    expect(bad.code).toBe('validation');
    expect(bad.message).toContain('is not one the journal reads');
    const zero = await fail('fx:putRate', { rate: { day: '2026-03-02', base: 'USD', quote: 'JPY', rate: 0 } });
    expect(zero.message).toContain('a rate must be above zero');
  });

  it('a rate older than ten days before the trade is not used: the trade waits for one', async () => {
    const usd = await account('USD account', 'USD');
    await call('fx:putRate', { rate: { day: '2026-02-01', base: 'USD', quote: 'JPY', rate: 155 } });
    const trade = await call('trades:create', {
      accountId: usd.id, symbol: 'USDJPY', direction: 'long', qty: 1_000, entryPrice: 150, exitPrice: 151,
      openedAt: at('2026-03-02T09:00:00Z'), closedAt: at('2026-03-02T15:00:00Z'), feesCents: 0,
    });
    expect(trade.status).toBe('needs_rate');
  });

  it("broker rate and broker P&L from the file; a multiplier edit recomputes only trades whose P&L came from prices", async () => {
    const usd = await account('Broker', 'USD');
    const preset: ImportPresetInput = {
      name: 'Broker file',
      kind: 'trades',
      columns: {
        tradeId: 'Id', symbol: 'Symbol', assetClass: 'Class', direction: 'Side', openedAt: 'Open', closedAt: 'Close', qty: 'Qty',
        entryPrice: 'Entry', exitPrice: 'Exit', grossPnl: 'Profit', fxRate: 'FXRateToBase',
      },
    };
    const file = join(ctx.dir, 'broker.csv');
    writeFileSync(
      file,
      [
        'Id,Symbol,Class,Side,Open,Close,Qty,Entry,Exit,Profit,FXRateToBase',
        // Broker P&L in account currency: the truth, whatever the prices say.
        '1,ESZ5,FUT,Long,2026-03-02 14:00:00,2026-03-02 15:00:00,1,6000,6010,498.00,',
        // No P&L, a broker rate: ¥50,000 x 0.0066 = $330.00.
        '2,USDJPY,CASH,Long,2026-03-02 14:00:00,2026-03-02 15:00:00,50000,150,151,,0.0066',
        // Neither: from prices.
        '3,ESZ5,FUT,Short,2026-03-02 16:00:00,2026-03-02 17:00:00,1,6010,6000,,',
      ].join('\n'),
    );
    const result = await ctx.services.imports.run({
      path: file, preset: ImportPresetDefinitionSchema.parse(preset), accountId: usd.id, onError: 'abort', instruments: {},
      newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false,
    });
    expect(result.status).toBe('committed');
    const rows = async () => (await call('trades:list', { filter: {}, sort: { key: 'id', dir: 'asc' }, offset: 0, limit: 10 })).rows;
    const [broker, rated, priced] = await rows();
    expect(broker).toMatchObject({ pnlSource: 'broker', grossPnlCents: 49_800, fxRateSource: 'same-currency' });
    expect(rated).toMatchObject({ pnlSource: 'prices', fxRateSource: 'broker', fxRate: 0.0066, grossPnlCents: 33_000, quoteGrossPnlCents: 5_000_000 });
    // 10 points x $50 = $500.
    expect(priced).toMatchObject({ pnlSource: 'prices', grossPnlCents: 50_000 });

    const es = broker!.instrumentId;
    const edit = await call('instruments:update', { id: es, patch: { multiplier: 5 } });
    expect(edit.tradesRecomputed).toBe(1);
    const after = await rows();
    expect(after[0]).toMatchObject({ grossPnlCents: 49_800, pnlSource: 'broker' });
    expect(after[2]).toMatchObject({ grossPnlCents: 5_000 });
    await call('instruments:update', { id: es, patch: { multiplier: 50 } });
    const back = await rows();
    expect(back[0]).toMatchObject({ grossPnlCents: 49_800 });
    expect(back[2]).toMatchObject({ grossPnlCents: 50_000 });
    expect(equity(usd.id)).toEqual([{ day: '2026-03-02', net: 49_800 + 33_000 + 50_000, n: 3 }]);
  });
});

describe('an account with booked trades keeps its currency', () => {
  it('refuses to relabel booked amounts into another currency', async () => {
    const ctx = createTestServices();
    try {
      const handlers = createHandlers(ctx.services);
      const created = await handlers['accounts:create']({ name: 'Main', currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 });
      if (!created.ok) throw new Error(created.error.message);
      // Without trades the currency is free to change.
      expect(await handlers['accounts:update']({ id: created.data.id, patch: { currency: 'EUR' } })).toMatchObject({ ok: true, data: { currency: 'EUR' } });
      await handlers['trades:create']({
        accountId: created.data.id, symbol: 'SAP.DE', direction: 'long', qty: 10, entryPrice: 200, exitPrice: 210,
        openedAt: Date.parse('2026-03-02T09:00:00Z'), closedAt: Date.parse('2026-03-02T15:00:00Z'), feesCents: 0,
      });
      const refused = await handlers['accounts:update']({ id: created.data.id, patch: { currency: 'USD' } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(!refused.ok && refused.error.message).toBe(
        'Main has 1 closed trade(s) booked in EUR; changing its currency to USD would relabel their amounts without converting them. Create a new USD account instead.',
      );
    } finally {
      await ctx.cleanup();
    }
  });
});
