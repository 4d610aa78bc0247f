import { create } from 'zustand';
import type { AppInfo, DemoLoadResult } from '../../../shared/ipc/channels/app';
import { call, errorMessage } from '../api';
import type { Page } from '../navigation';

interface AppState {
  info: AppInfo | null;
  error: string | null;
  demoLoading: boolean;
  page: Page;
  navigate(page: Page): void;
  load(): Promise<void>;
  loadDemo(): Promise<DemoLoadResult | null>;
}

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  error: null,
  demoLoading: false,
  page: 'overview',
  navigate(page) {
    set({ page });
  },
  async load() {
    try {
      set({ info: await call('app:info', {}), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async loadDemo() {
    set({ demoLoading: true, error: null });
    try {
      const result = await call('app:loadDemo', {});
      await get().load();
      return result;
    } catch (error) {
      set({ error: errorMessage(error) });
      return null;
    } finally {
      set({ demoLoading: false });
    }
  },
}));
