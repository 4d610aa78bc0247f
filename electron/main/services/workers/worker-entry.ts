import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Where a worker_thread's code is and how to start it. */
export interface WorkerEntry {
  /** The worker entry: a bundled out/main/*.js, or a .ts file when run from source. */
  path: string;
  execArgv?: string[];
  /**
   * A module URL exporting register() (tsx/esm/api), run in the worker before the entry so a
   * TypeScript entry runs from source. Node 20 does not apply `--import` hooks to a worker's
   * entry, hence a loader step instead of `execArgv: ['--import', 'tsx']`.
   */
  loader?: string;
}

/** tsx's ESM API module, found through the package's own exports map. */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import?.default;
  if (!entry) throw new Error('tsx does not export ./esm/api; a worker cannot run from TypeScript source');
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}

/** A worker from TypeScript source (vitest, tsx scripts, the CLI and the harness). */
export function sourceWorkerEntry(entryUrl: URL): WorkerEntry {
  return { path: fileURLToPath(entryUrl), execArgv: [], loader: tsxEsmApi() };
}

/** Starts the entry as a worker_thread, through the loader when it has one. */
export function spawnWorkerEntry(entry: WorkerEntry, options: Omit<WorkerOptions, 'eval' | 'execArgv'>): Worker {
  const withArgs = { ...options, execArgv: entry.execArgv ?? [] };
  if (!entry.loader) return new Worker(entry.path, withArgs);
  const url = pathToFileURL(entry.path).href;
  const boot = `import(${JSON.stringify(entry.loader)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { ...withArgs, eval: true });
}
