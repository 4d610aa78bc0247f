import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SOURCE_MIGRATIONS_FOLDER } from '../../electron/main/services/db/migrations-folder';
import { systemClock } from '../../electron/main/services/clock';
import { silentLogger } from '../../electron/main/services/logging';
import { AppError } from '../../electron/main/services/errors';
import type { ExportWorkerConfig } from '../../electron/main/services/exports/worker-config';
import { formatBytes } from '../../electron/main/services/exports/notify';
import { USAGE, UsageError, parseExportArgs } from './export-args';
import { runHeadlessExport } from './headless-export';

function fail(message: string, code: number): never {
  process.stderr.write(`export: ${message}\n`);
  process.exit(code);
}

async function main(argv: string[], worker: ExportWorkerConfig): Promise<void> {
  let args: ReturnType<typeof parseExportArgs>;
  try {
    args = parseExportArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n\n${USAGE}`, 2);
    throw error;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!existsSync(args.dbPath)) fail(`the journal ${args.dbPath} does not exist`, 2);
  mkdirSync(dirname(args.outPath), { recursive: true });

  // Ctrl-C (or a kill) cancels the job: its partial file is removed and the exit code says so.
  const interrupt = new AbortController();
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) fail(`${signal} again: stopping now`, signal === 'SIGINT' ? 130 : 143);
    signalled = signal;
    process.stderr.write(`export: ${signal}: cancelling the export...\n`);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let lastPrint = 0;
  const { job, perf, wallMs } = await runHeadlessExport({
    signal: interrupt.signal,
    dbPath: args.dbPath,
    migrationsFolder: SOURCE_MIGRATIONS_FOLDER,
    outPath: args.outPath,
    spec: args.spec,
    worker,
    clock: systemClock,
    logger: silentLogger,
    onRetry(job) {
      const seconds = job.nextAttemptAt === null ? 0 : Math.max(0, (job.nextAttemptAt - Date.now()) / 1000);
      process.stderr.write(`  attempt ${job.attempt} of ${job.maxAttempts} failed: ${job.error?.message ?? 'no details'}; trying again in ${seconds.toFixed(1)} s\n`);
    },
    onProgress(p) {
      const now = Date.now();
      if (p.status !== 'running' || p.rowsTotal === null || now - lastPrint < 500) return;
      lastPrint = now;
      const pct = p.rowsTotal ? ` (${Math.floor((p.rowsWritten / p.rowsTotal) * 100)} %)` : '';
      process.stderr.write(`  ${p.rowsWritten.toLocaleString('en-US')} of ${p.rowsTotal.toLocaleString('en-US')} rows${pct}, ${formatBytes(p.bytesWritten)}\n`);
    },
  });
  if (signalled && job.status === 'cancelled') {
    fail(`cancelled by ${signalled}; no file was written and the partial file was removed`, signalled === 'SIGINT' ? 130 : 143);
  }
  if (job.status !== 'completed') {
    fail(`${job.status}: ${job.error?.message ?? 'no details'} [${job.error?.class ?? '?'}/${job.error?.code ?? '?'}]`, 1);
  }
  const seconds = wallMs / 1000;
  process.stdout.write(
    [
      `Wrote ${job.targetPath}`,
      `  rows      ${job.rowsWritten.toLocaleString('en-US')}`,
      `  size      ${formatBytes(job.bytesWritten)} (${job.bytesWritten.toLocaleString('en-US')} bytes)`,
      `  time      ${seconds.toFixed(2)} s (worker ${((perf?.durationMs ?? 0) / 1000).toFixed(2)} s)`,
      `  rows/s    ${Math.round(job.rowsWritten / Math.max(seconds, 0.001)).toLocaleString('en-US')}`,
      `  peak heap ${formatBytes(perf?.peakHeapBytes ?? 0)} (worker)`,
      '',
    ].join('\n'),
  );
}

/**
 * The `npm run export` process: runs one export with `worker` and exits 0 only with the file
 * written; a failed or cancelled job, or Ctrl-C, exits non-zero with the reason on stderr.
 */
export function startExportCli(argv: string[], worker: ExportWorkerConfig): void {
  let done = false;
  // The event loop ran dry before the job ended: never a silent exit 0 without a file.
  process.on('beforeExit', () => {
    if (!done) fail('the export stopped without finishing (nothing was left to wait on)', 1);
  });
  main(argv, worker)
    .then(() => {
      done = true;
    })
    .catch((error: unknown) => {
      done = true;
      if (error instanceof AppError) fail(`${error.message} [${error.code}]`, 1);
      fail(error instanceof Error ? error.message : String(error), 1);
    });
}
