import { describe, expect, it } from 'vitest';
import { FOLDER_SETTING_KEYS, SETTINGS_DEFAULTS } from '../../../shared/domain/settings';
import { SETTINGS_GROUPS } from '../../../renderer/src/pages/settings-fields';

describe('Settings page fields', () => {
  it('shows every setting exactly once, so a new setting cannot be left out of the page', () => {
    const shown = SETTINGS_GROUPS.flatMap((g) => g.fields.map((f) => f.key));
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown].sort()).toEqual(Object.keys(SETTINGS_DEFAULTS).sort());
  });

  it('uses an input that fits each setting’s type', () => {
    for (const field of SETTINGS_GROUPS.flatMap((g) => g.fields)) {
      const value = SETTINGS_DEFAULTS[field.key];
      const expected =
        typeof value === 'boolean'
          ? 'boolean'
          : typeof value === 'number'
            ? 'number'
            : field.kind === 'choice'
              ? 'choice'
              : (FOLDER_SETTING_KEYS as readonly string[]).includes(field.key)
                ? 'folder'
                : 'text';
      expect(field.kind, field.key).toBe(expected);
    }
  });
});
