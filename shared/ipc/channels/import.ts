import { z } from 'zod';
import { channel } from '../define';
import { ImportPresetDefinitionSchema, type ImportPreset } from '../../domain/import-preset';
import { ImportPreviewSchema, ImportRunSchema } from '../../domain/import-options';
import type { ImportBatch, ImportPreview, ImportRunResult } from '../../domain/import-result';
import { FileTokenSchema, type ChosenFile } from '../../domain/chosen-file';

const PresetId = z.string().min(1).max(100);

/** The renderer names the file by the token import:pickFile gave it, never by a path. */
const ImportPreviewRequestSchema = ImportPreviewSchema.omit({ path: true }).extend({ file: FileTokenSchema }).strict();
const ImportRunRequestSchema = ImportRunSchema.omit({ path: true }).extend({ file: FileTokenSchema }).strict();

export const importChannels = {
  /** Opens main's file dialog; the picked file comes back as a token for this session. null when cancelled. */
  'import:pickFile': channel<{ file: ChosenFile | null }>()(z.object({}).strict()),
  /** Headers, the first rows, the detected preset, and how the mapping reads them. Writes nothing. */
  'import:preview': channel<ImportPreview>()(ImportPreviewRequestSchema),
  /** Imports the whole file in one transaction (or reports why nothing was imported). */
  'import:run': channel<ImportRunResult>()(ImportRunRequestSchema),
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
