import { z } from 'zod';
import { channel } from '../define';
import { SettingsPatchSchema, type Settings } from '../../domain/settings';

export const settingsChannels = {
  'settings:get': channel<Settings>()(z.object({}).strict()),
  'settings:update': channel<Settings>()(z.object({ patch: SettingsPatchSchema }).strict()),
};
