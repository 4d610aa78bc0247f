import { expect } from 'vitest';
import type { Sqlite } from '../../electron/main/services/db/client';

/**
 * Both per-key count tables as stored next to a fresh GROUP BY over trades and trade_tags.
 * Compared in full, zero rows and duplicate keys included: the triggers must delete a
 * key's row when it reaches zero and never add a second row for a key.
 */
export function filterCountsInStep(sqlite: Sqlite): {
  stored: { trades: unknown[]; tags: unknown[] };
  expected: { trades: unknown[]; tags: unknown[] };
} {
  const rows = (sql: string) => sqlite.prepare(sql).raw(true).all();
  return {
    stored: {
      trades: rows('SELECT account_id, close_day, instrument_id, direction, status, trades FROM trade_filter_counts ORDER BY 1, 2, 3, 4, 5, 6'),
      tags: rows(
        'SELECT tag_id, account_id, close_day, instrument_id, direction, status, trades FROM trade_tag_filter_counts ORDER BY 1, 2, 3, 4, 5, 6, 7',
      ),
    },
    expected: {
      trades: rows(
        `SELECT account_id, close_day, instrument_id, direction, status, COUNT(*) FROM trades
         GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5, 6`,
      ),
      tags: rows(
        `SELECT tt.tag_id, t.account_id, t.close_day, t.instrument_id, t.direction, t.status, COUNT(*)
         FROM trade_tags tt JOIN trades t ON t.id = tt.trade_id GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      ),
    },
  };
}

/** Fails the test unless both count tables equal a recompute from the trades. */
export function expectFilterCountsExact(sqlite: Sqlite, label?: string): void {
  const { stored, expected } = filterCountsInStep(sqlite);
  expect(stored.trades, label).toEqual(expected.trades);
  expect(stored.tags, label).toEqual(expected.tags);
}
