import { expect } from 'vitest';
import type { Sqlite } from '../../electron/main/services/db/client';
import { rebuildAnalyticsDayFacts } from '../../electron/main/services/analytics/day-facts-maintenance';

const FACTS = 'SELECT * FROM analytics_day_facts ORDER BY dim, key, setup, account_id, day';
const UTC = 'SELECT * FROM analytics_utc_days ORDER BY utc_day';

/**
 * The analytics day facts as stored next to a recompute from scratch (rebuilt inside a
 * savepoint that is rolled back, so the journal is left as it was). Compared in full:
 * a day whose last trade went must lose its rows, and no key may get a second row.
 */
export function dayFactsInStep(sqlite: Sqlite): { stored: unknown[][]; expected: unknown[][] } {
  const read = () => [sqlite.prepare(FACTS).raw(true).all(), sqlite.prepare(UTC).raw(true).all()];
  const stored = read();
  sqlite.exec('SAVEPOINT day_facts_check');
  try {
    rebuildAnalyticsDayFacts(sqlite);
    return { stored, expected: read() };
  } finally {
    sqlite.exec('ROLLBACK TO day_facts_check; RELEASE day_facts_check');
  }
}

/** Fails the test unless the analytics day facts equal a recompute from the trades. */
export function expectDayFactsExact(sqlite: Sqlite, label?: string): void {
  const { stored, expected } = dayFactsInStep(sqlite);
  expect(stored, label).toEqual(expected);
}
