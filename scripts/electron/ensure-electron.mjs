#!/usr/bin/env node
// Runs before `npm start` and `npm run dev`. npm here installs electron without running
// its install script, so the Electron runtime (about 100 MB) is fetched on first use;
// electron-vite itself only reads node_modules/electron/path.txt and would fail with
// "Electron uninstall". This script fetches it once, offline runs get a clear message.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));

function installedBinary() {
  if (process.env.ELECTRON_EXEC_PATH) return existsSync(process.env.ELECTRON_EXEC_PATH) ? process.env.ELECTRON_EXEC_PATH : null;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (installedBinary()) process.exit(0);

console.log(`Spark Journal: downloading the Electron ${version} runtime (first run only, about 100 MB)...`);
const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
if (result.status === 0 && installedBinary()) process.exit(0);

console.error(
  [
    '',
    `Spark Journal could not download the Electron ${version} runtime, so the desktop app cannot start.`,
    'It needs an internet connection once; after that it runs offline. Then run `npm start` again.',
    'Behind a proxy or mirror: set ELECTRON_MIRROR (or ELECTRON_GET_USE_PROXY=1 with HTTPS_PROXY).',
    'Already have Electron elsewhere: set ELECTRON_EXEC_PATH to its executable.',
    'The tests and the browser harness (`npm run harness`) do not need Electron.',
  ].join('\n'),
);
process.exit(1);
