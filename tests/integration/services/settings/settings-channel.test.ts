import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTINGS_DEFAULTS, type Settings } from '../../../../shared/domain/settings';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import { createServices } from '../../../../electron/main/services/app';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { FakeClock } from '../equity/fake-clock';

const DAY_MS = 86_400_000;

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

describe('settings through the IPC channels', () => {
  let ctx: TestServices | undefined;
  let handlers: Handlers;
  const start = (clock?: FakeClock) => {
    ctx = createTestServices(clock ? { clock } : {});
    handlers = createHandlers(ctx.services);
    return ctx;
  };
  afterEach(async () => {
    await ctx?.cleanup();
    ctx = undefined;
  });

  it('saving one field changes only that field, in memory and on disk', async () => {
    const { services } = start();
    const custom: Partial<Settings> = { backupKeep: 30, exportConcurrency: 3, csvBom: true, locale: 'de-DE', pdfRowCap: 5000, alwaysAskWhereToSave: false };
    await ok(handlers['settings:update']({ patch: custom }));
    const before = await ok(handlers['settings:get']({}));
    expect(before).toMatchObject(custom);

    const after = await ok(handlers['settings:update']({ patch: { theme: 'dark' } }));
    expect(after).toEqual({ ...before, theme: 'dark' });
    expect(services.settings.all()).toEqual({ ...before, theme: 'dark' });

    // Only the named key was written: the other rows still hold what was saved before.
    const stored = Object.fromEntries(
      (services.db.sqlite.prepare('SELECT key, value_json AS v FROM settings').all() as { key: string; v: string }[]).map((r) => [r.key, JSON.parse(r.v)]),
    );
    expect(stored).toEqual({ ...custom, theme: 'dark' });

    const config = services.config;
    await services.close();
    ctx!.services = createServices(config);
    expect(ctx!.services.settings.all()).toEqual({ ...SETTINGS_DEFAULTS, ...custom, theme: 'dark' });
  });

  it('a bad field in a patch saves nothing, and a patch is checked against the whole', async () => {
    const { services } = start();
    await ok(handlers['settings:update']({ patch: { backupKeep: 12 } }));
    const bad = await handlers['settings:update']({ patch: { theme: 'dark', backupKeep: 0 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('patch.backupKeep') } });
    expect(services.settings.get('theme')).toBe('system');
    expect(services.settings.get('backupKeep')).toBe(12);
  });

  it('after saving the theme, the next automatic backup keeps the older backups the retention allows', async () => {
    const clock = new FakeClock(Date.parse('2025-10-01T12:00:00Z'));
    const { services } = start(clock);
    await ok(handlers['settings:update']({ patch: { backupKeep: 10 } }));
    for (let day = 0; day < 8; day++) {
      await services.backup.runAutomatic('daily');
      clock.time += DAY_MS;
    }
    expect(services.backup.list().filter((f) => f.kind === 'daily')).toHaveLength(8);

    await ok(handlers['settings:update']({ patch: { theme: 'dark' } }));
    await services.backup.runAutomatic('daily');
    expect(services.settings.get('backupKeep')).toBe(10);
    expect(services.backup.list().filter((f) => f.kind === 'daily')).toHaveLength(9);
  });

  describe('folders come from main’s folder dialog and must be usable folders', () => {
    it('settings:update cannot name a folder; it can only go back to the default', async () => {
      const { services, dir } = start();
      for (const folder of [dir, '/etc/passwd', '~/x', 'relative/folder', '/proc/x']) {
        const answer = await handlers['settings:update']({ patch: { backupFolder: folder } });
        expect(answer).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('Choose… button') } });
      }
      expect(services.settings.get('backupFolder')).toBe('');
      await ok(handlers['settings:update']({ patch: { defaultExportFolder: '' } }));
    });

    it('refuses hostile answers of the dialog with a plain message and keeps the setting', async () => {
      const { services, dir } = start();
      const file = join(dir, 'a-file.txt');
      writeFileSync(file, 'not a folder');
      const linkOut = join(dir, 'link-to-proc');
      symlinkSync('/proc/self', linkOut);
      const linkToSys = join(dir, 'link-to-sys');
      symlinkSync('/sys', linkToSys);
      const cases: [string, RegExp][] = [
        ['/etc/passwd', /"\/etc\/passwd" is a file, not a folder/],
        ['~/x', /starts with "~", which is not expanded/],
        ['relative/exports', /is a relative path/],
        ['/proc/x', /inside \/proc, a system folder/],
        ['/proc', /inside \/proc, a system folder/],
        ['/dev/shm', /inside \/dev, a system folder/],
        [file, /is a file, not a folder/],
        [linkOut, /leads to \/proc\/\d+, inside \/proc/],
        [linkToSys, /leads to \/sys, inside \/sys/],
        [join(dir, 'does-not-exist'), /does not exist/],
      ];
      for (const [answer, message] of cases) {
        for (const key of ['defaultExportFolder', 'backupFolder'] as const) {
          ctx!.desktop.answerNextFolder(answer);
          const started = Date.now();
          const result = await handlers['settings:chooseFolder']({ key });
          expect(Date.now() - started).toBeLessThan(1000);
          expect(result, `${key} = ${answer}`).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(message) } });
          if (!result.ok) expect(result.error.message).not.toMatch(/\n\s+at /);
        }
      }
      expect(services.settings.get('defaultExportFolder')).toBe('');
      expect(services.settings.get('backupFolder')).toBe('');
      expect(ctx!.desktop.folderRequests.at(-1)).toMatchObject({ pick: 'folder', title: 'Choose the backup folder' });
    });

    it('saves a chosen folder as its real path, and a cancelled dialog changes nothing', async () => {
      const { services, dir } = start();
      const real = join(dir, 'my exports');
      mkdirSync(real);
      const viaLink = join(dir, 'exports-link');
      symlinkSync(real, viaLink);
      ctx!.desktop.answerNextFolder(viaLink);
      const saved = await ok(handlers['settings:chooseFolder']({ key: 'defaultExportFolder' }));
      expect(saved?.defaultExportFolder).toBe(realpathSync(real));
      ctx!.desktop.answerNextFolder(null);
      expect(await ok(handlers['settings:chooseFolder']({ key: 'defaultExportFolder' }))).toBeNull();
      expect(services.settings.get('defaultExportFolder')).toBe(realpathSync(real));
    });

    it('a stored folder that went bad falls back to the default at launch, with a warning, without hanging', async () => {
      const { services, dir } = start();
      const config = services.config;
      await services.close();
      const file = join(dir, 'plain-file');
      writeFileSync(file, 'x');
      const db = new Database(config.dbPath);
      db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('backupFolder', ?, 0), ('defaultExportFolder', ?, 0)").run(
        JSON.stringify('/proc/self/task/nope'),
        JSON.stringify(file),
      );
      db.close();
      const started = Date.now();
      ctx!.services = createServices(config);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(ctx!.services.settings.get('backupFolder')).toBe('');
      expect(ctx!.services.settings.get('defaultExportFolder')).toBe('');
      expect(ctx!.services.backup.folder()).toBe(join(dir, 'backups'));
      const warnings = ctx!.logger.lines.filter((l) => l.event === 'settings.folder_unusable');
      expect(warnings.map((w) => w.key).sort()).toEqual(['backupFolder', 'defaultExportFolder']);
    });
  });
});
