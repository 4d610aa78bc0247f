import { create } from 'zustand';
import type { DiscrepancyPage, EquityStatus } from '../../../shared/domain/equity';
import { call, errorMessage, subscribe } from '../api';

export const DISCREPANCY_PAGE = 50;

interface EquityState {
  status: EquityStatus | null;
  busy: 'validate' | 'rebuild' | null;
  discrepancies: DiscrepancyPage | null;
  showDiscrepancies: boolean;
  message: string | null;
  error: string | null;
  load(): Promise<void>;
  validate(): Promise<void>;
  rebuild(): Promise<void>;
  openDiscrepancies(offset?: number): Promise<void>;
  closeDiscrepancies(): void;
  listen(): () => void;
}

/** The equity validation status: last run, drill-down into mismatched days, rebuild. */
export const useEquityStore = create<EquityState>((set, get) => ({
  status: null,
  busy: null,
  discrepancies: null,
  showDiscrepancies: false,
  message: null,
  error: null,
  async load() {
    try {
      const status = await call('equity:status', {});
      const mismatched = status.lastRun?.status === 'discrepancies';
      set({ status, error: null, showDiscrepancies: mismatched && get().showDiscrepancies });
      if (get().showDiscrepancies) await get().openDiscrepancies(get().discrepancies?.offset ?? 0);
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async validate() {
    set({ busy: 'validate', message: null, error: null });
    try {
      const run = await call('equity:validate', { accountId: null });
      set({ message: run.status === 'ok' ? `Checked ${run.daysChecked.toLocaleString()} account-days: everything reconciles.` : null });
      await get().load();
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ busy: null });
    }
  },
  async rebuild() {
    set({ busy: 'rebuild', message: null, error: null });
    try {
      const result = await call('equity:rebuild', { accountId: null });
      set({
        message:
          result.validation.status === 'ok'
            ? `Rebuilt ${result.days.toLocaleString()} days of equity from your trades; the check afterwards found no differences.`
            : `Rebuilt ${result.days.toLocaleString()} days, but the check afterwards still found differences.`,
        showDiscrepancies: result.validation.status !== 'ok' && get().showDiscrepancies,
      });
      await get().load();
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ busy: null });
    }
  },
  async openDiscrepancies(offset = 0) {
    try {
      const runId = get().status?.lastRun?.id ?? null;
      set({ discrepancies: await call('equity:discrepancies', { runId, offset, limit: DISCREPANCY_PAGE }), showDiscrepancies: true });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  closeDiscrepancies() {
    set({ showDiscrepancies: false });
  },
  listen() {
    return subscribe('equity:validated', () => void get().load());
  },
}));
