import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../electron/main/app-origin';
import { electronBindingDir, SQLITE_BINDING_ENV } from '../../../electron/main/services/db/sqlite-binding';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/**
 * The built main bundle (out/main/index.js) as Electron in development would run it:
 * process.versions.electron set, app not packaged. Which better-sqlite3 build it loads is
 * decided once and handed to every connection and worker; a missing build stops it with the
 * command that fixes it. `npm test` builds first.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = join(root, 'out', 'main', 'index.js');
const require = createRequire(import.meta.url);
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const ELECTRON = '45.4.1';
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

let temp: string;
let run = 0;
const logLines = (userData: string) =>
  readFileSync(join(userData, 'logs', 'main.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Starts a fresh copy of the bundle with the project folder at `appPath`. */
async function startMain(appPath: string): Promise<string> {
  fake.resetFakes();
  const userData = join(temp, `user-data-${++run}`);
  fake.appPaths['userData'] = userData;
  fake.app.appPath = appPath;
  await import(/* @vite-ignore */ `${pathToFileURL(BUNDLE).href}?run=${run}`);
  // Started, or stopped (the log is closed before app.exit).
  const deadline = Date.now() + 10_000;
  const settled = () => fake.app.exitCodes.length > 0 || fake.BrowserWindow.instances.length > 0;
  while (!settled() && Date.now() < deadline) await flush();
  // The log is a write stream: its file appears a moment after the first line.
  while (!existsSync(join(userData, 'logs', 'main.log')) && Date.now() < deadline) await flush();
  await flush();
  return userData;
}

async function quit(): Promise<void> {
  fake.app.quit();
  const deadline = Date.now() + 10_000;
  while (fake.callsTo('app.quit.proceeded').length === 0 && Date.now() < deadline) await flush();
}

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first (npm test does).`);
  if (statSync(join(root, 'electron', 'main', 'index.ts')).mtimeMs > statSync(BUNDLE).mtimeMs) {
    throw new Error(`${BUNDLE} is older than electron/main/index.ts: run \`npm run build\` first.`);
  }
  temp = mkdtempSync(join(tmpdir(), 'spark-main-binding-'));
  Object.defineProperty(process.versions, 'electron', { value: ELECTRON, configurable: true, enumerable: true });
});
afterEach(() => {
  delete process.env[SQLITE_BINDING_ENV];
});
afterAll(() => {
  delete (process.versions as Record<string, string | undefined>)['electron'];
  rmSync(temp, { recursive: true, force: true });
});

describe('main under Electron in development', () => {
  it('without the Electron build: names the command that fixes it, logs both ABIs, opens no database', async () => {
    const project = join(temp, 'project-without-build');
    mkdirSync(project);
    const userData = await startMain(project);
    const [title, message] = (fake.callsTo('dialog.showErrorBox')[0] ?? []) as [string, string];
    expect(title).toBe('Spark Journal needs its database engine built for Electron');
    expect(message).toContain('Run `npm run prepare:electron` in the project folder');
    expect(message).toContain(join(electronBindingDir(project, { electron: ELECTRON, platform: process.platform, arch: process.arch }), 'better_sqlite3.node'));
    expect(message).not.toContain('could not open its database');
    expect(fake.app.exitCodes).toEqual([1]);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(existsSync(join(userData, 'spark-journal.db'))).toBe(false);
    expect(logLines(userData).find((line) => line.event === 'app.sqlite_binding.unusable')).toMatchObject({
      runtimeAbi: process.versions.modules,
      binaryAbi: null,
      choice: 'electron-dev',
    });
  });

  it('with a build stamped for another ABI: both numbers in the message and the log', async () => {
    const project = join(temp, 'project-stale-build');
    const dir = electronBindingDir(project, { electron: ELECTRON, platform: process.platform, arch: process.arch });
    mkdirSync(dir, { recursive: true });
    copyFileSync(nodeBuild, join(dir, 'better_sqlite3.node'));
    writeFileSync(join(dir, 'build.json'), JSON.stringify({ electron: '44.0.0', abi: '999', betterSqlite3: 'x', platform: process.platform, arch: process.arch, source: 'prebuilt' }));
    const userData = await startMain(project);
    const [, message] = (fake.callsTo('dialog.showErrorBox')[0] ?? []) as [string, string];
    expect(message).toContain(`made for module ABI 999 (Electron 44.0.0); this Electron needs ABI ${process.versions.modules}`);
    expect(logLines(userData).find((line) => line.event === 'app.sqlite_binding.unusable')).toMatchObject({
      runtimeAbi: process.versions.modules,
      binaryAbi: '999',
    });
    expect(fake.app.exitCodes).toEqual([1]);
  });

  it('with the build in place: main and its workers open SQLite through it', async () => {
    const project = join(temp, 'project-with-build');
    const dir = electronBindingDir(project, { electron: ELECTRON, platform: process.platform, arch: process.arch });
    mkdirSync(dir, { recursive: true });
    // Here "Electron's ABI" is this Node's: a copy of the Node build stands in for it.
    const binding = join(dir, 'better_sqlite3.node');
    copyFileSync(nodeBuild, binding);
    writeFileSync(join(dir, 'build.json'), JSON.stringify({ electron: ELECTRON, abi: process.versions.modules, betterSqlite3: 'x', platform: process.platform, arch: process.arch, source: 'prebuilt' }));
    // The bundle resolves its renderer, preload and workers from out/ as usual.
    const userData = await startMain(project);
    expect(fake.app.exitCodes).toEqual([]);
    expect(process.env[SQLITE_BINDING_ENV]).toBe(binding);
    expect(logLines(userData).find((line) => line.event === 'app.services.ready')).toMatchObject({
      sqliteBinding: 'electron-dev',
      sqliteBindingPath: binding,
    });
    if (process.platform === 'linux') expect(readFileSync('/proc/self/maps', 'utf8')).toContain(binding);
    const demo = (await fake.ipcMain.invokeFrom(APP_ENTRY_URL, 'app:loadDemo', { trades: 50, seed: 2 })) as { ok: boolean };
    expect(demo.ok).toBe(true);
    // One account: the demo's accounts hold several currencies, which analytics never adds up.
    const accounts = (await fake.ipcMain.invokeFrom(APP_ENTRY_URL, 'accounts:list', {})) as { data: { id: number }[] };
    const filter = { accountIds: [accounts.data[0]!.id] };
    const summary = (await fake.ipcMain.invokeFrom(APP_ENTRY_URL, 'analytics:summary', { filter })) as { ok: boolean; data: { tradeCount: number } };
    expect(summary.ok).toBe(true);
    expect(summary.data.tradeCount).toBeGreaterThan(0);
    await quit();
  });
});
