import { create } from 'zustand';
import type { ExportPerfRun, ExportPerfSummary } from '../../../shared/domain/export-job';
import { call, errorMessage } from '../api';

interface PerfState {
  summary: ExportPerfSummary[];
  runs: ExportPerfRun[];
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
}

export const RECENT_RUNS = 200;

export const usePerfStore = create<PerfState>((set) => ({
  summary: [],
  runs: [],
  loaded: false,
  error: null,
  async load() {
    try {
      const [summary, runs] = await Promise.all([call('perf:summary', {}), call('perf:runs', { limit: RECENT_RUNS })]);
      set({ summary, runs, loaded: true, error: null });
    } catch (error) {
      set({ error: errorMessage(error), loaded: true });
    }
  },
}));
