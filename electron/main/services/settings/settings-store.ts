import type { Sqlite } from '../db/client';
import {
  SETTINGS_DEFAULTS,
  SettingsSchema,
  type SettingKey,
  type Settings,
  type SettingsPatch,
} from '../../../../shared/domain/settings';
import type { Logger } from '../logging';

export interface SettingsStore {
  all(): Settings;
  get<K extends SettingKey>(key: K): Settings[K];
  /** Validated by the caller (the IPC schema); persists and returns the new whole. */
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
    return merged as Settings;
  };

  let current = load();
  return {
    all: () => current,
    get: (key) => current[key],
    update(patch) {
      const next = SettingsSchema.parse({ ...current, ...patch });
      const at = now();
      sqlite.transaction(() => {
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) upsert.run(key, JSON.stringify(value), at);
        }
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
