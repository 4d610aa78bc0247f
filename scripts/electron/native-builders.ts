import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BINDING_FILE } from '../../electron/main/services/db/sqlite-binding';
import type { NativeBuilders, NativeTarget } from './native-build';

const require = createRequire(import.meta.url);
/** Where Electron publishes the headers node-gyp compiles native modules against. */
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

export interface BuilderOptions {
  /** better-sqlite3's package folder (its package.json, binding.gyp, src/ and deps/). */
  packageDir: string;
  /** The children's output goes here rather than to the terminal. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

function run(name: string, command: string, args: string[], cwd: string, options: BuilderOptions): Promise<void> {
  appendFileSync(options.logFile, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
  return new Promise((resolve, reject) => {
    const env = { ...(options.env ?? process.env) };
    // Under `npm start` npm describes the *project* in npm_package_*; prebuild-install would
    // read a resolved git URL there as "installed from git" and refuse to download.
    delete env['npm_package_resolved'];
    delete env['npm_package_from'];
    // An npmrc `nodedir` (or a target/runtime/disturl meant for Node) would make node-gyp
    // compile against Node's headers: a binary with Node's ABI that Electron refuses.
    for (const key of Object.keys(env)) {
      if (/^npm_config_(build_from_source|nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key)) delete env[key];
    }
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => appendFileSync(options.logFile, chunk);
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}; its output is in ${options.logFile}`))));
  });
}

/**
 * better-sqlite3's own mechanisms, pointed at Electron: prebuild-install fetches the
 * release asset better-sqlite3 publishes per runtime and ABI (mirrors via
 * npm_config_better_sqlite3_binary_host); node-gyp compiles a copy of its sources. Both
 * work in a scratch copy, so the Node build in node_modules is never touched.
 */
export function createNativeBuilders(options: BuilderOptions): NativeBuilders {
  return {
    async prebuilt(target: NativeTarget, scratch: string) {
      // prebuild-install reads the package.json of its working folder for name and version.
      copyFileSync(join(options.packageDir, 'package.json'), join(scratch, 'package.json'));
      // better-sqlite3's own dependency, whichever version it pinned.
      const fromPackage = createRequire(join(options.packageDir, 'package.json'));
      const bin = join(dirname(fromPackage.resolve('prebuild-install/package.json')), 'bin.js');
      const args = [bin, '--runtime', 'electron', '--target', target.electron, '--arch', target.arch, '--platform', target.platform, '--verbose'];
      await run('prebuild-install', process.execPath, args, scratch, options);
      return join(scratch, 'build', 'Release', BINDING_FILE);
    },
    async compile(target: NativeTarget, scratch: string) {
      for (const part of ['package.json', 'binding.gyp', 'src', 'deps']) {
        cpSync(join(options.packageDir, part), join(scratch, part), { recursive: true });
      }
      const bin = join(dirname(require.resolve('node-gyp/package.json')), 'bin', 'node-gyp.js');
      const args = [bin, 'rebuild', '--release', `--target=${target.electron}`, `--arch=${target.arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`];
      await run('node-gyp', process.execPath, args, scratch, options);
      return join(scratch, 'build', 'Release', BINDING_FILE);
    },
  };
}
