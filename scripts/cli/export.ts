import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SOURCE_MIGRATIONS_FOLDER } from '../../electron/main/services/db/migrations-folder';
import { systemClock } from '../../electron/main/services/clock';
import { silentLogger } from '../../electron/main/services/logging';
import { AppError } from '../../electron/main/services/errors';
import { sourceExportWorker } from '../../electron/main/services/exports/worker-config';
import { formatBytes } from '../../electron/main/services/exports/notify';
import { USAGE, UsageError, parseExportArgs } from './export-args';
import { runHeadlessExport } from './headless-export';

function fail(message: string, code: number): never {
  process.stderr.write(`export: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseExportArgs>;
  try {
    args = parseExportArgs(process.argv.slice(2));
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

  let lastPrint = 0;
  const { job, perf, wallMs } = await runHeadlessExport({
    dbPath: args.dbPath,
    migrationsFolder: SOURCE_MIGRATIONS_FOLDER,
    outPath: args.outPath,
    spec: args.spec,
    worker: sourceExportWorker(),
    clock: systemClock,
    logger: silentLogger,
    onProgress(p) {
      const now = Date.now();
      if (p.status !== 'running' || p.rowsTotal === null || now - lastPrint < 500) return;
      lastPrint = now;
      const pct = p.rowsTotal ? ` (${Math.floor((p.rowsWritten / p.rowsTotal) * 100)} %)` : '';
      process.stderr.write(`  ${p.rowsWritten.toLocaleString('en-US')} of ${p.rowsTotal.toLocaleString('en-US')} rows${pct}, ${formatBytes(p.bytesWritten)}\n`);
    },
  });
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

main().catch((error: unknown) => {
  if (error instanceof AppError) fail(`${error.message} [${error.code}]`, 1);
  fail(error instanceof Error ? error.message : String(error), 1);
});
