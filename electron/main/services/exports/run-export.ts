import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { openDb, type DbHandle } from '../db/client';
import { selectColumns } from '../../../../shared/domain/export-columns';
import { EXPORT_FORMATS, EXPORT_TYPES } from '../../../../shared/domain/enums';
import { loadRowSource } from './jobs/load';
import { loadWriter } from './writers/registry';
import { FileSink } from './file-sink';
import type { FileOps } from './file-ops';
import { ExportFailure, classifyError, memoryFailure } from './errors';
import { pdfRowCapFailure } from './caps';
import { commitIfOwner } from './commit-guard';
import { CONTROL_CANCEL, CONTROL_RUN, type RunOutcome, type RunStats, type WorkerJob } from './worker-protocol';

/** Rows between checks of the control word, the soft memory limit, progress and backpressure. */
const CHUNK_ROWS = 1024;

export interface RunHooks {
  fileOps: FileOps;
  /** The control word (CONTROL_*); read between chunks. */
  control(): number;
  onStarted(rowsTotal: number): void;
  onProgress(progress: { rowsWritten: number; rowsTotal: number; bytesWritten: number; heapUsed: number }): void;
}

class Stop extends Error {
  constructor(readonly reason: 'cancel' | 'shutdown') {
    super(reason);
  }
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const heapUsed = () => getHeapStatistics().used_heap_size;

/**
 * One attempt of one export, as run inside the worker: its own read-only connection and one
 * read transaction (count, summary and rows see the same snapshot), rows streamed from a
 * prepared statement through the format writer into `<target>.partial`, then fsync + rename (only while
 * the journal still says this run owns the job). Never throws: every ending is a RunOutcome, and every ending but success removes the partial.
 */
export async function runExport(job: WorkerJob, hooks: RunHooks): Promise<RunOutcome> {
  const started = performance.now();
  const chunkTimes: number[] = [];
  let peakHeap = heapUsed();
  let rows = 0;
  let db: DbHandle | null = null;
  let sink: FileSink | null = null;
  const stats = (): RunStats => {
    const sorted = [...chunkTimes].sort((a, b) => a - b);
    return {
      rows,
      bytes: sink?.bytes ?? 0,
      durationMs: Math.round(performance.now() - started),
      chunkP50Ms: percentile(sorted, 0.5),
      chunkP95Ms: percentile(sorted, 0.95),
      chunkMaxMs: sorted.length ? sorted[sorted.length - 1]! : null,
      peakHeapBytes: peakHeap,
    };
  };
  const softLimitBytes = job.softMemoryMb * 1024 * 1024;
  const checkpoint = () => {
    const control = hooks.control();
    if (control !== CONTROL_RUN) throw new Stop(control === CONTROL_CANCEL ? 'cancel' : 'shutdown');
    const heap = heapUsed();
    if (heap > peakHeap) peakHeap = heap;
    if (heap > softLimitBytes) throw memoryFailure('soft', job.softMemoryMb);
  };

  try {
    // Main validated the spec (zod) before it was stored; the worker only checks it is one it
    // can run, so it does not load the schema library just to parse it again.
    const spec = job.spec;
    if (!EXPORT_TYPES.includes(spec.type) || !EXPORT_FORMATS.includes(spec.format)) {
      throw new ExportFailure('validation', 'unknown_spec', `This export (${String(spec.type)} as ${String(spec.format)}) is not one this version can run.`);
    }
    db = openDb(job.dbPath, { readonly: true });
    // A big sort spills to a temp file rather than memory, and a one-pass scan gains little
    // from a big page cache (the OS caches the file): both keep the worker's RSS small.
    db.sqlite.pragma('temp_store = FILE');
    db.sqlite.pragma('cache_size = -8000');
    db.sqlite.exec('BEGIN');
    const columns = selectColumns(spec.type, spec.columns);
    const [source, createWriter] = await Promise.all([
      loadRowSource(spec, { sqlite: db.sqlite, now: job.now }, columns),
      loadWriter(spec.format),
    ]);
    const rowsTotal = source.count();
    if (spec.format === 'pdf' && rowsTotal > job.pdfRowCap) throw pdfRowCapFailure(rowsTotal, job.pdfRowCap);
    hooks.onStarted(rowsTotal);
    checkpoint();

    sink = await FileSink.open(hooks.fileOps, job.targetPath, job.partialPath);
    const writer = createWriter({
      columns,
      sink,
      options: spec.options,
      csvBom: spec.options.csvBom ?? job.csvBom,
      report: {
        title: source.title,
        currency: source.currency,
        rowCurrencies:
          source.currencies && columns.some((c) => c.key === 'currency')
            ? { column: columns.findIndex((c) => c.key === 'currency'), currencies: source.currencies }
            : undefined,
        generatedAt: job.now,
        rowsTotal,
        filters: () => source.filters(),
        summary: () => source.summary(),
      },
    });
    await writer.begin();
    let lastProgress = performance.now();
    let chunkStart = lastProgress;
    // Between chunks and between writes of the final flush: stop if asked, report progress.
    const tick = () => {
      checkpoint();
      const now = performance.now();
      if (now - lastProgress >= job.progressIntervalMs) {
        lastProgress = now;
        hooks.onProgress({ rowsWritten: rows, rowsTotal, bytesWritten: sink!.bytes, heapUsed: heapUsed() });
      }
    };
    for (const values of source.rows()) {
      writer.row(values);
      rows += 1;
      if (rows % CHUNK_ROWS === 0) {
        const pending = writer.ready();
        if (pending) await pending;
        tick();
        const now = performance.now();
        chunkTimes.push(now - chunkStart);
        chunkStart = now;
      }
    }
    await writer.finish(rows);
    await sink.drain(tick);
    checkpoint();
    await sink.finish(commitIfOwner(job.dbPath, job.jobId, job.runToken));
    hooks.onProgress({ rowsWritten: rows, rowsTotal: Math.max(rowsTotal, rows), bytesWritten: sink.bytes, heapUsed: heapUsed() });
    return { kind: 'completed', stats: stats() };
  } catch (error) {
    await sink?.abort();
    if (error instanceof Stop) return { kind: 'stopped', reason: error.reason, stats: stats() };
    const failure = error instanceof ExportFailure ? error : classifyError(error, job.targetPath);
    return { kind: 'failed', error: failure.toJobError(), stats: stats() };
  } finally {
    try {
      if (db?.sqlite.inTransaction) db.sqlite.exec('COMMIT');
    } catch {
      // A read transaction has nothing to lose.
    }
    db?.close();
  }
}
