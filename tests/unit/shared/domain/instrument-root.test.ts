import { describe, expect, it } from 'vitest';
import { instrumentRoot, tickDecimals } from '../../../../shared/domain/instrument-root';

describe('instrumentRoot', () => {
  it('groups futures contracts under their root and leaves other symbols whole', () => {
    expect(instrumentRoot('ESZ5', 'future')).toBe('ES');
    expect(instrumentRoot('NQH25', 'future')).toBe('NQ');
    expect(instrumentRoot('6EM24', 'future')).toBe('6E');
    expect(instrumentRoot('MNQ 12-25', 'future')).toBe('MNQ');
    expect(instrumentRoot('ES', 'future')).toBe('ES');
    expect(instrumentRoot('SPY 0DTE C', 'option')).toBe('SPY');
    // A stock whose name happens to end like a contract code stays whole.
    expect(instrumentRoot('AMZ5', 'stock')).toBe('AMZ5');
  });
});

describe('tickDecimals', () => {
  it('gives the decimals of a tick size, and nothing when it is unknown', () => {
    expect(tickDecimals(0.25)).toBe(2);
    expect(tickDecimals(0.00001)).toBe(5);
    expect(tickDecimals(1)).toBe(0);
    expect(tickDecimals(0.5)).toBe(1);
    expect(tickDecimals(null)).toBeUndefined();
    expect(tickDecimals(0)).toBeUndefined();
    expect(tickDecimals(undefined)).toBeUndefined();
  });
});
