import { afterEach, beforeEach, expect, it } from 'vitest';
import { createJournalFixture, type JournalFixture } from './journal-fixture';
import { longestStreaks } from '../../../../electron/main/services/analytics/streaks';

let fx: JournalFixture;
beforeEach(() => (fx = createJournalFixture()));
afterEach(() => fx.close());

function journal(pattern: string): void {
  const account = fx.account({ name: 'A' });
  const other = fx.account({ name: 'B', timezone: 'Asia/Tokyo' });
  const instrument = fx.instrument('ES');
  // One trade a minute in pattern order, alternating accounts: streaks follow close time, not account.
  [...pattern].forEach((c, i) => {
    const at = new Date(Date.parse('2024-01-02T10:00:00Z') + i * 60_000).toISOString();
    fx.trade({ accountId: i % 2 ? other : account, instrumentId: instrument, openedAt: at, closedAt: at, grossPnlCents: c === 'W' ? 100 : c === 'L' ? -100 : 0 });
  });
}

it.each([
  ['WWL0LLWWW0W', 3, 2],
  ['LLLL', 0, 4],
  ['W0W0W', 1, 0],
  ['WLWLWL', 1, 1],
  ['LWWWWLLLWW', 4, 3],
])('%s -> longest win %i, loss %i', (pattern, win, loss) => {
  journal(pattern);
  expect(longestStreaks(fx.sqlite, {})).toEqual({ win, loss });
});

it('is zero for no trades', () => {
  expect(longestStreaks(fx.sqlite, {})).toEqual({ win: 0, loss: 0 });
});
