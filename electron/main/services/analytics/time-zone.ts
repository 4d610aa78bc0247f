import type { Sqlite } from '../db/client';

/**
 * The zone for "today" when figures span all accounts: the accounts' common zone, or UTC
 * when they differ (each trade still counts on its own account's trading day).
 */
export function journalTimeZone(sqlite: Sqlite): string {
  const zones = sqlite.prepare('SELECT DISTINCT timezone AS tz FROM accounts LIMIT 2').all() as { tz: string }[];
  return zones.length === 1 && zones[0] ? zones[0].tz : 'UTC';
}
