import { create } from 'zustand';
import type { Account, Instrument, Tag } from '../../../shared/domain/journal';
import { call, errorMessage } from '../api';

interface LookupsState {
  accounts: Account[];
  instruments: Instrument[];
  tags: Tag[];
  /** Setup names written on trades. */
  setups: string[];
  error: string | null;
  load(): Promise<void>;
}

/** Reference lists for filters and forms; reloaded whenever the journal changes. */
export const useLookupsStore = create<LookupsState>((set) => ({
  accounts: [],
  instruments: [],
  tags: [],
  setups: [],
  error: null,
  async load() {
    try {
      const [accounts, instruments, tags, setups] = await Promise.all([
        call('accounts:list', {}),
        call('instruments:list', {}),
        call('tags:list', {}),
        call('trades:setups', {}),
      ]);
      set({ accounts, instruments, tags, setups, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
