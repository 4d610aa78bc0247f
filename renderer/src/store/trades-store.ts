import { create } from 'zustand';
import { cursorOf, type TradeFilter, type TradeRow, type TradeSort, type TradeSummary } from '../../../shared/domain/trade';
import { call, errorMessage } from '../api';

/** Rows fetched per request while scrolling (the server caps a page at 500). */
export const PAGE_SIZE = 200;
/** Pages kept in memory; the ones farthest from the viewport are dropped first. */
const MAX_CACHED_PAGES = 40;

interface TradesState {
  filter: TradeFilter;
  sort: TradeSort;
  total: number;
  /** Fetched pages by page index; a missing page is fetched when it scrolls into view. */
  pages: ReadonlyMap<number, TradeRow[]>;
  /** Bumped by every filter/sort/reload/refresh so late answers for an older state are dropped. */
  generation: number;
  /** Bumped only when the query itself changes (filter, sort, reload): the table goes back to the top. */
  queryId: number;
  inFlight: ReadonlySet<number>;
  /** True until the first page of the current query arrives. */
  loading: boolean;
  error: string | null;
  /** Figures for the whole filter (not just the rows on screen); null while they load. */
  summary: TradeSummary | null;
  summaryError: string | null;
  /** The filter the summary on hand describes (a sort change keeps it). */
  summaryFilter: string;
  /** Replaces the whole filter (a saved view). */
  applyFilter(filter: TradeFilter): Promise<void>;
  /** The trade open in the detail panel; kept even when its row scrolls or sorts out of the cached pages. */
  selected: TradeRow | null;
  /** Where the selected trade sits in the current filter and order; null when not known (e.g. a new trade). */
  selectedIndex: number | null;
  setFilter(patch: Partial<TradeFilter>): Promise<void>;
  clearFilter(): Promise<void>;
  setSort(sort: TradeSort): Promise<void>;
  reload(): Promise<void>;
  /** Refetches the pages on hand after the journal changed, keeping the scroll position. */
  refresh(): Promise<void>;
  /** Puts a trade the server just returned in place of its row. */
  replaceRow(row: TradeRow): void;
  /** Makes sure the rows [first, last] are loaded or on their way. */
  ensureRange(first: number, last: number): void;
  select(row: TradeRow | null, index?: number | null): void;
  /** Opens the previous (-1) or next (+1) trade of the current filter and order; false at either end. */
  step(delta: -1 | 1): Promise<boolean>;
  rowAt(index: number): TradeRow | undefined;
}

function withoutEmpty(filter: TradeFilter): TradeFilter {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    clean[key] = value;
  }
  return clean as TradeFilter;
}

export const useTradesStore = create<TradesState>((set, get) => {
  const fetchPage = async (page: number, generation: number, keyset = true) => {
    const { filter, sort } = get();
    set({ inFlight: new Set(get().inFlight).add(page) });
    // Scrolling on from the page above: start right after its last row (keyset), which costs
    // the server the same at row 500,000 as at row 0. A jump has no neighbour and skips rows.
    const above = keyset ? get().pages.get(page - 1) : undefined;
    const last = above?.length === PAGE_SIZE ? above[PAGE_SIZE - 1] : undefined;
    try {
      const result = await call('trades:list', {
        filter,
        sort,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        ...(last ? { after: cursorOf(last, sort.key) } : {}),
      });
      if (get().generation !== generation) return;
      const pages = new Map(get().pages);
      pages.set(page, result.rows);
      if (pages.size > MAX_CACHED_PAGES) {
        const far = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
        for (const key of far.slice(0, pages.size - MAX_CACHED_PAGES)) pages.delete(key);
      }
      set({ pages, total: result.total, loading: false, error: null });
    } catch (error) {
      if (get().generation !== generation) return;
      set({ error: errorMessage(error), loading: false });
    } finally {
      if (get().generation === generation) {
        const inFlight = new Set(get().inFlight);
        inFlight.delete(page);
        set({ inFlight });
      }
    }
  };

  const loadSummary = async (generation: number) => {
    try {
      const summary = await call('trades:summary', { filter: get().filter });
      if (get().generation === generation) set({ summary, summaryError: null });
    } catch (error) {
      if (get().generation === generation) set({ summaryError: errorMessage(error) });
    }
  };

  return {
    filter: {},
    summary: null,
    summaryError: null,
    summaryFilter: '',
    sort: { key: 'closedAt', dir: 'desc' },
    total: 0,
    pages: new Map(),
    generation: 0,
    queryId: 0,
    inFlight: new Set(),
    loading: false,
    error: null,
    selected: null,
    selectedIndex: null,
    async reload() {
      const generation = get().generation + 1;
      const keepSummary = get().summary !== null && get().summaryFilter === JSON.stringify(get().filter);
      set({
        generation,
        queryId: get().queryId + 1,
        pages: new Map(),
        inFlight: new Set(),
        loading: true,
        ...(keepSummary ? {} : { summary: null, summaryFilter: JSON.stringify(get().filter) }),
      });
      await Promise.all([fetchPage(0, generation), keepSummary ? Promise.resolve() : loadSummary(generation)]);
    },
    async refresh() {
      const generation = get().generation + 1;
      const cached = [...get().pages.keys()];
      set({ generation, inFlight: new Set() });
      if (cached.length === 0) cached.push(0);
      // Offsets, not keysets: the pages on hand may describe the journal before the change.
      await Promise.all([...cached.map((page) => fetchPage(page, generation, false)), loadSummary(generation)]);
    },
    replaceRow(row) {
      const pages = new Map(get().pages);
      for (const [index, rows] of pages) {
        const at = rows.findIndex((r) => r.id === row.id);
        if (at !== -1) {
          const next = rows.slice();
          next[at] = row;
          pages.set(index, next);
        }
      }
      set({ pages, selected: get().selected?.id === row.id ? row : get().selected });
    },
    ensureRange(first, last) {
      const { generation, pages, inFlight, total, loading } = get();
      if (loading || total === 0) return;
      const lastIndex = Math.min(last, total - 1);
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(lastIndex / PAGE_SIZE); page++) {
        if (!pages.has(page) && !inFlight.has(page)) void fetchPage(page, generation);
      }
    },
    rowAt(index) {
      return get().pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
    },
    select(row, index = null) {
      set({ selected: row, selectedIndex: row === null ? null : index });
    },
    async step(delta) {
      const { selected, total } = get();
      if (!selected) return false;
      let index = get().selectedIndex;
      if (index === null) {
        // Not opened from the table (e.g. just added): find it among the rows on hand.
        for (const [page, rows] of get().pages) {
          const at = rows.findIndex((r) => r.id === selected.id);
          if (at !== -1) index = page * PAGE_SIZE + at;
        }
        if (index === null) return false;
      }
      const target = index + delta;
      if (target < 0 || target >= total) return false;
      const page = Math.floor(target / PAGE_SIZE);
      if (!get().pages.has(page)) await fetchPage(page, get().generation);
      const row = get().rowAt(target);
      if (!row) return false;
      set({ selected: row, selectedIndex: target });
      return true;
    },
    async setFilter(patch) {
      set({ filter: withoutEmpty({ ...get().filter, ...patch }) });
      await get().reload();
    },
    async applyFilter(filter) {
      set({ filter: withoutEmpty(filter) });
      await get().reload();
    },
    async clearFilter() {
      set({ filter: {} });
      await get().reload();
    },
    async setSort(sort) {
      set({ sort });
      await get().reload();
    },
  };
});
