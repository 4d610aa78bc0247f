import { describe, expect, it } from 'vitest';
import { groupRoundTrips, type FillPortion } from '../../../../electron/main/services/import/round-trips';

let t = 0;
const fill = (side: 'B' | 'S', qty: number, price: number, feesCents = 0): FillPortion => ({
  key: `k${t}`,
  side: side === 'B' ? 1 : -1,
  qty,
  price,
  executedAt: (t += 1000),
  feesCents,
});
const summary = (fills: FillPortion[]) =>
  groupRoundTrips(fills).map((r) => ({
    direction: r.direction,
    qty: r.qty,
    entry: r.entryPrice,
    exit: r.exitPrice,
    points: Math.round(r.grossPoints * 1e6) / 1e6,
    fees: r.feesCents,
    portions: r.portions.map((p) => [p.side, p.qty, p.feesCents]),
  }));

describe('groupRoundTrips (FIFO, flat to flat)', () => {
  it('one buy and one sell is one long trade', () => {
    expect(summary([fill('B', 2, 100, 10), fill('S', 2, 103, 10)])).toEqual([
      { direction: 'long', qty: 2, entry: 100, exit: 103, points: 6, fees: 20, portions: [[1, 2, 10], [-1, 2, 10]] },
    ]);
  });

  it('scaling in and out stays one trade with averaged prices and summed fees', () => {
    expect(summary([fill('B', 1, 100, 5), fill('B', 2, 97, 5), fill('S', 2, 101, 5), fill('S', 1, 104, 5)])).toEqual([
      { direction: 'long', qty: 3, entry: 98, exit: 102, points: 12, fees: 20, portions: expect.any(Array) },
    ]);
  });

  it('partial fills of a short', () => {
    expect(summary([fill('S', 0.5, 50), fill('S', 0.25, 51), fill('B', 0.75, 49)])[0]).toMatchObject({
      direction: 'short',
      qty: 0.75,
      points: 1,
    });
  });

  it('a fill through flat closes the trade and opens the opposite one, its fee split by quantity', () => {
    expect(summary([fill('B', 2, 100, 4), fill('S', 5, 102, 10), fill('B', 3, 101, 6)])).toEqual([
      { direction: 'long', qty: 2, entry: 100, exit: 102, points: 4, fees: 8, portions: [[1, 2, 4], [-1, 2, 4]] },
      { direction: 'short', qty: 3, entry: 102, exit: 101, points: 3, fees: 12, portions: [[-1, 3, 6], [1, 3, 6]] },
    ]);
  });

  it('two round trips back to back stay two; a position left open is an open trade', () => {
    const trips = summary([fill('B', 1, 10), fill('S', 1, 11), fill('B', 1, 10), fill('S', 1, 12), fill('S', 2, 13), fill('B', 1, 12)]);
    expect(trips.map((r) => [r.direction, r.exit, r.points])).toEqual([
      ['long', 11, 1],
      ['long', 12, 2],
      ['short', null, 0],
    ]);
  });

  it('float quantities (crypto, FX units) net to flat without dust trades', () => {
    const trips = summary([fill('B', 0.1, 100), fill('B', 0.2, 100), fill('S', 0.3, 110)]);
    expect(trips).toHaveLength(1);
    expect(trips[0]!.exit).toBe(110);
  });
});
