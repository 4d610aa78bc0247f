import { create } from 'zustand';
import { DEFAULT_TRADE_COLUMNS, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, TRADE_COLUMNS } from '../components/trade-columns';

const STORAGE_KEY = 'spark.tradeColumns.v2';
// A new key: widths were CSS strings before and the default set changed.
const WIDTHS_KEY = 'spark.tradeColumnWidths';

function initialWidths(): Record<string, number> {
  try {
    const stored = JSON.parse(localStorage.getItem(WIDTHS_KEY) ?? '{}') as unknown;
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(
      Object.entries(stored).filter(([id, w]) => TRADE_COLUMNS.some((c) => c.id === id) && typeof w === 'number' && w >= MIN_COLUMN_WIDTH && w <= MAX_COLUMN_WIDTH),
    ) as Record<string, number>;
  } catch {
    return {};
  }
}

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
  /** Widths the user dragged, by column id (px); others use the column's default. */
  widths: Record<string, number>;
  setWidth(id: string, width: number): void;
  toggle(id: string): void;
  reset(): void;
}

/** Which Trades columns show; remembered on this computer. */
export const useTradeColumnsStore = create<TradeColumnsState>((set, get) => ({
  visible: initial(),
  widths: initialWidths(),
  setWidth(id, width) {
    const widths = { ...get().widths, [id]: Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width))) };
    localStorage.setItem(WIDTHS_KEY, JSON.stringify(widths));
    set({ widths });
  },
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
    localStorage.removeItem(WIDTHS_KEY);
    set({ visible: DEFAULT_TRADE_COLUMNS, widths: {} });
  },
}));
