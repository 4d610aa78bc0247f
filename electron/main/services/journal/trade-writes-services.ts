import type { Sqlite } from '../db/client';
import type { EventBus } from '../event-bus';
import { createAccounts, type Accounts } from './accounts';
import { createInstruments, type Instruments } from './instruments';
import { createTags, type Tags } from './tags';
import { createTradeWrites, type TradeWrites } from './trade-writes';
import { createFxRates, type FxRates } from '../fx/fx-rates';

/** Every write to the journal's own data (trades and their reference data). */
export interface JournalWrites {
  trades: TradeWrites;
  tags: Tags;
  accounts: Accounts;
  instruments: Instruments;
  fxRates: FxRates;
}

export function createJournalWrites(deps: { sqlite: Sqlite; events: EventBus; now: () => number }): JournalWrites {
  const fxRates = createFxRates(deps.sqlite);
  const instruments = createInstruments({ ...deps, fxRates });
  return {
    trades: createTradeWrites({ ...deps, instruments, fxRates }),
    tags: createTags(deps),
    accounts: createAccounts(deps),
    instruments,
    fxRates,
  };
}
