import type { Sqlite } from '../db/client';
import {
  FOLDER_SETTING_KEYS,
  SETTINGS_DEFAULTS,
  SettingsSchema,
  type SettingKey,
  type Settings,
  type SettingsPatch,
} from '../../../../shared/domain/settings';
import type { Logger } from '../logging';
import { validationError } from '../errors';
import { checkWritableFolder } from '../files/folder-check';

export interface SettingsStore {
  all(): Settings;
  get<K extends SettingKey>(key: K): Settings[K];
  /**
   * Changes only the keys the patch names (undefined = not named), checks folders, validates
   * the merged whole, then persists those keys; returns the new whole.
   */
  update(patch: SettingsPatch): Settings;
  subscribe(listener: (settings: Settings) => void): () => void;
}

/** Settings persisted one JSON value per key; a bad stored value never breaks start-up. */
export function createSettingsStore(sqlite: Sqlite, logger: Logger, now: () => number): SettingsStore {
  const selectAll = sqlite.prepare('SELECT key, value_json AS valueJson FROM settings');
  const upsert = sqlite.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
  const listeners = new Set<(settings: Settings) => void>();

  const load = (): Settings => {
    const merged: Record<string, unknown> = { ...SETTINGS_DEFAULTS };
    for (const { key, valueJson } of selectAll.all() as { key: string; valueJson: string }[]) {
      if (!(key in SETTINGS_DEFAULTS)) continue;
      const field = SettingsSchema.shape[key as SettingKey];
      let value: unknown;
      try {
        value = JSON.parse(valueJson);
      } catch {
        // Unreadable JSON must not reach the schema: its .default() would hide the damage.
        logger.warn('settings.invalid_stored_value', { key });
        continue;
      }
      const parsed = field.safeParse(value);
      if (parsed.success) merged[key] = parsed.data;
      else logger.warn('settings.invalid_stored_value', { key });
    }
    // A folder that went bad since it was chosen (deleted, unmounted, edited in the file) is not
    // used this session: mkdir or a write there could fail or, under /proc, block start-up.
    for (const key of FOLDER_SETTING_KEYS) {
      const folder = merged[key] as string;
      if (folder === '') continue;
      const check = checkWritableFolder(folder);
      if (!check.ok) {
        logger.warn('settings.folder_unusable', { key, folder, reason: check.reason, using: 'default' });
        merged[key] = SETTINGS_DEFAULTS[key];
      }
    }
    return merged as Settings;
  };

  /** The named keys only, folders replaced by their checked real path. */
  const normalise = (patch: SettingsPatch): Record<string, unknown> => {
    const named: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) named[key] = value;
    for (const key of FOLDER_SETTING_KEYS) {
      const folder = named[key];
      if (typeof folder !== 'string' || folder === '') continue;
      const check = checkWritableFolder(folder);
      if (!check.ok) throw validationError(check.reason, [{ path: [key], message: check.reason }]);
      named[key] = check.path;
    }
    return named;
  };

  let current = load();
  return {
    all: () => current,
    get: (key) => current[key],
    update(patch) {
      const named = normalise(patch);
      const parsed = SettingsSchema.safeParse({ ...current, ...named });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
        throw validationError(`Settings not saved: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, issues);
      }
      const next = parsed.data;
      const at = now();
      sqlite.transaction(() => {
        for (const [key, value] of Object.entries(named)) upsert.run(key, JSON.stringify(value), at);
      })();
      current = next;
      for (const listener of listeners) listener(current);
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
