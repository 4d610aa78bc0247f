import { create } from 'zustand';
import { DEFAULT_TRADE_COLUMNS, TRADE_COLUMNS } from '../components/trade-columns';

const STORAGE_KEY = 'spark.tradeColumns';

function initial(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (Array.isArray(stored)) {
      const known = stored.filter((id): id is string => typeof id === 'string' && TRADE_COLUMNS.some((c) => c.id === id));
      if (known.length > 0) return known;
    }
  } catch {
    // A damaged stored choice just falls back to the defaults.
  }
  return DEFAULT_TRADE_COLUMNS;
}

interface TradeColumnsState {
  visible: string[];
  toggle(id: string): void;
  reset(): void;
}

/** Which Trades columns show; remembered on this computer. */
export const useTradeColumnsStore = create<TradeColumnsState>((set, get) => ({
  visible: initial(),
  toggle(id) {
    const current = get().visible;
    const next = current.includes(id)
      ? current.filter((c) => c !== id)
      : TRADE_COLUMNS.map((c) => c.id).filter((c) => c === id || current.includes(c));
    if (next.length === 0) return;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    set({ visible: next });
  },
  reset() {
    localStorage.removeItem(STORAGE_KEY);
    set({ visible: DEFAULT_TRADE_COLUMNS });
  },
}));
