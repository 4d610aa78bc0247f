import { describe, expect, it } from 'vitest';
import { detectInstrument } from '../../../../electron/main/services/import/instrument-detect';

const plain = { fxLotSize: 1, defaultAssetClass: 'stock' as const };

describe('detectInstrument', () => {
  it.each([
    ['MNQZ5', 'MNQZ5', 'future', 2],
    ['ESH6', 'ESH6', 'future', 50],
    ['esz25', 'ESZ5', 'future', 50],
    ['MNQ 12-25', 'MNQZ5', 'future', 2],
    ['NQ 03-26', 'NQH6', 'future', 20],
    ['CL DEC25', 'CLZ5', 'future', 1000],
    ['6EH6', '6EH6', 'future', 125000],
    ['MGC', 'MGC', 'future', 10],
    ['AAPL  251017C00250000', 'AAPL251017C00250000', 'option', 100],
    ['SPY251231P00600000', 'SPY251231P00600000', 'option', 100],
    ['EURUSD', 'EURUSD', 'fx', 1],
    ['EUR/USD', 'EUR/USD', 'fx', 1],
    ['EUR.USD', 'EUR.USD', 'fx', 1],
    ['BTCUSD', 'BTCUSD', 'crypto', 1],
    ['ETH-USDT', 'ETH-USDT', 'crypto', 1],
    ['AAPL', 'AAPL', 'stock', 1],
  ] as const)('%s -> %s (%s, x%d)', (raw, symbol, assetClass, multiplier) => {
    expect(detectInstrument(raw, plain)).toMatchObject({ symbol, assetClass, multiplier, certain: true });
  });

  it('uses lots for FX when the layout says so (MetaTrader), and CFDs as the fallback class', () => {
    expect(detectInstrument('EURUSDm', { fxLotSize: 100_000, defaultAssetClass: 'cfd' })).toMatchObject({ assetClass: 'fx', multiplier: 100_000 });
    expect(detectInstrument('US30', { fxLotSize: 100_000, defaultAssetClass: 'cfd' })).toMatchObject({ assetClass: 'cfd', multiplier: 1, certain: false });
  });

  it("trusts the file's own asset class and multiplier cells (IBKR)", () => {
    expect(detectInstrument('ES', { ...plain, assetClass: 'STK' })).toMatchObject({ assetClass: 'stock', multiplier: 1 });
    expect(detectInstrument('XYZZ5', { ...plain, assetClass: 'FUT', multiplier: 10 })).toMatchObject({ symbol: 'XYZZ5', assetClass: 'future', multiplier: 10, certain: true });
    expect(detectInstrument('XYZZ5', { ...plain, assetClass: 'FUT' })).toMatchObject({ assetClass: 'future', multiplier: 1, certain: false });
    expect(detectInstrument('EUR.USD', { ...plain, assetClass: 'CASH' })).toMatchObject({ assetClass: 'fx' });
  });
});
