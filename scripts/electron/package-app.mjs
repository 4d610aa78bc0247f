#!/usr/bin/env node
// `npm run package [-- electron-builder flags]`: bundles the app and builds installers
// into release/. electron-builder rebuilds better-sqlite3 for Electron's ABI *in place*
// in node_modules; that binary cannot load under plain Node, so the Node build is saved
// first and put back afterwards, keeping `npm test` working after packaging.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const binary = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

// npm puts node_modules/.bin on PATH for scripts; Windows needs a shell to run the .cmd shims.
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

const built = run('electron-vite', ['build']);
if (built !== 0) process.exit(built);

const saveDir = mkdtempSync(join(tmpdir(), 'spark-journal-native-'));
const saved = join(saveDir, 'better_sqlite3.node');
if (existsSync(binary)) copyFileSync(binary, saved);

let status = 1;
try {
  status = run('electron-builder', ['--config', 'electron-builder.yml', ...process.argv.slice(2)]);
} finally {
  if (existsSync(saved)) {
    copyFileSync(saved, binary);
    console.log('Spark Journal: restored the Node build of better-sqlite3 (for npm test and the CLI).');
  }
  rmSync(saveDir, { recursive: true, force: true });
}
if (status === 0) console.log('Spark Journal: installers are in release/.');
process.exit(status);
