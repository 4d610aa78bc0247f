import type { Sqlite } from '../db/client';
import { isValidTimeZone } from '../../../../shared/domain/day';

/**
 * The time zone a user last chose for a file's times, per layout and per account: a broker's
 * files keep their zone from one export to the next, so the second import needs no choice.
 */
export function createZoneMemory(sqlite: Sqlite, now: () => number) {
  const get = sqlite.prepare('SELECT zone FROM import_zones WHERE scope = ?').pluck();
  const put = sqlite.prepare(
    `INSERT INTO import_zones (scope, zone, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (scope) DO UPDATE SET zone = excluded.zone, updated_at = excluded.updated_at`,
  );
  const read = (scope: string): string | null => {
    const zone = get.get(scope) as string | undefined;
    // A zone the runtime no longer knows (ICU update) is forgotten rather than failing the import.
    return zone !== undefined && isValidTimeZone(zone) ? zone : null;
  };
  return {
    forPreset: (presetKey: string): string | null => read(`preset:${presetKey}`),
    forAccount: (accountId: number): string | null => read(`account:${accountId}`),
    remember(zone: string, presetKey: string | null, accountIds: readonly number[]): void {
      const at = now();
      if (presetKey !== null) put.run(`preset:${presetKey}`, zone, at);
      for (const id of accountIds) put.run(`account:${id}`, zone, at);
    },
  };
}

export type ZoneMemory = ReturnType<typeof createZoneMemory>;
