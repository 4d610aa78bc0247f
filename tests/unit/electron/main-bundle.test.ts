import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { APP_ENTRY_URL } from '../../../electron/main/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/**
 * Loads the built main bundle (out/main/index.js, as Electron would) against the
 * recording fakes: proves the lifecycle wiring and the build layout (preload, renderer
 * and migrations where index.js expects them). `npm test` builds first.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = (...parts: string[]) => join(root, 'out', ...parts);
const BUNDLE = out('main', 'index.js');

/** The newest source file the main bundle is built from (electron/ and shared/). */
function newestSource(): { path: string; mtimeMs: number } {
  let newest = { path: '', mtimeMs: 0 };
  for (const folder of ['electron', 'shared']) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|sql|json)$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      const { mtimeMs } = statSync(path);
      if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
    }
  }
  return newest;
}

let userData = '';
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));
const logLines = () =>
  readFileSync(join(userData, 'logs', 'main.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first (npm test does).`);
  const source = newestSource();
  if (source.mtimeMs > statSync(BUNDLE).mtimeMs) {
    throw new Error(`${BUNDLE} is older than ${source.path}: run \`npm run build\` first (npm test does).`);
  }
  fake.resetFakes();
  userData = mkdtempSync(join(tmpdir(), 'spark-main-'));
  fake.appPaths['userData'] = userData;
  fake.app.appPath = root;
  await import(/* @vite-ignore */ pathToFileURL(BUNDLE).href);
  // The log is a write stream: on a busy machine its lines land some time after start-up.
  const logFile = join(userData, 'logs', 'main.log');
  const deadline = Date.now() + 10_000;
  while (!(existsSync(logFile) && readFileSync(logFile, 'utf8').includes('"app.services.ready"')) && Date.now() < deadline) await flush();
});

afterAll(async () => {
  if (!userData) return;
  // Close the database if a test failed before the quit test did.
  if (fake.callsTo('app.quit.proceeded').length === 0) {
    fake.app.quit();
    const deadline = Date.now() + 10_000;
    while (fake.callsTo('app.quit.proceeded').length === 0 && Date.now() < deadline) await flush();
  }
  rmSync(userData, { recursive: true, force: true });
});

describe('out/main/index.js', () => {
  it('takes the single-instance lock and logs to userData/logs/main.log', () => {
    expect(fake.callsTo('app.requestSingleInstanceLock')).toHaveLength(1);
    const events = logLines().map((line) => line.event);
    expect(events.slice(0, 1)).toEqual(['app.start']);
    expect(events).toContain('app.services.ready');
    expect(fake.app.exitCodes).toEqual([]);
  });

  it('creates and migrates the journal database in userData', () => {
    expect(existsSync(join(userData, 'spark-journal.db'))).toBe(true);
    expect(existsSync(out('main', 'migrations', 'meta', '_journal.json'))).toBe(true);
  });

  it('opens one secure window on the bundled preload and renderer', () => {
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    const window = fake.BrowserWindow.instances[0] as fake.BrowserWindow;
    const prefs = window.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs['preload']).toBe(out('preload', 'index.cjs'));
    expect(existsSync(prefs['preload'] as string)).toBe(true);
    expect(window.loaded).toEqual([APP_ENTRY_URL]);
    expect(window.options['icon']).toBe(join(root, 'resources', 'icon.png'));
    expect(window.webContents.openHandler).not.toBeNull();
    expect(fake.callsTo('session.onHeadersReceived')).toHaveLength(1);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
  });

  it('serves the built renderer on the privileged app:// scheme, with the CSP header', async () => {
    expect(fake.callsTo('protocol.registerSchemesAsPrivileged')).toEqual([
      [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
    ]);
    expect(fake.callsTo('protocol.handle')).toEqual([['app']]);
    const page = await fake.protocol.fetch(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await page.text();
    expect(html).toBe(readFileSync(out('renderer', 'index.html'), 'utf8'));
    // Every script the page names is served from the same origin.
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const script = await fake.protocol.fetch(new URL(src, APP_ENTRY_URL).href);
      expect(script.status, src).toBe(200);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    expect((await fake.protocol.fetch('app://renderer/%2e%2e/main/index.js')).status).toBe(404);
  });

  it('registers every contract channel and answers the window with the real services', async () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const rendererUrl = APP_ENTRY_URL;
    const fileUrl = pathToFileURL(out('renderer', 'index.html')).href;
    expect(((await fake.ipcMain.invokeFrom(fileUrl, 'app:info', {})) as { ok: boolean }).ok).toBe(false);
    const info = (await fake.ipcMain.invokeFrom(`${rendererUrl}#/`, 'app:info', {})) as { ok: boolean; data: { dbPath: string; version: string } };
    expect(info).toMatchObject({ ok: true, data: { dbPath: join(userData, 'spark-journal.db'), version: '0.1.0-test' } });
    const refused = (await fake.ipcMain.invokeFrom('https://evil.example/', 'app:info', {})) as { ok: boolean };
    expect(refused.ok).toBe(false);
  });

  it('sets the app menu and a tray with existing icons', () => {
    expect(fake.callsTo('Menu.setApplicationMenu')).toHaveLength(1);
    expect(fake.Tray.instances).toHaveLength(1);
    const tray = fake.Tray.instances[0] as fake.Tray;
    expect(existsSync(tray.image.path)).toBe(true);
    expect(tray.tooltip).toBe('Spark Journal');
  });

  it('runs an export in the bundled worker (out/main/export-worker.js) and notifies once when it is written', async () => {
    const rendererUrl = APP_ENTRY_URL;
    const demo = (await fake.ipcMain.invokeFrom(rendererUrl, 'app:loadDemo', { trades: 200, seed: 3 })) as { ok: boolean };
    expect(demo.ok).toBe(true);
    const target = join(userData, 'bundle-trades.csv');
    fake.dialogAnswers.save = { canceled: false, filePath: target };
    const created = (await fake.ipcMain.invokeFrom(rendererUrl, 'exports:create', { type: 'trades', format: 'csv', params: {} })) as { ok: boolean; data: { id: number } | null };
    expect(created.ok).toBe(true);
    const deadline = Date.now() + 20_000;
    while (fake.Notification.instances.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.Notification.instances).toHaveLength(1);
    expect(existsSync(target)).toBe(true);
    // The log file is written through a stream: the line may land just after the notification.
    const logged = () => logLines().some((line) => line.event === 'export.job.completed');
    const logDeadline = Date.now() + 5_000;
    while (!logged() && Date.now() < logDeadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged()).toBe(true);
    (fake.Notification.instances[0] as fake.Notification).emit('click', {});
    expect(fake.callsTo('shell.showItemInFolder')).toEqual([[target]]);
    // The window heard about it too, through the forwarded events.
    const window = fake.BrowserWindow.instances[0] as fake.BrowserWindow;
    expect(window.webContents.sent.some(([channel]) => channel === 'event:exports:finished')).toBe(true);
  });

  it('answers analytics from the bundled worker (out/main/analytics-worker.js)', async () => {
    const rendererUrl = APP_ENTRY_URL;
    // One account: the demo's accounts hold several currencies, which analytics never adds up.
    const accounts = (await fake.ipcMain.invokeFrom(rendererUrl, 'accounts:list', {})) as { data: { id: number }[] };
    const filter = { accountIds: [accounts.data[0]!.id] };
    const summary = (await fake.ipcMain.invokeFrom(rendererUrl, 'analytics:summary', { filter })) as { ok: boolean; data: { tradeCount: number } };
    expect(summary).toMatchObject({ ok: true, data: { tradeCount: expect.any(Number) } });
    expect(summary.data.tradeCount).toBeGreaterThan(0);
    expect(logLines().find((line) => line.event === 'app.services.ready')).toMatchObject({ analyticsWorker: out('main', 'analytics-worker.js') });
  });

  it('validates equity in the bundled worker (out/main/equity-validation-worker.js)', async () => {
    const rendererUrl = APP_ENTRY_URL;
    const run = (await fake.ipcMain.invokeFrom(rendererUrl, 'equity:validate', {})) as { ok: boolean; data: { status: string; daysChecked: number } };
    expect(run).toMatchObject({ ok: true, data: { status: 'ok', daysChecked: expect.any(Number) } });
    expect(run.data.daysChecked).toBeGreaterThan(0);
    expect(logLines().find((line) => line.event === 'app.services.ready')).toMatchObject({ equityValidationWorker: out('main', 'equity-validation-worker.js') });
  });

  it('a second launch focuses the existing window instead of opening another', () => {
    fake.app.emit('second-instance');
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect((fake.BrowserWindow.instances[0] as fake.BrowserWindow).focused).toBe(1);
  });

  it('quits gracefully: the first quit is held until services are closed, then goes through', async () => {
    fake.app.quit();
    expect(fake.callsTo('app.quit.proceeded')).toHaveLength(0);
    const deadline = Date.now() + 10_000;
    while (fake.callsTo('app.quit.proceeded').length === 0 && Date.now() < deadline) await flush();
    expect(fake.callsTo('app.quit.proceeded')).toHaveLength(1);
    expect(logLines().at(-1)?.event).toBe('app.quit');
  });
});
