import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideNativeBuild, ensureNativeBuild, type NativeBuilders, type NativeTarget } from '../../../../scripts/electron/native-build';
import { electronBindingDir } from '../../../../electron/main/services/db/sqlite-binding';

const target: NativeTarget = { electron: '45.4.1', abi: '150', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'spark-native-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

type Outcome = { abi: string } | { error: string };
/** The downloader and the compiler, faked at their edge: they write a binary (or fail) in the scratch folder. */
function builders(prebuilt: Outcome, compile: Outcome) {
  const used: string[] = [];
  const make = (name: string, outcome: Outcome) => async (_target: NativeTarget, scratch: string) => {
    used.push(name);
    if ('error' in outcome) throw new Error(outcome.error);
    const file = join(scratch, 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(join(scratch, 'build', 'Release'), { recursive: true });
    writeFileSync(file, `\u007fELF...node_register_module_v${outcome.abi}...${name}`);
    return file;
  };
  const fake: NativeBuilders = { prebuilt: make('prebuilt', prebuilt), compile: make('compile', compile) };
  return { fake, used };
}

const ensure = (dir: string, fake: NativeBuilders, lines: string[] = []) =>
  ensureNativeBuild({ target, dir, builders: fake, say: (line) => lines.push(line) });

describe('decideNativeBuild', () => {
  const stamp = JSON.stringify({ ...target, source: 'prebuilt' });
  it('keeps a stamped build for exactly this target', () => {
    expect(decideNativeBuild(target, true, stamp)).toEqual({ action: 'keep' });
  });
  it('builds when the binary or its stamp is missing', () => {
    expect(decideNativeBuild(target, false, stamp)).toEqual({ action: 'build', reason: 'missing' });
    expect(decideNativeBuild(target, true, null)).toEqual({ action: 'build', reason: 'missing' });
  });
  it('rebuilds when Electron, its ABI or better-sqlite3 changed, or the stamp is unreadable', () => {
    for (const changed of [{ electron: '45.5.0' }, { abi: '151' }, { betterSqlite3: '12.12.0' }, { arch: 'arm64' }]) {
      expect(decideNativeBuild(target, true, JSON.stringify({ ...target, ...changed }))).toEqual({ action: 'build', reason: 'changed' });
    }
    expect(decideNativeBuild(target, true, '{not json')).toEqual({ action: 'build', reason: 'changed' });
  });
});

describe('ensureNativeBuild', () => {
  it('fetches the prebuilt binary on first run, stamps it, and does nothing the next time', async () => {
    const dir = electronBindingDir(root, target);
    const first = builders({ abi: '150' }, { error: 'not needed' });
    const lines: string[] = [];
    const result = await ensure(dir, first.fake, lines);
    expect(result).toEqual({ status: 'built', path: join(dir, 'better_sqlite3.node'), source: 'prebuilt' });
    expect(first.used).toEqual(['prebuilt']);
    expect(readFileSync(join(dir, 'better_sqlite3.node'), 'utf8')).toContain('prebuilt');
    expect(JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8'))).toEqual({ ...target, source: 'prebuilt' });
    expect(lines[0]).toContain('first run');

    const again = builders({ error: 'must not be called' }, { error: 'must not be called' });
    expect(await ensure(dir, again.fake)).toEqual({ status: 'kept', path: join(dir, 'better_sqlite3.node') });
    expect(again.used).toEqual([]);
  });

  it('rebuilds when the stamp is for another better-sqlite3 version', async () => {
    const dir = electronBindingDir(root, target);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'better_sqlite3.node'), 'old');
    writeFileSync(join(dir, 'build.json'), JSON.stringify({ ...target, betterSqlite3: '12.10.0', source: 'prebuilt' }));
    const run = builders({ abi: '150' }, { error: 'not needed' });
    const lines: string[] = [];
    expect(await ensure(dir, run.fake, lines)).toMatchObject({ status: 'built', source: 'prebuilt' });
    expect(lines[0]).toContain('changed');
    expect(readFileSync(join(dir, 'better_sqlite3.node'), 'utf8')).not.toBe('old');
  });

  it('compiles from source when no prebuilt binary can be had', async () => {
    const dir = electronBindingDir(root, target);
    const run = builders({ error: 'prebuild-install exited with 1' }, { abi: '150' });
    expect(await ensure(dir, run.fake)).toMatchObject({ status: 'built', source: 'compiled' });
    expect(run.used).toEqual(['prebuilt', 'compile']);
    expect(JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8'))).toMatchObject({ source: 'compiled' });
  });

  it('refuses a binary built for another ABI (Node headers picked up by mistake)', async () => {
    const dir = electronBindingDir(root, target);
    const run = builders({ abi: '115' }, { abi: '115' });
    const result = await ensure(dir, run.fake);
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.attempts).toEqual([
      'prebuilt: the binary was built for module ABI 115, not 150',
      'compiled: the binary was built for module ABI 115, not 150',
    ]);
  });

  it('offline: stops with one clear message and leaves no half build or stale stamp behind', async () => {
    const dir = electronBindingDir(root, target);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'better_sqlite3.node'), 'old');
    writeFileSync(join(dir, 'build.json'), JSON.stringify({ ...target, electron: '44.0.0', source: 'prebuilt' }));
    const run = builders({ error: 'getaddrinfo ENOTFOUND github.com' }, { error: 'node-gyp exited with 1' });
    const result = await ensure(dir, run.fake);
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.message).toMatch(/^Spark Journal could not get better-sqlite3 built for Electron 45\.4\.1 \(module ABI 150\)/);
    expect(result.message).toContain('internet connection once');
    expect(result.attempts).toEqual(['prebuilt: getaddrinfo ENOTFOUND github.com', 'compiled: node-gyp exited with 1']);
    expect(existsSync(join(dir, 'build.json'))).toBe(false);
    expect(existsSync(join(dir, 'better_sqlite3.node'))).toBe(false);
  });
});
