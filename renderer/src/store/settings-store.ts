import { create } from 'zustand';
import { SETTINGS_DEFAULTS, type Settings, type SettingsPatch } from '../../../shared/domain/settings';
import { call, errorMessage } from '../api';
import { fieldErrors } from '../validation';

export type SaveResult = { ok: true } | { ok: false; message: string; fields: Record<string, string> };

interface SettingsState {
  /** Defaults until the stored settings arrive, so theme and locale never wait on IPC. */
  settings: Settings;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<SaveResult>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: SETTINGS_DEFAULTS,
  loaded: false,
  error: null,
  async load() {
    try {
      set({ settings: await call('settings:get', {}), loaded: true, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async update(patch) {
    try {
      set({ settings: await call('settings:update', { patch }), error: null });
      return { ok: true };
    } catch (error) {
      return { ok: false, message: errorMessage(error), fields: fieldErrors(error, ['patch']) };
    }
  },
}));
