import { describe, expect, it } from 'vitest';
import { SettingsPatchSchema } from '../../../shared/domain/settings';
import { plainIssue } from '../../../renderer/src/validation';

/** The messages zod itself produces for these settings, rephrased. */
const messageFor = (patch: unknown) => {
  const parsed = SettingsPatchSchema.safeParse(patch);
  if (parsed.success) throw new Error('expected a validation failure');
  return plainIssue(parsed.error.issues[0]!.message);
};

describe('plain words for zod messages', () => {
  it('rephrases the bounds and types of real setting errors', () => {
    expect(messageFor({ exportConcurrency: 9 })).toBe('must be at most 4');
    expect(messageFor({ exportConcurrency: 0 })).toBe('must be at least 1');
    expect(messageFor({ exportConcurrency: 1.5 })).toBe('must be a whole number');
    expect(messageFor({ exportConcurrency: null })).toBe('enter a number');
    expect(messageFor({ csvBom: 'yes' })).toBe('choose yes or no');
    expect(messageFor({ theme: 'blue' })).toBe('choose one of light, dark, system');
  });

  it('keeps messages that are already specific', () => {
    expect(messageFor({ locale: 'not-a-locale-at-all' })).toBe('is not a locale this system knows (try en-US, de-DE, fr-FR)');
  });
});
