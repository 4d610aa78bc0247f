import { create } from 'zustand';
import type { ImportPreset, ImportPresetDefinition } from '../../../shared/domain/import-preset';
import type { ImportBatch, ImportPreview, ImportRunResult } from '../../../shared/domain/import-result';
import type { ChosenFile } from '../../../shared/domain/chosen-file';
import type { NewAccountSettings } from '../../../shared/domain/import-options';
import { call, errorMessage } from '../api';
import { fieldErrors } from '../validation';

export type OnError = 'abort' | 'skip';

interface ImportState {
  /** The file picked in main's open dialog: a token for this session and its name, never a path. */
  file: ChosenFile | null;
  accountId: number | null;
  presetId: string | null;
  /** A mapping edited here; wins over presetId. */
  mapping: ImportPresetDefinition | null;
  /** The zone the user chose for the file's times; null = what the service proposes (remembered, else the account's). */
  timeZone: string | null;
  /** Where the table starts, before any layout fits (header row, section): the preview reads headers from there. */
  table: Pick<ImportPresetDefinition, 'headerRow' | 'section'>;
  setTable(table: Pick<ImportPresetDefinition, 'headerRow' | 'section'>): Promise<void>;
  /** Settings of the accounts the file creates, as confirmed in the preview, by the file's account name. */
  newAccounts: Record<string, NewAccountSettings>;
  /** The accounts whose settings the user changed: those stay when the preview is read again. */
  accountEdits: Record<string, NewAccountSettings>;
  presets: ImportPreset[];
  preview: ImportPreview | null;
  result: ImportRunResult | null;
  batches: ImportBatch[];
  busy: 'choose' | 'preview' | 'run' | 'undo' | null;
  message: { kind: 'ok' | 'error' | 'info'; text: string; details?: string[] } | null;
  loadLists(): Promise<void>;
  chooseFile(): Promise<void>;
  setAccount(accountId: number | null): Promise<void>;
  setPreset(presetId: string | null): Promise<void>;
  setTimeZone(timeZone: string): Promise<void>;
  setNewAccount(name: string, settings: NewAccountSettings): void;
  applyMapping(mapping: ImportPresetDefinition): Promise<void>;
  savePreset(mapping: ImportPresetDefinition): Promise<void>;
  deletePreset(presetId: string): Promise<void>;
  run(onError: OnError, dryRun: boolean): Promise<void>;
  undo(batchId: number): Promise<void>;
  reset(): void;
}

function failure(error: unknown) {
  const fields = fieldErrors(error);
  const details = Object.entries(fields).map(([path, m]) => `${path.replace(/^preset\./, 'mapping ')}: ${m}`);
  return { kind: 'error' as const, text: details.length ? 'That did not work. Fix this and try again:' : errorMessage(error), details };
}

export const useImportStore = create<ImportState>((set, get) => {
  const source = () => {
    const { file, accountId, presetId, mapping, timeZone } = get();
    return {
      file: file!.token,
      ...(accountId !== null ? { accountId } : {}),
      ...(timeZone !== null ? { timeZone } : {}),
      ...(mapping ? { preset: mapping } : presetId ? { presetId } : {}),
    };
  };
  const refreshPreview = async () => {
    if (!get().file) return;
    set({ busy: 'preview', result: null });
    try {
      const { table } = get();
      const hints = { ...(table.headerRow !== undefined ? { headerRow: table.headerRow } : {}), ...(table.section ? { section: table.section } : {}) };
      const preview = await call('import:preview', { ...source(), ...hints, sampleSize: 50 });
      // Accounts the file creates start in the file's zone; what the user already confirmed stays.
      const confirmed = get().accountEdits;
      const newAccounts: Record<string, NewAccountSettings> = {};
      for (const { name, proposed } of preview.newAccounts) {
        newAccounts[name] = confirmed[name] ?? {
          currency: proposed.currency ?? 'USD',
          timezone: proposed.timezone ?? preview.timeZone,
          startingBalanceCents: proposed.startingBalanceCents ?? 0,
        };
      }
      set({ preview, presetId: get().presetId ?? preview.presetId, newAccounts, message: null });
    } catch (error) {
      set({ message: failure(error), preview: null });
    } finally {
      set({ busy: null });
    }
  };
  // A successful preview clears earlier messages, so an action's confirmation is set after
  // the preview it triggers (else it vanished a moment after showing); a failed preview
  // keeps its error on screen instead.
  const confirmAfterPreview = (text: string) => {
    if (get().message === null) set({ message: { kind: 'ok', text } });
  };

  return {
    file: null,
    accountId: null,
    presetId: null,
    mapping: null,
    timeZone: null,
    newAccounts: {},
    accountEdits: {},
    table: {},
    presets: [],
    preview: null,
    result: null,
    batches: [],
    busy: null,
    message: null,
    async loadLists() {
      try {
        const [presets, batches] = await Promise.all([call('import:presets', {}), call('import:batches', {})]);
        set({ presets, batches });
      } catch (error) {
        set({ message: failure(error) });
      }
    },
    async chooseFile() {
      set({ busy: 'choose', message: null });
      try {
        const { file } = await call('import:pickFile', {});
        if (file === null) {
          set({ message: { kind: 'info', text: 'No file was chosen.' } });
          return;
        }
        set({ file, presetId: null, mapping: null, timeZone: null, newAccounts: {}, accountEdits: {}, table: {}, preview: null, result: null });
      } catch (error) {
        set({ message: failure(error) });
        return;
      } finally {
        set({ busy: null });
      }
      await refreshPreview();
    },
    async setAccount(accountId) {
      set({ accountId, timeZone: null });
      await refreshPreview();
    },
    async setPreset(presetId) {
      // Another layout may have its own remembered zone.
      set({ presetId, mapping: null, timeZone: null });
      await refreshPreview();
    },
    async setTimeZone(timeZone) {
      set({ timeZone });
      await refreshPreview();
    },
    async setTable(table) {
      set({ table });
      await refreshPreview();
    },
    setNewAccount(name, settings) {
      set({ newAccounts: { ...get().newAccounts, [name]: settings }, accountEdits: { ...get().accountEdits, [name]: settings } });
    },
    async applyMapping(mapping) {
      set({ mapping });
      await refreshPreview();
    },
    async savePreset(mapping) {
      try {
        const saved = await call('import:savePreset', { definition: mapping });
        set({ presetId: saved.id, mapping: null });
        await get().loadLists();
        await refreshPreview();
        confirmAfterPreview(`Saved the mapping as “${saved.definition.name}”.`);
      } catch (error) {
        set({ message: failure(error) });
      }
    },
    async deletePreset(presetId) {
      try {
        const name = get().presets.find((p) => p.id === presetId)?.definition.name ?? 'the layout';
        await call('import:deletePreset', { id: presetId });
        set({ presetId: null, mapping: null });
        await get().loadLists();
        await refreshPreview();
        confirmAfterPreview(`Deleted the saved layout “${name}”.`);
      } catch (error) {
        set({ message: failure(error) });
      }
    },
    async run(onError, dryRun) {
      if (!get().file) return;
      set({ busy: 'run', message: null, result: null });
      try {
        // The zone the preview showed is the zone the import uses, chosen or proposed.
        const { preview, newAccounts } = get();
        const zone = preview ? { timeZone: preview.timeZone, newAccounts: { currency: 'USD', timezone: preview.timeZone } } : {};
        const result = await call('import:run', { ...source(), ...zone, accounts: newAccounts, onError, dryRun });
        set({ result });
        await get().loadLists();
      } catch (error) {
        set({ message: failure(error) });
      } finally {
        set({ busy: null });
      }
    },
    async undo(batchId) {
      set({ busy: 'undo', message: null });
      try {
        const { tradesDeleted, tradesRestored } = await call('import:undo', { batchId });
        set({
          message: {
            kind: 'ok',
            text: `Undone: ${tradesDeleted.toLocaleString()} trades removed${tradesRestored ? `, ${tradesRestored.toLocaleString()} restored as they were` : ''}.`,
          },
        });
        await get().loadLists();
      } catch (error) {
        set({ message: failure(error) });
      } finally {
        set({ busy: null });
      }
    },
    reset() {
      set({ file: null, presetId: null, mapping: null, timeZone: null, newAccounts: {}, accountEdits: {}, preview: null, result: null, message: null });
    },
  };
});
