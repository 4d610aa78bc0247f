import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { Logger } from '../logging';
import {
  ImportPresetDefinitionSchema,
  type ImportPreset,
  type ImportPresetDefinition,
} from '../../../../shared/domain/import-preset';
import { BUILT_IN_PRESETS } from '../../../../shared/domain/import-presets';

/** Built-in layouts plus the mappings the user saved (table import_presets). */
export function createPresetStore(sqlite: Sqlite, logger: Logger, now: () => number) {
  const selectAll = sqlite.prepare('SELECT id, name, definition_json AS json FROM import_presets ORDER BY name');
  const selectOne = sqlite.prepare('SELECT id, name, definition_json AS json FROM import_presets WHERE id = ?');
  const byName = sqlite.prepare('SELECT id FROM import_presets WHERE name = ? COLLATE NOCASE');

  const toPreset = (row: { id: number; json: string }): ImportPreset | null => {
    try {
      const parsed = ImportPresetDefinitionSchema.safeParse(JSON.parse(row.json));
      if (parsed.success) return { id: `user:${row.id}`, builtin: false, definition: parsed.data };
    } catch {
      // fall through: a damaged row is skipped, never fatal
    }
    logger.warn('import.preset.invalid_stored', { id: row.id });
    return null;
  };
  const userId = (id: string): number => {
    const match = /^user:(\d+)$/.exec(id);
    if (!match) {
      throw new AppError('validation', id.startsWith('builtin:') ? 'Built-in presets cannot be changed; save your mapping under a new name.' : `"${id}" is not a preset id.`);
    }
    return Number(match[1]);
  };

  return {
    list(): ImportPreset[] {
      const user = (selectAll.all() as { id: number; json: string }[]).map(toPreset).filter((p): p is ImportPreset => p !== null);
      return [...BUILT_IN_PRESETS, ...user];
    },
    get(id: string): ImportPreset {
      const builtin = BUILT_IN_PRESETS.find((preset) => preset.id === id);
      if (builtin) return builtin;
      const row = selectOne.get(userId(id)) as { id: number; json: string } | undefined;
      const preset = row ? toPreset(row) : null;
      if (!preset) throw new AppError('not_found', `Import preset ${id} does not exist; choose another preset.`);
      return preset;
    },
    /** Creates (no id) or replaces a saved preset; names are unique, ignoring case. */
    save(definition: ImportPresetDefinition, id?: string): ImportPreset {
      const existingId = id === undefined ? null : userId(id);
      const clash = byName.get(definition.name) as { id: number } | undefined;
      const builtinClash = BUILT_IN_PRESETS.some((preset) => preset.definition.name.toLowerCase() === definition.name.toLowerCase());
      if ((clash && clash.id !== existingId) || builtinClash) {
        throw new AppError('conflict', `A preset named "${definition.name}" already exists. Choose another name.`);
      }
      const json = JSON.stringify(definition);
      const at = now();
      let rowId: number;
      if (existingId === null) {
        rowId = Number(
          sqlite
            .prepare('INSERT INTO import_presets (name, definition_json, created_at, updated_at) VALUES (?, ?, ?, ?)')
            .run(definition.name, json, at, at).lastInsertRowid,
        );
      } else {
        const changes = sqlite
          .prepare('UPDATE import_presets SET name = ?, definition_json = ?, updated_at = ? WHERE id = ?')
          .run(definition.name, json, at, existingId).changes;
        if (changes === 0) throw new AppError('not_found', `Import preset ${id} does not exist any more; save it as a new preset.`);
        rowId = existingId;
      }
      return { id: `user:${rowId}`, builtin: false, definition };
    },
    delete(id: string): void {
      const changes = sqlite.prepare('DELETE FROM import_presets WHERE id = ?').run(userId(id)).changes;
      if (changes === 0) throw new AppError('not_found', `Import preset ${id} does not exist.`);
    },
  };
}

export type PresetStore = ReturnType<typeof createPresetStore>;
