import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the export worker's code is and how to start it. */
export interface ExportWorkerConfig {
  /** The worker entry: out/main/export-worker.js when bundled, worker.ts from source. */
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
  if (!entry) throw new Error('tsx does not export ./esm/api; the export worker cannot run from source');
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}

/** The worker from TypeScript source, for vitest, tsx scripts, the CLI and the harness. */
export function sourceExportWorker(): ExportWorkerConfig {
  return {
    path: fileURLToPath(new URL('./worker.ts', import.meta.url)),
    execArgv: [],
    loader: tsxEsmApi(),
  };
}
