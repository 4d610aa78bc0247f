import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHandlers } from '../../../../electron/main/services/handlers';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import type { ExportFormState } from '../../../../shared/domain/export-preset';

let current: TestServices | null = null;
afterEach(async () => {
  await current?.cleanup();
  current = null;
});

const form = (patch: Partial<ExportFormState> = {}): ExportFormState => ({
  type: 'trades',
  format: 'csv',
  dateFrom: '2024-01-01',
  dateTo: '',
  accountId: '1',
  instrumentId: '',
  tagId: '',
  direction: 'long',
  status: '',
  sortKey: 'closedAt',
  sortDir: 'asc',
  limit: '',
  activeOnly: false,
  goalStatuses: [],
  propPhases: [],
  propStatuses: [],
  columns: [
    { key: 'id', included: true, alias: 'Trade #' },
    { key: 'notes', included: false, alias: '' },
  ],
  csvBom: true,
  csvFooter: false,
  jsonStyle: 'array',
  title: '',
  ...patch,
});

describe('export presets', () => {
  it('saves forms in the journal, replaces by name ignoring case, lists by name and deletes', async () => {
    const t = (current = createTestServices());
    const handlers = createHandlers(t.services);
    const longs = await handlers['exports:savePreset']({ name: '  Longs as CSV ', form: form() });
    expect(longs).toMatchObject({ ok: true, data: { name: 'Longs as CSV', form: form() } });
    await handlers['exports:savePreset']({ name: 'accountant', form: form({ type: 'dailyPnl', format: 'xlsx' }) });
    const replaced = await handlers['exports:savePreset']({ name: 'longs AS csv', form: form({ format: 'pdf' }) });
    if (!replaced.ok || !longs.ok) throw new Error('save failed');
    expect(replaced.data.id).toBe(longs.data.id);

    const list = await handlers['exports:presets']({});
    if (!list.ok) throw new Error('list failed');
    expect(list.data.map((p) => [p.name, p.form.format])).toEqual([
      ['accountant', 'xlsx'],
      ['longs AS csv', 'pdf'],
    ]);

    expect(await handlers['exports:deletePreset']({ id: longs.data.id })).toEqual({ ok: true, data: { deleted: true } });
    expect(await handlers['exports:deletePreset']({ id: longs.data.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.services.exportPresets.list().map((p) => p.name)).toEqual(['accountant']);
  });

  it('refuses a malformed form or an empty name with validation and stores nothing', async () => {
    const t = (current = createTestServices());
    const handlers = createHandlers(t.services);
    const badFormat = await handlers['exports:savePreset']({ name: 'x', form: { ...form(), format: 'docx' } });
    expect(badFormat).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (badFormat.ok) throw new Error('unreachable');
    expect(badFormat.error.message).toContain('form.format');
    expect(await handlers['exports:savePreset']({ name: '   ', form: form() })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handlers['exports:savePreset']({ name: 'extra', form: { ...form(), secret: 1 } })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(t.services.exportPresets.list()).toEqual([]);
  });

  it('skips a damaged stored row with a warning instead of failing the list', async () => {
    const t = (current = createTestServices());
    t.services.exportPresets.save('good', form());
    t.services.db.sqlite.prepare("INSERT INTO export_presets (name, form_json, created_at, updated_at) VALUES ('bad', '{not json', 0, 0)").run();
    expect(t.services.exportPresets.list().map((p) => p.name)).toEqual(['good']);
    expect(t.logger.lines.some((l) => l.event === 'export.preset.invalid_stored')).toBe(true);
  });

  it('travels with a backup: a restored journal has the presets it had', async () => {
    const t = (current = createTestServices());
    t.services.exportPresets.save('for the accountant', form({ type: 'dailyPnl' }));
    const backup = await t.services.backup.backupTo(join(t.dir, 'copy.db'));
    t.services.exportPresets.save('later', form());
    await t.services.backup.restore(backup.path);
    expect(t.services.exportPresets.list().map((p) => p.name)).toEqual(['for the accountant']);
  });
});
