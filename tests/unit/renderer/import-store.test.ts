import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useImportStore } from '../../../renderer/src/store/import-store';

/** The answers window.api would give, by channel; every call is recorded. */
type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
let answers: Record<string, () => Answer>;
let calls: string[];

const preset = { id: 'custom-1', builtin: false, definition: { name: 'My broker' } };
const mapping = { name: 'My broker' } as Parameters<ReturnType<typeof useImportStore.getState>['savePreset']>[0];

beforeEach(() => {
  calls = [];
  answers = {
    'import:savePreset': () => ({ ok: true, data: preset }),
    'import:deletePreset': () => ({ ok: true, data: null }),
    'import:presets': () => ({ ok: true, data: [preset] }),
    'import:batches': () => ({ ok: true, data: [] }),
    'import:preview': () => ({ ok: true, data: { presetId: 'custom-1', rows: [], timeZone: 'UTC', timeZoneSource: 'default', newAccounts: [] } }),
  };
  Object.assign(globalThis, {
    window: {
      api: {
        invoke: async (channel: string) => {
          calls.push(channel);
          return answers[channel]!();
        },
        on: () => () => undefined,
      },
    },
  });
  useImportStore.setState({ file: { token: '0123456789abcdef0123456789abcdef', fileName: 'my-broker.csv' }, presetId: null, mapping: null, presets: [], preview: null, message: null, busy: null });
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

describe('import store: saving and deleting a layout', () => {
  it('keeps the confirmation on screen after the preview the save triggers', async () => {
    await useImportStore.getState().savePreset(mapping);
    expect(calls).toEqual(['import:savePreset', 'import:presets', 'import:batches', 'import:preview']);
    expect(useImportStore.getState()).toMatchObject({ presetId: 'custom-1', busy: null, message: { kind: 'ok', text: 'Saved the mapping as “My broker”.' } });
  });

  it('keeps the confirmation after a delete too', async () => {
    useImportStore.setState({ presets: [preset] as never, presetId: 'custom-1' });
    await useImportStore.getState().deletePreset('custom-1');
    expect(useImportStore.getState().message).toEqual({ kind: 'ok', text: 'Deleted the saved layout “My broker”.' });
  });

  it('shows the preview error, not the confirmation, when the preview after a save fails', async () => {
    answers['import:preview'] = () => ({ ok: false, error: { code: 'validation', message: 'Column “Ticker” is not in the file.' } });
    await useImportStore.getState().savePreset(mapping);
    expect(useImportStore.getState().message).toMatchObject({ kind: 'error', text: 'Column “Ticker” is not in the file.' });
  });
});
