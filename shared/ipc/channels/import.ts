import { z } from 'zod';
import { channel } from '../define';
import { ImportPresetDefinitionSchema, type ImportPreset } from '../../domain/import-preset';
import { ImportPreviewSchema, ImportRunSchema } from '../../domain/import-options';
import type { ImportBatch, ImportPreview, ImportRunResult } from '../../domain/import-result';

const PresetId = z.string().min(1).max(100);

export const importChannels = {
  /** Opens the file dialog; null when the user cancelled. */
  'import:chooseFile': channel<{ path: string | null }>()(z.object({}).strict()),
  /** Headers, the first rows, the detected preset, and how the mapping reads them. Writes nothing. */
  'import:preview': channel<ImportPreview>()(ImportPreviewSchema),
  /** Imports the whole file in one transaction (or reports why nothing was imported). */
  'import:run': channel<ImportRunResult>()(ImportRunSchema),
  'import:batches': channel<ImportBatch[]>()(z.object({}).strict()),
  /** Deletes the trades of one import and refreshes equity. */
  'import:undo': channel<{ tradesDeleted: number; tradesRestored: number }>()(
    z.object({ batchId: z.number().int().positive() }).strict(),
  ),
  'import:presets': channel<ImportPreset[]>()(z.object({}).strict()),
  /** Saves a mapping for reuse: a new preset without id, else replaces the saved preset `id`. */
  'import:savePreset': channel<ImportPreset>()(
    z.object({ id: PresetId.optional(), definition: ImportPresetDefinitionSchema }).strict(),
  ),
  'import:deletePreset': channel<{ deleted: true }>()(z.object({ id: PresetId }).strict()),
};
