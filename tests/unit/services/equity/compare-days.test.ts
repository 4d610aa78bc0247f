import { describe, expect, it } from 'vitest';
import { compareDays, toDiscrepancies } from '../../../../electron/main/services/equity/validate';
import type { DayTotalsRow } from '../../../../electron/main/services/equity/day-totals-sql';
import type { StoredDayRow } from '../../../../electron/main/services/equity/stored-days-sql';

// Account 1 starts at 1,000.00: +50, -80 (drawdown below the start), +100 (new peak).
const totals: DayTotalsRow[] = [
  [1, '2024-01-03', 10_100, 100, 10_000, 1, 1],
  [1, '2024-01-01', 5_100, 100, 5_000, 2, 1],
  [2, '2024-01-01', -300, 0, -300, 1, 0],
  [1, '2024-01-02', -7_900, 100, -8_000, 1, 0],
];
const stored: StoredDayRow[] = [
  [1, '2024-01-01', 5_100, 100, 5_000, 2, 1, 105_000, 105_000, 0],
  [1, '2024-01-02', -7_900, 100, -8_000, 1, 0, 97_000, 105_000, 8_000],
  [1, '2024-01-03', 10_100, 100, 10_000, 1, 1, 107_000, 107_000, 0],
  [2, '2024-01-01', -300, 0, -300, 1, 0, 49_700, 50_000, 300],
];
const balances = new Map([[1, 100_000], [2, 50_000]]);

describe('compareDays', () => {
  it('derives running equity, peak (from the starting balance) and drawdown, whatever order the totals come in', () => {
    expect(compareDays(totals, stored, balances)).toEqual({ daysChecked: 4, mismatches: [] });
    expect(compareDays([...totals].reverse(), stored, balances)).toEqual({ daysChecked: 4, mismatches: [] });
  });

  it('reports a changed value, a missing day and an extra day, each once', () => {
    const corrupted: StoredDayRow[] = [
      stored[0]!,
      // 2024-01-02 missing, 2024-01-03 has a stale peak, and an extra day on account 2.
      [1, '2024-01-03', 10_100, 100, 10_000, 1, 1, 107_000, 106_999, 0],
      stored[3]!,
      [2, '2024-01-05', 0, 0, 700, 1, 1, 50_400, 50_400, 0],
    ];
    const result = compareDays(totals, corrupted, balances);
    expect(result.daysChecked).toBe(5);
    expect(toDiscrepancies(result.mismatches)).toEqual([
      { accountId: 1, day: '2024-01-02', field: 'day_missing', stored: null, expected: -8_000, difference: -8_000 },
      { accountId: 1, day: '2024-01-03', field: 'peak_equity_cents', stored: 106_999, expected: 107_000, difference: 1 },
      { accountId: 2, day: '2024-01-05', field: 'day_unexpected', stored: 700, expected: null, difference: -700 },
    ]);
  });

  it('a starting balance change moves every stored day of that account', () => {
    const result = compareDays(totals, stored, new Map([[1, 100_001], [2, 50_000]]));
    expect(result.mismatches.map(([accountId, day]) => `${accountId}/${day}`)).toEqual(['1/2024-01-01', '1/2024-01-02', '1/2024-01-03']);
  });
});
