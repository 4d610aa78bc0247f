import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { Logger } from '../logging';
import { ExportFormStateSchema, type ExportFormState, type ExportPreset } from '../../../../shared/domain/export-preset';

interface PresetRow {
  id: number;
  name: string;
  json: string;
  updatedAt: number;
}

/**
 * Export form presets, in the journal (table export_presets) so a backup carries them and
 * every window sees the same list. Saving under an existing name (ignoring case) replaces it,
 * as the form's "Save as preset" promises.
 */
export function createExportPresetStore(sqlite: Sqlite, logger: Logger, now: () => number) {
  const selectAll = sqlite.prepare('SELECT id, name, form_json AS json, updated_at AS updatedAt FROM export_presets ORDER BY name COLLATE NOCASE, id');
  const selectOne = sqlite.prepare('SELECT id, name, form_json AS json, updated_at AS updatedAt FROM export_presets WHERE id = ?');
  const byName = sqlite.prepare('SELECT id FROM export_presets WHERE name = ? COLLATE NOCASE');
  const insert = sqlite.prepare('INSERT INTO export_presets (name, form_json, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const update = sqlite.prepare('UPDATE export_presets SET name = ?, form_json = ?, updated_at = ? WHERE id = ?');
  const remove = sqlite.prepare('DELETE FROM export_presets WHERE id = ?');

  const toPreset = (row: PresetRow): ExportPreset | null => {
    try {
      const parsed = ExportFormStateSchema.safeParse(JSON.parse(row.json));
      if (parsed.success) return { id: row.id, name: row.name, form: parsed.data, updatedAt: row.updatedAt };
    } catch {
      // fall through: a damaged row is skipped, never fatal
    }
    logger.warn('export.preset.invalid_stored', { id: row.id });
    return null;
  };

  return {
    list(): ExportPreset[] {
      return (selectAll.all() as PresetRow[]).map(toPreset).filter((p): p is ExportPreset => p !== null);
    },
    save(name: string, form: ExportFormState): ExportPreset {
      const json = JSON.stringify(form);
      const at = now();
      const existing = byName.get(name) as { id: number } | undefined;
      const id = existing ? existing.id : Number(insert.run(name, json, at, at).lastInsertRowid);
      if (existing) update.run(name, json, at, id);
      return toPreset(selectOne.get(id) as PresetRow)!;
    },
    delete(id: number): void {
      if (remove.run(id).changes === 0) throw new AppError('not_found', `Export preset ${id} does not exist any more.`);
    },
  };
}

export type ExportPresetStore = ReturnType<typeof createExportPresetStore>;
