import type { Desktop } from '../desktop-port';
import type { SettingsStore } from './settings-store';
import type { FolderSettingKey, Settings } from '../../../../shared/domain/settings';

const TITLES: Record<FolderSettingKey, string> = {
  defaultExportFolder: 'Choose the default export folder',
  backupFolder: 'Choose the backup folder',
};

/**
 * A folder setting is set only from main's folder dialog; the store checks the answer
 * (absolute, existing, writable, not a system folder). null when the user cancelled.
 */
export async function chooseFolderSetting(desktop: Desktop, settings: SettingsStore, key: FolderSettingKey): Promise<Settings | null> {
  const folder = await desktop.chooseOpenPath({ title: TITLES[key], filters: [], pick: 'folder' });
  if (folder === null) return null;
  return settings.update({ [key]: folder });
}
