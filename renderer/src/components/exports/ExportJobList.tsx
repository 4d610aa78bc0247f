import type { ExportJob } from '../../../../shared/domain/export-job';
import { EXPORT_TYPE_LABELS } from '../../../../shared/domain/export-columns';
import type { Formatters } from '../../format';
import { useFormat } from '../../hooks/use-format';
import { useExportsStore } from '../../store/exports-store';
import { FORMAT_LABELS } from './ExportForm';

const STATUS: Record<ExportJob['status'], { label: string; tone: string }> = {
  queued: { label: 'Queued', tone: 'info' },
  running: { label: 'Running', tone: 'info' },
  completed: { label: 'Done', tone: 'ok' },
  failed: { label: 'Failed', tone: 'crit' },
  cancelled: { label: 'Cancelled', tone: 'warn' },
};

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function progressOf(job: ExportJob): number | null {
  if (job.status === 'completed') return 100;
  if (!job.rowsTotal) return null;
  return Math.min(100, Math.floor((job.rowsWritten / job.rowsTotal) * 100));
}

function summary(job: ExportJob, fmt: Formatters, now: number): string {
  if (job.status === 'cancelled' || job.status === 'failed') {
    return job.rowsTotal !== null
      ? `Stopped at ${fmt.count(job.rowsWritten)} of ${fmt.count(job.rowsTotal)} rows`
      : `Stopped after ${fmt.count(job.rowsWritten)} rows`;
  }
  const rows = job.rowsTotal !== null ? `${fmt.count(job.rowsWritten)} of ${fmt.count(job.rowsTotal)} rows` : `${fmt.count(job.rowsWritten)} rows`;
  const pct = progressOf(job);
  const parts = [rows];
  if (job.status === 'running' && pct !== null) parts.push(`${pct}%`);
  const end = job.finishedAt ?? now;
  if (job.startedAt !== null && job.rowsWritten > 0 && end > job.startedAt) {
    parts.push(`${fmt.count(Math.round(job.rowsWritten / ((end - job.startedAt) / 1000)))} rows/s`);
  }
  if (job.bytesWritten > 0) parts.push(fmt.bytes(job.bytesWritten));
  if (job.status === 'completed' && job.startedAt !== null && job.finishedAt !== null) parts.push(`took ${fmt.duration(job.finishedAt - job.startedAt)}`);
  return parts.join(' · ');
}

/** Plain words for what the user can do next, beyond the server's own message. */
function nextStep(job: ExportJob, fmt: Formatters): string | null {
  if (job.status === 'queued' && job.nextAttemptAt) {
    return `A temporary problem stopped attempt ${job.attempt} of ${job.maxAttempts}. Spark Journal tries again at ${fmt.dateTime(job.nextAttemptAt)}; nothing to do.`;
  }
  if (job.status === 'failed' && job.error?.class === 'transient') return 'It failed after every automatic retry. Retry it when the problem is gone.';
  if (job.status === 'cancelled') return 'No file was left behind. Retry to run it again.';
  return null;
}

function JobRow({ job }: { job: ExportJob }) {
  const fmt = useFormat();
  const act = useExportsStore((s) => s.act);
  const actionError = useExportsStore((s) => s.actionErrors[job.id]);
  const pct = progressOf(job);
  const status = STATUS[job.status];
  const active = job.status === 'queued' || job.status === 'running';
  const title = `${EXPORT_TYPE_LABELS[job.type]} · ${FORMAT_LABELS[job.format]}`;
  const step = nextStep(job, fmt);
  return (
    <li className="job" data-job-id={job.id} data-status={job.status} aria-label={`Export ${job.id}: ${title}, ${status.label}`}>
      <div className="job-head">
        <span className="job-title">
          <strong>{title}</strong> <span className="muted">#{job.id}</span>
        </span>
        <span className={`badge ${status.tone}`}>{status.label}</span>
      </div>
      <div className="job-file" title={job.targetPath}>
        {fileName(job.targetPath)}
      </div>
      <div
        className={`progress ${job.status === 'completed' ? 'done' : job.status === 'failed' ? 'failed' : job.status === 'cancelled' ? 'stopped' : ''} ${pct === null && active ? 'indeterminate' : ''}`}
        role="progressbar"
        aria-label={`Export ${job.id} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? `${fmt.count(job.rowsWritten)} rows written` : `${pct}%`}
      >
        <span style={{ width: pct === null ? undefined : `${pct}%` }} />
      </div>
      <div className="job-meta">
        <span>{summary(job, fmt, Date.now())}</span>
        <span className="muted">
          Started {fmt.dateTime(job.createdAt)}
          {job.attempt > 1 ? ` · attempt ${job.attempt} of ${job.maxAttempts}` : ''}
        </span>
      </div>
      {job.error && job.status !== 'cancelled' && (
        <p className={job.status === 'failed' ? 'notice crit' : 'notice warn'} role={job.status === 'failed' ? 'alert' : undefined}>
          {job.error.message}
        </p>
      )}
      {step && <p className="muted small">{step}</p>}
      {actionError && (
        <p className="notice crit" role="alert">
          {actionError}
        </p>
      )}
      <div className="button-row">
        {active && (
          <button type="button" onClick={() => void act('cancel', job.id)}>
            Cancel
          </button>
        )}
        {(job.status === 'failed' || job.status === 'cancelled') && (
          <button type="button" onClick={() => void act('retry', job.id)}>
            Retry
          </button>
        )}
        {job.status === 'completed' && (
          <>
            <button type="button" onClick={() => void act('open', job.id)}>
              Open
            </button>
            <button type="button" onClick={() => void act('reveal', job.id)}>
              Show in folder
            </button>
          </>
        )}
        {!active && (
          <button type="button" onClick={() => void act('reexport', job.id)}>
            Export again
          </button>
        )}
      </div>
    </li>
  );
}

export function ExportJobList() {
  const jobs = useExportsStore((s) => s.jobs);
  return (
    <section className="card" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Recent exports</h2>
      {jobs.length === 0 ? (
        <p className="muted">No exports yet. Choose what to export above; the file’s progress shows here.</p>
      ) : (
        <ul className="jobs" aria-label="Export jobs">
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}
