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

it('agrees with the set-based SQL definition on a demo journal, filtered or not', async () => {
  const { loadDemoJournal } = await import('../../../../electron/main/services/demo/load-demo');
  loadDemoJournal(fx.sqlite, { trades: 4000, seed: 7, now: Date.UTC(2025, 0, 31) });
  // Gaps and islands: within a run of wins, position - wins so far is constant.
  const oracle = (where: string, params: unknown[]) => {
    const rows = fx.sqlite
      .prepare(
        `WITH x AS (
           SELECT sign(t.net_pnl_cents) AS s, ROW_NUMBER() OVER w AS rn,
                  SUM(t.net_pnl_cents > 0) OVER w AS cw, SUM(t.net_pnl_cents < 0) OVER w AS cl
           FROM trades t WHERE t.status = 'closed' AND t.close_day IS NOT NULL AND ${where}
           WINDOW w AS (ORDER BY t.closed_at, t.id ROWS UNBOUNDED PRECEDING))
         SELECT s AS sign, MAX(n) AS longest FROM (
           SELECT s, COUNT(*) AS n FROM x WHERE s <> 0 GROUP BY s, CASE WHEN s > 0 THEN rn - cw ELSE rn - cl END)
         GROUP BY s`,
      )
      .all(...params) as { sign: number; longest: number }[];
    return { win: rows.find((r) => r.sign === 1)?.longest ?? 0, loss: rows.find((r) => r.sign === -1)?.longest ?? 0 };
  };
  const all = longestStreaks(fx.sqlite, {});
  expect(all).toEqual(oracle('1', []));
  expect(all.win).toBeGreaterThan(1);
  const account = (fx.sqlite.prepare('SELECT MIN(id) FROM accounts').pluck().get() as number);
  expect(longestStreaks(fx.sqlite, { accountIds: [account], direction: 'short' })).toEqual(oracle("t.account_id = ? AND t.direction = 'short'", [account]));
});
