import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BINDING_FILE,
  bindingPath,
  bindingProblemFromError,
  checkSqliteBinding,
  chooseSqliteBinding,
  PREPARE_ELECTRON_COMMAND,
  type BindingFiles,
  type SqliteRuntime,
} from '../../../../electron/main/services/db/sqlite-binding';

const project = join('/home', 'me', 'spark-journal');
const runtime = (overrides: Partial<SqliteRuntime>): SqliteRuntime => ({
  electronVersion: '45.4.1',
  isPackaged: false,
  appPath: project,
  resourcesPath: undefined,
  platform: 'linux',
  arch: 'x64',
  ...overrides,
});

function files(present: Record<string, string>): BindingFiles {
  return {
    exists: (path) => path in present,
    readText: (path) => present[path] ?? null,
  };
}

describe('chooseSqliteBinding', () => {
  it('leaves plain Node on better-sqlite3 default build', () => {
    const choice = chooseSqliteBinding(runtime({ electronVersion: undefined }));
    expect(choice).toEqual({ kind: 'default' });
    expect(bindingPath(choice)).toBeUndefined();
  });

  it('points Electron in development at the build the prestart step made for that Electron version', () => {
    const choice = chooseSqliteBinding(runtime({}));
    const dir = join(project, '.electron-native', 'better-sqlite3', 'electron-45.4.1-linux-x64');
    expect(choice).toEqual({ kind: 'electron-dev', path: join(dir, BINDING_FILE), stampPath: join(dir, 'build.json') });
    expect(bindingPath(choice)).toBe(join(dir, BINDING_FILE));
  });

  it('points a packaged app at the unpacked build electron-builder rebuilt, never inside app.asar', () => {
    const resources = join('/opt', 'Spark Journal', 'resources');
    const choice = chooseSqliteBinding(runtime({ isPackaged: true, appPath: join(resources, 'app.asar'), resourcesPath: resources }));
    expect(choice).toEqual({
      kind: 'packaged',
      path: join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', BINDING_FILE),
    });
  });

  it('refuses a packaged runtime without a resources folder', () => {
    expect(() => chooseSqliteBinding(runtime({ isPackaged: true }))).toThrow(/resources folder/);
  });
});

describe('checkSqliteBinding', () => {
  const dev = chooseSqliteBinding(runtime({}));
  if (dev.kind !== 'electron-dev') throw new Error('expected the development choice');

  it('has nothing to say under plain Node', () => {
    expect(checkSqliteBinding({ kind: 'default' }, '115', files({}))).toBeNull();
  });

  it('accepts the Electron build when it is there and stamped with this ABI', () => {
    const stamp = JSON.stringify({ electron: '45.4.1', abi: '150', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64', source: 'prebuilt' });
    expect(checkSqliteBinding(dev, '150', files({ [dev.path]: 'binary', [dev.stampPath]: stamp }))).toBeNull();
  });

  it('names the command that fixes a missing Electron build', () => {
    const problem = checkSqliteBinding(dev, '150', files({}));
    expect(problem).toMatchObject({ runtimeAbi: '150', binaryAbi: null, path: dev.path });
    expect(problem?.message).toContain(`Run \`${PREPARE_ELECTRON_COMMAND}\``);
    expect(problem?.message).toContain(dev.path);
  });

  it('takes a binary without its stamp for an interrupted build', () => {
    const problem = checkSqliteBinding(dev, '150', files({ [dev.path]: 'binary' }));
    expect(problem?.message).toContain('is missing');
    expect(problem?.message).toContain(PREPARE_ELECTRON_COMMAND);
  });

  it('reports both ABI numbers when the stamp says the build is for another Electron', () => {
    const stamp = JSON.stringify({ electron: '44.0.0', abi: '140', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64', source: 'compiled' });
    const problem = checkSqliteBinding(dev, '150', files({ [dev.path]: 'binary', [dev.stampPath]: stamp }));
    expect(problem).toMatchObject({ runtimeAbi: '150', binaryAbi: '140' });
    expect(problem?.message).toContain('ABI 140 (Electron 44.0.0)');
    expect(problem?.message).toContain(PREPARE_ELECTRON_COMMAND);
  });

  it('accepts what electron-builder rebuilt when it is in app.asar.unpacked', () => {
    const packaged = chooseSqliteBinding(runtime({ isPackaged: true, resourcesPath: '/opt/app/resources' }));
    if (packaged.kind !== 'packaged') throw new Error('expected the packaged choice');
    expect(checkSqliteBinding(packaged, '150', files({ [packaged.path]: 'binary' }))).toBeNull();
  });

  it('tells a packaged user to reinstall when the rebuilt binary is missing', () => {
    const packaged = chooseSqliteBinding(runtime({ isPackaged: true, resourcesPath: '/opt/app/resources' }));
    const problem = checkSqliteBinding(packaged, '150', files({}));
    expect(problem?.message).toMatch(/reinstall Spark Journal/);
    expect(problem?.message).not.toContain('npm');
  });
});

describe('bindingProblemFromError', () => {
  const dev = chooseSqliteBinding(runtime({}));

  it('turns the loader ABI error into the fix, with both numbers', () => {
    const error = new Error(
      "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150.",
    );
    // The loader breaks lines inside the message; the numbers are still found.
    const problem = bindingProblemFromError(new Error(error.message.replace(/\n/g, ' ')), dev, '150');
    expect(problem).toMatchObject({ runtimeAbi: '150', binaryAbi: '115' });
    expect(problem?.message).toContain(PREPARE_ELECTRON_COMMAND);
  });

  it('leaves any other failure (a corrupt journal, a full disk) to the usual dialog', () => {
    expect(bindingProblemFromError(new Error('file is not a database'), dev, '150')).toBeNull();
  });
});
