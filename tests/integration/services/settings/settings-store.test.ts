import { afterEach, describe, expect, it } from 'vitest';
import { SETTINGS_DEFAULTS } from '../../../../shared/domain/settings';
import { createHandlers } from '../../../../electron/main/services/handlers';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createServices } from '../../../../electron/main/services/app';

describe('settings', () => {
  let ctx: TestServices | undefined;
  afterEach(async () => {
    await ctx?.cleanup();
    ctx = undefined;
  });

  it('starts with the defaults and persists updates across restarts', async () => {
    ctx = createTestServices();
    expect(ctx.services.settings.all()).toEqual(SETTINGS_DEFAULTS);
    ctx.services.settings.update({ exportConcurrency: 2, theme: 'dark', locale: 'de-DE' });
    const config = ctx.services.config;
    await ctx.services.close();
    const reopened = createServices(config);
    expect(reopened.settings.get('exportConcurrency')).toBe(2);
    expect(reopened.settings.get('theme')).toBe('dark');
    expect(reopened.settings.get('locale')).toBe('de-DE');
    ctx.services = reopened;
  });

  it('rejects out-of-range and unknown settings over IPC with the field named', async () => {
    ctx = createTestServices();
    const handlers = createHandlers(ctx.services);
    const tooMany = await handlers['settings:update']({ patch: { exportConcurrency: 99 } });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!tooMany.ok) expect(tooMany.error.message).toContain('patch.exportConcurrency');
    const unknown = await handlers['settings:update']({ patch: { colour: 'red' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation' } });
    const badLocale = await handlers['settings:update']({ patch: { locale: 'not a locale!!' } });
    expect(badLocale).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(ctx.services.settings.all()).toEqual(SETTINGS_DEFAULTS);
  });

  it('falls back to the default when a stored value is corrupt, and says so in the log', async () => {
    ctx = createTestServices();
    ctx.services.db.sqlite
      .prepare("INSERT INTO settings (key, value_json) VALUES ('pdfRowCap', '\"lots\"'), ('exportConcurrency', '{bad json')")
      .run();
    const config = ctx.services.config;
    await ctx.services.close();
    const reopened = createServices(config);
    ctx.services = reopened;
    expect(reopened.settings.get('pdfRowCap')).toBe(SETTINGS_DEFAULTS.pdfRowCap);
    expect(reopened.settings.get('exportConcurrency')).toBe(SETTINGS_DEFAULTS.exportConcurrency);
    expect(ctx.logger.lines.filter((l) => l.event === 'settings.invalid_stored_value').map((l) => l.key)).toEqual(
      expect.arrayContaining(['pdfRowCap', 'exportConcurrency']),
    );
  });
});
