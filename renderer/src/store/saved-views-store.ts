import { create } from 'zustand';
import { TradeFilterSchema, TradeSortSchema, type TradeFilter, type TradeSort } from '../../../shared/domain/trade';

const STORAGE_KEY = 'spark.tradeViews';

export interface SavedView {
  name: string;
  filter: TradeFilter;
  sort: TradeSort;
}

/** Stored views that still parse (an older or damaged entry is dropped, not trusted). */
function stored(): SavedView[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((v: unknown) => {
      if (typeof v !== 'object' || v === null) return [];
      const { name, filter, sort } = v as Record<string, unknown>;
      const f = TradeFilterSchema.safeParse(filter);
      const s = TradeSortSchema.safeParse(sort);
      return typeof name === 'string' && name && f.success && s.success ? [{ name, filter: f.data, sort: s.data }] : [];
    });
  } catch {
    return [];
  }
}

interface SavedViewsState {
  views: SavedView[];
  /** Saves (or replaces, by name) a view. */
  save(view: SavedView): void;
  remove(name: string): SavedView | undefined;
}

/** Named filter + order combinations of the Trades page, remembered on this computer. */
export const useSavedViewsStore = create<SavedViewsState>((set, get) => {
  const persist = (views: SavedView[]) => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(views));
    set({ views });
  };
  return {
    views: stored(),
    save(view) {
      const others = get().views.filter((v) => v.name !== view.name);
      persist([...others, view].sort((a, b) => a.name.localeCompare(b.name)));
    },
    remove(name) {
      const gone = get().views.find((v) => v.name === name);
      persist(get().views.filter((v) => v.name !== name));
      return gone;
    },
  };
});
