import { create } from 'zustand';
import { SETTINGS_DEFAULTS, type FolderSettingKey, type Settings, type SettingsPatch } from '../../../shared/domain/settings';
import { call, errorMessage } from '../api';
import { fieldErrors } from '../validation';

export type SaveResult = { ok: true } | { ok: false; message: string; fields: Record<string, string> };
export type FolderResult = { ok: true; chosen: boolean } | { ok: false; message: string };

/** What the Settings form edits: folders are not typed but chosen in main's folder dialog. */
export type EditablePatch = Omit<SettingsPatch, FolderSettingKey>;

interface SettingsState {
  /** Defaults until the stored settings arrive, so theme and locale never wait on IPC. */
  settings: Settings;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  update(patch: EditablePatch): Promise<SaveResult>;
  /** Opens main's folder dialog for a folder setting; main checks and saves the answer. */
  chooseFolder(key: FolderSettingKey): Promise<FolderResult>;
  /** Puts a folder setting back to its default. */
  resetFolder(key: FolderSettingKey): Promise<FolderResult>;
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
  async chooseFolder(key) {
    try {
      const settings = await call('settings:chooseFolder', { key });
      if (settings === null) return { ok: true, chosen: false };
      set({ settings, error: null });
      return { ok: true, chosen: true };
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
  },
  async resetFolder(key) {
    try {
      set({ settings: await call('settings:update', { patch: { [key]: '' } }), error: null });
      return { ok: true, chosen: true };
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
  },
}));
