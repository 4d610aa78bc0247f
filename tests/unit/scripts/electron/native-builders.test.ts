import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeBuilders } from '../../../../scripts/electron/native-builders';

// The real prebuild-install, run the way `npm start` runs it, against a local mirror
// (better-sqlite3's documented npm_config_better_sqlite3_binary_host) instead of GitHub.
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
const target = { electron: '45.4.1', abi: '150', betterSqlite3: version, platform: 'linux', arch: 'x64' };

let root: string;
let server: Server;
let mirror: string;
const requested: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'spark-prebuilt-'));
  const staged = join(root, 'asset');
  mkdirSync(join(staged, 'build', 'Release'), { recursive: true });
  writeFileSync(join(staged, 'build', 'Release', 'better_sqlite3.node'), 'node_register_module_v150 from the mirror');
  const tarball = join(root, 'asset.tar.gz');
  execFileSync('tar', ['-czf', tarball, '-C', staged, 'build']);
  const asset = `/v${version}/better-sqlite3-v${version}-electron-v150-linux-x64.tar.gz`;
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    if (request.url === asset) response.end(readFileSync(tarball));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  mirror = `http://127.0.0.1:${address.port}`;
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('createNativeBuilders().prebuilt', () => {
  it('asks for the electron-v<ABI> asset of this better-sqlite3 version and unpacks it in the scratch folder', async () => {
    const scratch = mkdtempSync(join(root, 'scratch-'));
    const logFile = join(root, 'build.log');
    const env = { PATH: process.env['PATH'], npm_config_better_sqlite3_binary_host: mirror, npm_config_cache: join(root, 'npm-cache') };
    const built = await createNativeBuilders({ packageDir, logFile, env }).prebuilt(target, scratch);
    expect(built).toBe(join(scratch, 'build', 'Release', 'better_sqlite3.node'));
    expect(readFileSync(built, 'utf8')).toBe('node_register_module_v150 from the mirror');
    expect(requested).toEqual([`/v${version}/better-sqlite3-v${version}-electron-v150-linux-x64.tar.gz`]);
  });

  it('fails with the tool name and where its output went when there is no such asset', async () => {
    const scratch = mkdtempSync(join(root, 'scratch-'));
    const logFile = join(root, 'missing.log');
    const env = { PATH: process.env['PATH'], npm_config_better_sqlite3_binary_host: `${mirror}/nothing-here`, npm_config_cache: join(root, 'npm-cache-2') };
    await expect(createNativeBuilders({ packageDir, logFile, env }).prebuilt(target, scratch)).rejects.toThrow(
      `prebuild-install exited with 1; its output is in ${logFile}`,
    );
    expect(readFileSync(logFile, 'utf8')).toContain('404');
  });
});
