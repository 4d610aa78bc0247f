import { create } from 'zustand';

interface DailyNoteState {
  /** The day note open in its panel, or null. */
  open: { day: string; accountId: number | null } | null;
  /** Bumped after a save so calendars re-read which days have notes. */
  version: number;
  openNote(day: string, accountId?: number | null): void;
  close(): void;
  saved(): void;
}

/** Which day note is open: the calendar and the trade view open it, the app shell shows it. */
export const useDailyNoteStore = create<DailyNoteState>((set, get) => ({
  open: null,
  version: 0,
  openNote(day, accountId = null) {
    set({ open: { day, accountId } });
  },
  close() {
    set({ open: null });
  },
  saved() {
    set({ version: get().version + 1 });
  },
}));
