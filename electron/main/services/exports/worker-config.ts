import { sourceWorkerEntry, type WorkerEntry } from '../workers/worker-entry';

/** Where the export worker's code is and how to start it. */
export type ExportWorkerConfig = WorkerEntry;

/** The export worker from TypeScript source, for vitest, tsx scripts, the CLI and the harness. */
export function sourceExportWorker(): ExportWorkerConfig {
  return sourceWorkerEntry(new URL('./worker.ts', import.meta.url));
}
