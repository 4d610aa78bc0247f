import { create } from 'zustand';
import type { ExportFormState, ExportPreset } from '../../../shared/domain/export-preset';
import { call, errorMessage } from '../api';

/** Where the first version kept presets (this computer only); moved into the journal once. */
const LEGACY_STORAGE_KEY = 'spark.exportPresets';

function legacyPresets(): { name: string; form: unknown }[] {
  try {
    const stored = JSON.parse(localStorage.getItem(LEGACY_STORAGE_KEY) ?? '[]') as unknown;
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (p): p is { name: string; form: unknown } => typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string',
    );
  } catch {
    return [];
  }
}

async function moveLegacyPresets(): Promise<void> {
  const legacy = legacyPresets();
  for (const preset of legacy) {
    try {
      await call('exports:savePreset', { name: preset.name, form: preset.form as ExportFormState });
    } catch {
      // A preset the server refuses (an older form shape) is dropped rather than blocking the rest.
    }
  }
  localStorage.removeItem(LEGACY_STORAGE_KEY);
}

interface ExportPresetsState {
  presets: ExportPreset[];
  error: string | null;
  load(): Promise<void>;
  /** Saves (or replaces, by name) and reloads; throws the server's error for the form to show. */
  save(name: string, form: ExportFormState): Promise<ExportPreset>;
  remove(id: number): Promise<void>;
}

/** Export form presets, kept in the journal by the main process. */
export const useExportPresetsStore = create<ExportPresetsState>((set, get) => ({
  presets: [],
  error: null,
  async load() {
    try {
      if (localStorage.getItem(LEGACY_STORAGE_KEY) !== null) await moveLegacyPresets();
      set({ presets: await call('exports:presets', {}), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async save(name, form) {
    const saved = await call('exports:savePreset', { name, form });
    await get().load();
    return saved;
  },
  async remove(id) {
    await call('exports:deletePreset', { id });
    await get().load();
  },
}));
