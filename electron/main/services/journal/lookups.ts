import type { Sqlite } from '../db/client';
import type { Account, Instrument, Tag } from '../../../../shared/domain/journal';

/** The small reference lists the UI needs for filters and forms. */
export function createLookups(sqlite: Sqlite) {
  const accounts = sqlite.prepare(
    `SELECT id, name, broker, currency, timezone, starting_balance_cents AS startingBalanceCents
     FROM accounts WHERE archived = 0 ORDER BY name`,
  );
  const instruments = sqlite.prepare(
    'SELECT id, symbol, asset_class AS assetClass, multiplier, tick_size AS tickSize, currency FROM instruments ORDER BY symbol',
  );
  const tags = sqlite.prepare('SELECT id, name, color FROM tags ORDER BY name');
  const counts = sqlite.prepare(
    'SELECT (SELECT COUNT(*) FROM accounts) AS accounts, (SELECT COUNT(*) FROM trades) AS trades',
  );
  return {
    accounts: () => accounts.all() as Account[],
    instruments: () => instruments.all() as Instrument[],
    tags: () => tags.all() as Tag[],
    counts: () => counts.get() as { accounts: number; trades: number },
  };
}

export type Lookups = ReturnType<typeof createLookups>;
