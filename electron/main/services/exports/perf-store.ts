import type { Sqlite } from '../db/client';
import type { ExportFormat, ExportJobStatus, ExportType } from '../../../../shared/domain/enums';
import type { ExportPerfRun, ExportPerfSummary } from '../../../../shared/domain/export-job';

const DAY_MS = 86_400_000;

export interface PerfRecord {
  jobId: number;
  type: ExportType;
  format: ExportFormat;
  outcome: ExportJobStatus;
  attempt: number;
  queueWaitMs: number;
  durationMs: number;
  rows: number;
  bytes: number;
  chunkP50Ms: number | null;
  chunkP95Ms: number | null;
  chunkMaxMs: number | null;
  peakHeapBytes: number | null;
  createdAt: number;
}

const RUN_SELECT = `SELECT id, job_id AS jobId, type, format, outcome, attempt, queue_wait_ms AS queueWaitMs,
  duration_ms AS durationMs, rows, bytes, rows_per_sec AS rowsPerSec, chunk_p50_ms AS chunkP50Ms,
  chunk_p95_ms AS chunkP95Ms, chunk_max_ms AS chunkMaxMs, peak_heap_bytes AS peakHeapBytes, created_at AS createdAt
  FROM export_job_performance`;

/** Nearest-rank percentile of an ascending list. */
export function percentileOf(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** One export_job_performance row per run, kept within the retention settings. */
export function createPerfStore(sqlite: Sqlite) {
  const insert = sqlite.prepare(
    `INSERT INTO export_job_performance (job_id, type, format, outcome, attempt, queue_wait_ms, duration_ms, rows, bytes,
       rows_per_sec, chunk_p50_ms, chunk_p95_ms, chunk_max_ms, peak_heap_bytes, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const pruneOld = sqlite.prepare('DELETE FROM export_job_performance WHERE created_at < ?');
  const pruneExcess = sqlite.prepare(
    `DELETE FROM export_job_performance WHERE id IN (
       SELECT id FROM export_job_performance ORDER BY created_at DESC, id DESC LIMIT -1 OFFSET ?)`,
  );

  return {
    record(r: PerfRecord): void {
      const rowsPerSec = r.durationMs > 0 ? (r.rows * 1000) / r.durationMs : r.rows;
      insert.run(
        r.jobId,
        r.type,
        r.format,
        r.outcome,
        r.attempt,
        Math.max(0, Math.round(r.queueWaitMs)),
        Math.max(0, Math.round(r.durationMs)),
        r.rows,
        r.bytes,
        rowsPerSec,
        r.chunkP50Ms,
        r.chunkP95Ms,
        r.chunkMaxMs,
        r.peakHeapBytes,
        r.createdAt,
      );
    },
    /** Drops rows older than `days` and all but the newest `maxRows`; returns how many went. */
    prune(now: number, days: number, maxRows: number): number {
      return sqlite.transaction(() => pruneOld.run(now - days * DAY_MS).changes + pruneExcess.run(maxRows).changes)();
    },
    runs(filter: { type?: ExportType | undefined; format?: ExportFormat | undefined; offset: number; limit: number }): ExportPerfRun[] {
      const clauses: string[] = [];
      const args: (string | number)[] = [];
      if (filter.type) {
        clauses.push('type = ?');
        args.push(filter.type);
      }
      if (filter.format) {
        clauses.push('format = ?');
        args.push(filter.format);
      }
      return sqlite
        .prepare(`${RUN_SELECT} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
        .all(...args, filter.limit, filter.offset) as ExportPerfRun[];
    },
    /** p50/p95/max duration and p50 throughput per format x type; rows are few (retention caps them). */
    summary(since: number): ExportPerfSummary[] {
      const rows = sqlite
        .prepare(
          `SELECT type, format, outcome, duration_ms AS durationMs, rows_per_sec AS rowsPerSec, rows
           FROM export_job_performance WHERE created_at >= ? ORDER BY format, type`,
        )
        .all(since) as { type: ExportType; format: ExportFormat; outcome: ExportJobStatus; durationMs: number; rowsPerSec: number; rows: number }[];
      const groups = new Map<string, typeof rows>();
      for (const row of rows) {
        const key = `${row.format}/${row.type}`;
        const group = groups.get(key);
        if (group) group.push(row);
        else groups.set(key, [row]);
      }
      return [...groups.values()].map((group) => {
        const completed = group.filter((r) => r.outcome === 'completed');
        const durations = completed.map((r) => r.durationMs).sort((a, b) => a - b);
        const speeds = completed.map((r) => r.rowsPerSec).sort((a, b) => a - b);
        return {
          type: group[0]!.type,
          format: group[0]!.format,
          runs: group.length,
          completed: completed.length,
          failed: group.filter((r) => r.outcome === 'failed').length,
          durationP50Ms: percentileOf(durations, 0.5),
          durationP95Ms: percentileOf(durations, 0.95),
          durationMaxMs: durations.length ? durations[durations.length - 1]! : 0,
          rowsPerSecP50: percentileOf(speeds, 0.5),
          rows: completed.reduce((n, r) => n + r.rows, 0),
        };
      });
    },
    /** Mean duration of the completed runs still kept, ms; null when there is none. */
    averageDurationMs(): number | null {
      const row = sqlite
        .prepare(`SELECT AVG(duration_ms) AS average FROM export_job_performance WHERE outcome = 'completed'`)
        .get() as { average: number | null };
      return row.average === null ? null : Math.round(row.average);
    },
  };
}

export type PerfStore = ReturnType<typeof createPerfStore>;
