import { create } from 'zustand';
import type { ExportFormState } from '../components/exports/export-form-state';

const STORAGE_KEY = 'spark.exportPresets';

export interface ExportPreset {
  name: string;
  form: ExportFormState;
}

function read(): ExportPreset[] {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (p): p is ExportPreset =>
        typeof p === 'object' && p !== null && typeof (p as ExportPreset).name === 'string' && typeof (p as ExportPreset).form === 'object',
    );
  } catch {
    return [];
  }
}

interface ExportPresetsState {
  presets: ExportPreset[];
  save(name: string, form: ExportFormState): void;
  remove(name: string): void;
}

/** Export form presets, kept on this computer; saving under an existing name replaces it. */
export const useExportPresetsStore = create<ExportPresetsState>((set, get) => ({
  presets: read(),
  save(name, form) {
    const presets = [...get().presets.filter((p) => p.name !== name), { name, form }].sort((a, b) => a.name.localeCompare(b.name));
    localStorage.setItem(STORAGE_KEY, JSON.stringify(presets));
    set({ presets });
  },
  remove(name) {
    const presets = get().presets.filter((p) => p.name !== name);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(presets));
    set({ presets });
  },
}));
