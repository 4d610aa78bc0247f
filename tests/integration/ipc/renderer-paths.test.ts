import { fileURLToPath } from 'node:url';
import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../electron/main/services/handlers';
import { createServices } from '../../../electron/main/services/app';
import { createTestServices, type TestServices } from '../../helpers/test-services';
import { seededServices } from '../services/exports/helpers';
import { ExportSpecSchema } from '../../../shared/domain/export-params';

const csvSpec = ExportSpecSchema.parse({ type: 'trades', format: 'csv' });

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));

/** The renderer never names a path: files come from main's dialogs as tokens, backups by listed name. */
describe('paths never come from the renderer', () => {
  let ctx: TestServices | undefined;
  let handlers: Handlers;
  const start = () => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
    return ctx;
  };
  afterEach(async () => {
    await ctx?.cleanup();
    ctx = undefined;
  });

  it('import:preview and import:run refuse a path, and a token main never issued', async () => {
    start();
    for (const request of [{ path: '/etc/passwd' }, { file: '/etc/passwd' }, { file: '../../etc/passwd' }, { file: 'C:\\Windows\\win.ini' }]) {
      for (const name of ['import:preview', 'import:run'] as const) {
        const answer = await handlers[name](request);
        expect(answer, `${name} ${JSON.stringify(request)}`).toMatchObject({ ok: false, error: { code: 'validation' } });
      }
    }
    const forged = await handlers['import:preview']({ file: 'f'.repeat(32) });
    expect(forged).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('Choose the file again') } });
  });

  it('a picked file previews and imports by its token; the token names the file, not its folder', async () => {
    const { services } = start();
    const path = fixture('spark-trades-export.csv');
    ctx!.desktop.answerNextOpen(path);
    const picked = await handlers['import:pickFile']({});
    expect(picked).toMatchObject({ ok: true, data: { file: { token: expect.stringMatching(/^[0-9a-f]{32}$/), fileName: 'spark-trades-export.csv' } } });
    expect(JSON.stringify(picked)).not.toContain('/fixtures/');
    const token = picked.ok ? picked.data.file!.token : '';
    const preview = await handlers['import:preview']({ file: token });
    expect(preview).toMatchObject({ ok: true, data: { fileName: 'spark-trades-export.csv' } });
    const presetId = preview.ok ? (preview.data.detectedPresetId ?? undefined) : undefined;
    expect(presetId).toBeDefined();
    const run = await handlers['import:run']({ file: token, presetId, dryRun: true });
    expect(run).toMatchObject({ ok: true, data: { status: 'dry_run' } });
    ctx!.desktop.answerNextOpen(null);
    expect(await handlers['import:pickFile']({})).toEqual({ ok: true, data: { file: null } });

    // Tokens live in one session: after a restart the same token names nothing.
    const config = services.config;
    await services.close();
    ctx!.services = createServices(config);
    handlers = createHandlers(ctx!.services);
    expect(await handlers['import:preview']({ file: token })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('backup:restore takes a listed backup by name or main’s dialog, never a path', async () => {
    const { services } = start();
    for (const request of [{ path: '/etc/passwd' }, { name: '/etc/passwd' }, { name: '../journal.db' }, { name: '..' }, { name: 'a\\b.db' }, { name: '' }]) {
      expect(await handlers['backup:restore'](request), JSON.stringify(request)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await handlers['backup:restore']({ name: 'journal-daily-2020-01-01T00-00-00-000Z.db' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('no backup named') },
    });
    const made = await services.backup.runAutomatic('daily');
    const listed = await handlers['backup:list']({});
    const name = listed.ok ? listed.data.files[0]!.fileName : '';
    const restored = await handlers['backup:restore']({ name });
    expect(restored).toMatchObject({ ok: true, data: { restoredFrom: made.path } });
  });
});

describe('reveal and open touch only the file an export wrote', () => {
  let current: (TestServices & { out: string }) | undefined;
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });

  it('refuses a target that is now a folder, a link or another kind of file, and names why', async () => {
    const t = (current = seededServices(20));
    const handlers = createHandlers(t.services);
    const target = join(t.out, 'trades.csv');
    const job = await t.services.exports.waitFor(t.services.exports.enqueue(csvSpec, target).id);
    expect(job.status).toBe('completed');

    rmSync(target);
    mkdirSync(target);
    for (const name of ['exports:reveal', 'exports:open'] as const) {
      expect(await handlers[name]({ id: job.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('no longer the CSV file') } });
    }
    rmSync(target, { recursive: true });
    symlinkSync('/bin/sh', target);
    expect(await handlers['exports:open']({ id: job.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    rmSync(target);
    expect(await handlers['exports:open']({ id: job.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.desktop.revealed).toEqual([]);
    expect(t.desktop.opened).toEqual([]);

    writeFileSync(target, 'a,b\n');
    expect(await handlers['exports:reveal']({ id: job.id })).toEqual({ ok: true, data: undefined });
    expect(t.desktop.revealed).toEqual([target]);
  });

  it('an existing folder as the target is a clear validation error, not an internal one', async () => {
    const t = (current = seededServices(5));
    const folder = join(t.out, 'a-folder.csv');
    mkdirSync(folder);
    expect(() => t.services.exports.enqueue(csvSpec, folder)).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('is a folder') }),
    );
    const handlers = createHandlers(t.services);
    t.desktop.answerNextSave(folder);
    expect(await handlers['exports:create']({ type: 'trades', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('is a folder') },
    });
  });
  it('exports to and shows only the chosen folder while it is still a folder; a vanished one is a plain io error', async () => {
    const t = (current = seededServices(5));
    const handlers = createHandlers(t.services);
    const folder = join(t.out, 'chosen');
    mkdirSync(folder);
    t.desktop.answerNextFolder(folder);
    expect(await handlers['settings:chooseFolder']({ key: 'defaultExportFolder' })).toMatchObject({ ok: true });
    await handlers['settings:update']({ patch: { alwaysAskWhereToSave: false } });
    expect(t.services.exports.folder()).toBe(realpathSync(folder));

    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'now a file');
    expect(() => t.services.exports.folder()).toThrow(expect.objectContaining({ code: 'io', message: expect.stringContaining('is a file, not a folder') }));
    expect(await handlers['exports:create']({ type: 'trades', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringMatching(/^The default export folder cannot be used: .* is a file, not a folder\..*Always ask where to save/) },
    });
  });
  it('a save dialog answer inside a system folder is refused before anything is created', async () => {
    const t = (current = seededServices(5));
    const handlers = createHandlers(t.services);
    for (const answer of ['/proc/x/backup.db', '/sys/kernel/new/backup.db', '/dev/shm/backup.db']) {
      t.desktop.answerNextSave(answer);
      expect(await handlers['backup:create']({})).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('a system folder') } });
    }
    t.desktop.answerNextSave('/proc/self/trades');
    expect(await handlers['exports:create']({ type: 'trades', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('inside /proc, a system folder') },
    });
    // A folder the dialog created on the way is fine.
    const nested = join(t.out, 'new', 'deeper', 'backup.db');
    t.desktop.answerNextSave(nested);
    expect(await handlers['backup:create']({})).toMatchObject({ ok: true, data: { path: nested } });
    expect(t.services.exports.list({ offset: 0, limit: 10 })).toEqual([]);
  });
});
