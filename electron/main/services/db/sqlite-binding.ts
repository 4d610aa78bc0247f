import { join } from 'node:path';

/**
 * Which compiled better-sqlite3 binding this process loads. node_modules keeps the build
 * for plain Node (tests, CLI, harness, benchmarks); Electron has another Node ABI and needs
 * its own build, which `npm start` / `npm run dev` put in .electron-native/ (see
 * scripts/electron/ensure-electron.ts) and electron-builder rebuilds for a packaged app.
 * Main decides once and hands the path to every connection, worker threads included,
 * through SQLITE_BINDING_ENV (a worker inherits main's environment and cannot ask Electron).
 */
export const SQLITE_BINDING_ENV = 'SPARK_JOURNAL_SQLITE_BINDING';

export const BINDING_FILE = 'better_sqlite3.node';
/** Written beside the Electron build: what it was built for and how. */
export const STAMP_FILE = 'build.json';

/** The command that (re)creates the Electron build of better-sqlite3. */
export const PREPARE_ELECTRON_COMMAND = 'npm run prepare:electron';

export interface BindingStamp {
  electron: string;
  /** Node module ABI the binary was built for (Electron's process.versions.modules). */
  abi: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
  source: 'prebuilt' | 'compiled';
}

/** The folder of the Electron build for one Electron version, platform and CPU. */
export function electronBindingDir(projectDir: string, target: { electron: string; platform: string; arch: string }): string {
  return join(projectDir, '.electron-native', 'better-sqlite3', `electron-${target.electron}-${target.platform}-${target.arch}`);
}

export interface SqliteRuntime {
  /** process.versions.electron; undefined under plain Node. */
  electronVersion: string | undefined;
  isPackaged: boolean;
  /** app.getAppPath(): the project folder in development. */
  appPath: string;
  /** process.resourcesPath of a packaged app. */
  resourcesPath: string | undefined;
  platform: string;
  arch: string;
}

export type BindingChoice =
  /** Plain Node: better-sqlite3 finds its own build in node_modules. */
  | { kind: 'default' }
  /** Electron from the project folder: the build made by the prestart step. */
  | { kind: 'electron-dev'; path: string; stampPath: string }
  /** A packaged app: the build electron-builder rebuilt, unpacked beside app.asar. */
  | { kind: 'packaged'; path: string };

export function chooseSqliteBinding(runtime: SqliteRuntime): BindingChoice {
  if (!runtime.electronVersion) return { kind: 'default' };
  if (runtime.isPackaged) {
    if (!runtime.resourcesPath) throw new Error('A packaged app must know its resources folder (process.resourcesPath).');
    // asarUnpack keeps node_modules/better-sqlite3 outside the archive: a .node file cannot be dlopen'ed from it.
    return {
      kind: 'packaged',
      path: join(runtime.resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', BINDING_FILE),
    };
  }
  const dir = electronBindingDir(runtime.appPath, { electron: runtime.electronVersion, platform: runtime.platform, arch: runtime.arch });
  return { kind: 'electron-dev', path: join(dir, BINDING_FILE), stampPath: join(dir, STAMP_FILE) };
}

/** What the app tells the user (and the log) when SQLite cannot load in this runtime. */
export interface BindingProblem {
  title: string;
  message: string;
  /** Numbers for the log: this runtime's module ABI and the binary's, when known. */
  runtimeAbi: string;
  binaryAbi: string | null;
  path: string | null;
}

const TITLE = 'Spark Journal needs its database engine built for Electron';

function fixText(choice: BindingChoice): string {
  if (choice.kind === 'packaged') {
    return 'This installation is incomplete: reinstall Spark Journal (a fresh download of the installer).';
  }
  return `Run \`${PREPARE_ELECTRON_COMMAND}\` in the project folder (it needs internet once), then \`npm start\` again.`;
}

export interface BindingFiles {
  exists(path: string): boolean;
  /** The stamp's text, or null when there is none. */
  readText(path: string): string | null;
}

function parseStamp(text: string | null): BindingStamp | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<BindingStamp>;
    return typeof value.abi === 'string' && typeof value.electron === 'string' ? (value as BindingStamp) : null;
  } catch {
    return null;
  }
}

/**
 * Checks, before any connection opens, that the chosen build is there and was made for this
 * runtime's ABI. Null when it is fine (or when nothing can be checked before loading it).
 */
export function checkSqliteBinding(choice: BindingChoice, runtimeAbi: string, files: BindingFiles): BindingProblem | null {
  if (choice.kind === 'default') return null;
  // The prestart step writes the stamp last: a binary without one is an interrupted build.
  const unstamped = choice.kind === 'electron-dev' && parseStamp(files.readText(choice.stampPath)) === null;
  if (!files.exists(choice.path) || unstamped) {
    return {
      title: TITLE,
      message: `The Electron build of better-sqlite3 is missing (${choice.path}).\n\n${fixText(choice)}`,
      runtimeAbi,
      binaryAbi: null,
      path: choice.path,
    };
  }
  if (choice.kind !== 'electron-dev') return null;
  const stamp = parseStamp(files.readText(choice.stampPath));
  if (stamp && stamp.abi !== runtimeAbi) {
    return {
      title: TITLE,
      message:
        `The Electron build of better-sqlite3 was made for module ABI ${stamp.abi} (Electron ${stamp.electron}); ` +
        `this Electron needs ABI ${runtimeAbi}.\n\n${fixText(choice)}`,
      runtimeAbi,
      binaryAbi: stamp.abi,
      path: choice.path,
    };
  }
  return null;
}

/**
 * Recognizes the loader's ABI mismatch ("was compiled against a different Node.js version
 * using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150")
 * in an error from opening the database; null for any other failure.
 */
export function bindingProblemFromError(error: unknown, choice: BindingChoice, runtimeAbi: string): BindingProblem | null {
  const text = error instanceof Error ? error.message : String(error);
  if (!/NODE_MODULE_VERSION|different Node\.js version|invalid ELF header|not a valid Win32 application/i.test(text)) return null;
  const built = /using NODE_MODULE_VERSION (\d+)/.exec(text)?.[1] ?? null;
  return {
    title: TITLE,
    message:
      `The database engine (better-sqlite3) was built for module ABI ${built ?? 'unknown'}; this Electron needs ABI ${runtimeAbi}.\n\n` +
      fixText(choice),
    runtimeAbi,
    binaryAbi: built,
    path: choice.kind === 'default' ? null : choice.path,
  };
}

/** The binding path to hand down through SQLITE_BINDING_ENV, or undefined for the default. */
export function bindingPath(choice: BindingChoice): string | undefined {
  return choice.kind === 'default' ? undefined : choice.path;
}
