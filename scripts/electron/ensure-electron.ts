// Runs before `npm start` and `npm run dev` (and as `npm run prepare:electron`). npm here
// installs electron without running its install script, so the Electron runtime (about
// 100 MB) is fetched on first use; electron-vite itself only reads
// node_modules/electron/path.txt and would fail with "Electron uninstall". Then it makes
// sure better-sqlite3 has a build for Electron's Node ABI in .electron-native/, beside the
// Node build in node_modules that the tests use. Offline runs get one clear message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { electronBindingDir } from '../../electron/main/services/db/sqlite-binding';
import { ensureNativeBuild } from './native-build';
import { createNativeBuilders } from './native-builders';

const require = createRequire(import.meta.url);
const projectDir = join(import.meta.dirname, '..', '..');
const electronDir = dirname(require.resolve('electron/package.json'));
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { version: string };
const electronVersion = readJson(join(electronDir, 'package.json')).version;

function installedBinary(): string | null {
  const override = process.env['ELECTRON_EXEC_PATH'];
  if (override) return existsSync(override) ? override : null;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function fail(lines: string[]): never {
  console.error(['', ...lines, 'The tests and the browser harness (`npm run harness`) do not need Electron.'].join('\n'));
  process.exit(1);
}

function ensureRuntime(): void {
  if (installedBinary()) return;
  console.log(`Spark Journal: downloading the Electron ${electronVersion} runtime (first run only, about 100 MB)...`);
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (result.status === 0 && installedBinary()) return;
  fail([
    `Spark Journal could not download the Electron ${electronVersion} runtime, so the desktop app cannot start.`,
    'It needs an internet connection once; after that it runs offline. Then run `npm start` again.',
    'Behind a proxy or mirror: set ELECTRON_MIRROR (or ELECTRON_GET_USE_PROXY=1 with HTTPS_PROXY).',
    'Already have Electron elsewhere: set ELECTRON_EXEC_PATH to its executable.',
  ]);
}

/** Electron's Node module ABI: the file electron ships, else node-abi's table. */
function electronAbi(): string {
  const file = join(electronDir, 'abi_version');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const nodeAbi = createRequire(join(sqliteDir, 'package.json'))('node-abi') as { getAbi(target: string, runtime: string): string };
  return nodeAbi.getAbi(electronVersion, 'electron');
}

async function ensureSqlite(): Promise<void> {
  const target = {
    electron: electronVersion,
    abi: electronAbi(),
    betterSqlite3: readJson(join(sqliteDir, 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  };
  const dir = electronBindingDir(projectDir, target);
  mkdirSync(dirname(dir), { recursive: true });
  const logFile = join(dirname(dir), 'build.log');
  writeFileSync(logFile, '');
  const result = await ensureNativeBuild({
    target,
    dir,
    builders: createNativeBuilders({ packageDir: sqliteDir, logFile }),
    say: (line) => console.log(line),
  });
  if (result.status === 'built') console.log(`Spark Journal: better-sqlite3 for Electron is ready (${result.source}) in ${relative(projectDir, result.path)}.`);
  if (result.status === 'failed') fail([result.message, ...result.attempts.map((attempt) => `  ${attempt}`)]);
}

ensureRuntime();
await ensureSqlite();
