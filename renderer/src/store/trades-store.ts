import { create } from 'zustand';
import type { TradeFilter, TradeRow, TradeSort } from '../../../shared/domain/trade';
import { call, errorMessage } from '../api';

export const PAGE_SIZE = 100;

interface TradesState {
  filter: TradeFilter;
  sort: TradeSort;
  offset: number;
  rows: TradeRow[];
  total: number;
  loading: boolean;
  error: string | null;
  /** Guards against a slow older response overwriting a newer one. */
  requestSeq: number;
  setFilter(patch: Partial<TradeFilter>): Promise<void>;
  clearFilter(): Promise<void>;
  setSort(sort: TradeSort): Promise<void>;
  goTo(offset: number): Promise<void>;
  reload(): Promise<void>;
}

function withoutEmpty(filter: TradeFilter): TradeFilter {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    clean[key] = value;
  }
  return clean as TradeFilter;
}

export const useTradesStore = create<TradesState>((set, get) => ({
  filter: {},
  sort: { key: 'closedAt', dir: 'desc' },
  offset: 0,
  rows: [],
  total: 0,
  loading: false,
  error: null,
  requestSeq: 0,
  async reload() {
    const seq = get().requestSeq + 1;
    set({ loading: true, requestSeq: seq });
    const { filter, sort, offset } = get();
    try {
      const page = await call('trades:list', { filter: withoutEmpty(filter), sort, offset, limit: PAGE_SIZE });
      if (get().requestSeq !== seq) return;
      set({ rows: page.rows, total: page.total, error: null, loading: false });
    } catch (error) {
      if (get().requestSeq !== seq) return;
      set({ error: errorMessage(error), loading: false });
    }
  },
  async setFilter(patch) {
    set({ filter: withoutEmpty({ ...get().filter, ...patch }), offset: 0 });
    await get().reload();
  },
  async clearFilter() {
    set({ filter: {}, offset: 0 });
    await get().reload();
  },
  async setSort(sort) {
    set({ sort, offset: 0 });
    await get().reload();
  },
  async goTo(offset) {
    set({ offset: Math.max(0, offset) });
    await get().reload();
  },
}));
