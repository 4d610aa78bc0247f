import { z } from 'zod';
import { channel } from '../define';
import { FOLDER_SETTING_KEYS, SettingsPatchSchema, type Settings } from '../../domain/settings';

const useDefaultOnly = z
  .literal('', { error: 'a folder is chosen with the Choose… button; only "" (use the default folder) can be set here' })
  .optional();

/** The renderer never names a folder: through this channel a folder setting can only go back to its default. */
const RendererSettingsPatchSchema = SettingsPatchSchema.extend({
  defaultExportFolder: useDefaultOnly,
  backupFolder: useDefaultOnly,
}).strict();

export const settingsChannels = {
  'settings:get': channel<Settings>()(z.object({}).strict()),
  /** Changes only the keys the patch names; the merged whole is validated before anything is saved. */
  'settings:update': channel<Settings>()(z.object({ patch: RendererSettingsPatchSchema }).strict()),
  /** Opens main's folder dialog and saves the checked folder; null when the user cancelled. */
  'settings:chooseFolder': channel<Settings | null>()(z.object({ key: z.enum(FOLDER_SETTING_KEYS) }).strict()),
};
