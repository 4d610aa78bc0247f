import { useEffect, useId, useState } from 'react';
import { TableScroll } from '../TableScroll';
import type { ExportPerfSummary } from '../../../../shared/domain/export-job';
import { EXPORT_TYPE_LABELS } from '../../../../shared/domain/export-columns';
import { Sparkline } from '../Sparkline';
import { FORMAT_LABELS } from './ExportForm';
import { useFormat } from '../../hooks/use-format';
import { usePerfStore, RECENT_RUNS } from '../../store/perf-store';
import { useSettingsStore } from '../../store/settings-store';

/** Thresholds a trader can read at a glance: how slow is too slow, how many failures are too many. */
export const P95_WARN_MS = 10_000;
export const P95_CRIT_MS = 30_000;
export const SUCCESS_WARN = 0.95;

function durationTone(ms: number): 'ok' | 'warn' | 'crit' {
  return ms > P95_CRIT_MS ? 'crit' : ms > P95_WARN_MS ? 'warn' : 'ok';
}

function successRate(s: ExportPerfSummary): number {
  return s.runs === 0 ? 1 : s.completed / s.runs;
}

const OUTCOME: Record<string, string> = { completed: 'Done', failed: 'Failed', cancelled: 'Cancelled', queued: 'Queued', running: 'Running' };

function RetentionForm() {
  const id = useId();
  const settings = useSettingsStore((s) => s.settings);
  const update = useSettingsStore((s) => s.update);
  const [days, setDays] = useState(String(settings.perfRetentionDays));
  const [rows, setRows] = useState(String(settings.perfRetentionMaxRows));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => {
    setDays(String(settings.perfRetentionDays));
    setRows(String(settings.perfRetentionMaxRows));
  }, [settings.perfRetentionDays, settings.perfRetentionMaxRows]);
  return (
    <form
      className="card retention"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await update({ perfRetentionDays: Number(days), perfRetentionMaxRows: Number(rows) });
        if (result.ok) {
          setErrors({});
          setMessage('Saved. Older timings are removed at the next export.');
        } else {
          setErrors(result.fields);
          setMessage(Object.keys(result.fields).length ? 'Nothing was saved: fix the value marked below.' : result.message);
        }
      }}
    >
      <h2 id={`${id}-title`}>Keep timings</h2>
      <div className="filters plain">
        <div className="filter">
          <label htmlFor={`${id}-days`}>For this many days</label>
          <input id={`${id}-days`} inputMode="numeric" value={days} aria-invalid={errors.perfRetentionDays ? true : undefined} aria-describedby={errors.perfRetentionDays ? `${id}-days-err` : undefined} onChange={(e) => setDays(e.target.value)} />
          {errors.perfRetentionDays && (
            <span id={`${id}-days-err`} className="field-error">
              {errors.perfRetentionDays}
            </span>
          )}
        </div>
        <div className="filter">
          <label htmlFor={`${id}-rows`}>At most this many runs</label>
          <input id={`${id}-rows`} inputMode="numeric" value={rows} aria-invalid={errors.perfRetentionMaxRows ? true : undefined} aria-describedby={errors.perfRetentionMaxRows ? `${id}-rows-err` : undefined} onChange={(e) => setRows(e.target.value)} />
          {errors.perfRetentionMaxRows && (
            <span id={`${id}-rows-err`} className="field-error">
              {errors.perfRetentionMaxRows}
            </span>
          )}
        </div>
        <button type="submit">Save</button>
      </div>
      <p role="status" className="small muted">
        {message}
      </p>
    </form>
  );
}

/** How exports have been running: timings per kind and format, recent runs, how long they are kept. */
export function ExportHealth() {
  const fmt = useFormat();
  const { summary, runs, loaded, error, load } = usePerfStore();
  useEffect(() => {
    void load();
  }, [load]);
  const durationsOf = (s: ExportPerfSummary) =>
    runs
      .filter((r) => r.type === s.type && r.format === s.format && r.outcome === 'completed')
      .map((r) => r.durationMs)
      .reverse();

  return (
    <div className="export-health-body">
      <div className="page-actions">
        <button type="button" onClick={() => void load()}>
          Refresh timings
        </button>
      </div>
      {error && (
        <p role="alert" className="notice crit">
          {error}
        </p>
      )}
      <p className="muted">
        How long exports take, per kind and format. A 95th-percentile time over {fmt.duration(P95_WARN_MS)} is flagged slow and over {fmt.duration(P95_CRIT_MS)} critical;
        fewer than {fmt.percent(SUCCESS_WARN, 0)} successful runs is flagged too.
      </p>
      <section className="card" aria-labelledby="perf-summary-title">
        <h2 id="perf-summary-title">By kind and format</h2>
        {loaded && summary.length === 0 ? (
          <p className="muted">No exports have run yet. Timings appear here after the first export.</p>
        ) : (
          <TableScroll label="Timings by kind and format">
            <table aria-labelledby="perf-summary-title">
              <thead>
                <tr>
                  <th scope="col">Export</th>
                  <th scope="col" className="num">
                    Runs
                  </th>
                  <th scope="col">Succeeded</th>
                  <th scope="col">Typical (p50)</th>
                  <th scope="col">Slow (p95)</th>
                  <th scope="col">Slowest</th>
                  <th scope="col" className="num">
                    Rows/s (p50)
                  </th>
                  <th scope="col">Recent durations</th>
                </tr>
              </thead>
              <tbody>
                {summary.map((s) => {
                  const rate = successRate(s);
                  const p95 = durationTone(s.durationP95Ms);
                  return (
                    <tr key={`${s.type}-${s.format}`} data-type={s.type} data-format={s.format}>
                      <th scope="row">
                        {EXPORT_TYPE_LABELS[s.type]} · {FORMAT_LABELS[s.format]}
                      </th>
                      <td className="num">{fmt.count(s.runs)}</td>
                      <td>
                        <span className={`badge ${rate < SUCCESS_WARN ? 'warn' : 'ok'}`} data-kind="success">
                          {fmt.percent(rate, 0)}
                          {rate < SUCCESS_WARN ? ' · low' : ''}
                        </span>
                      </td>
                      <td>
                        <span className={`badge ${durationTone(s.durationP50Ms)}`}>{fmt.duration(s.durationP50Ms)}</span>
                      </td>
                      <td>
                        <span className={`badge ${p95}`} data-kind="p95">
                          {fmt.duration(s.durationP95Ms)}
                          {p95 === 'crit' ? ' · critical' : p95 === 'warn' ? ' · slow' : ''}
                        </span>
                      </td>
                      <td>
                        <span className={`badge ${durationTone(s.durationMaxMs)}`}>{fmt.duration(s.durationMaxMs)}</span>
                      </td>
                      <td className="num">{fmt.count(Math.round(s.rowsPerSecP50))}</td>
                      <td className="spark-cell">
                        <Sparkline values={durationsOf(s)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <div className="grid-2 perf-lower">
        <section className="card" aria-labelledby="runs-title">
          <h2 id="runs-title">Recent runs</h2>
          {runs.length === 0 ? (
            <p className="muted">No runs kept.</p>
          ) : (
            <TableScroll label="Recent runs table" className="runs-table">
              <table aria-labelledby="runs-title">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Export</th>
                    <th scope="col">Result</th>
                    <th scope="col" className="num">
                      Waited
                    </th>
                    <th scope="col" className="num">
                      Took
                    </th>
                    <th scope="col" className="num">
                      Rows
                    </th>
                    <th scope="col" className="num">
                      Rows/s
                    </th>
                    <th scope="col" className="num">
                      Size
                    </th>
                    <th scope="col" className="num">
                      Peak memory
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {runs.map((r) => (
                    <tr key={r.id} data-run-id={r.id}>
                      <td>{fmt.dateTime(r.createdAt)}</td>
                      <td>
                        {EXPORT_TYPE_LABELS[r.type]} · {FORMAT_LABELS[r.format]}
                        {r.attempt > 1 ? ` (attempt ${r.attempt})` : ''}
                      </td>
                      <td>
                        <span className={`badge ${r.outcome === 'completed' ? 'ok' : r.outcome === 'failed' ? 'crit' : 'warn'}`}>{OUTCOME[r.outcome] ?? r.outcome}</span>
                      </td>
                      <td className="num">{fmt.duration(r.queueWaitMs)}</td>
                      <td className="num">{fmt.duration(r.durationMs)}</td>
                      <td className="num">{fmt.count(r.rows)}</td>
                      <td className="num">{fmt.count(Math.round(r.rowsPerSec))}</td>
                      <td className="num">{fmt.bytes(r.bytes)}</td>
                      <td className="num">{r.peakHeapBytes === null ? '—' : fmt.bytes(r.peakHeapBytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {runs.length >= RECENT_RUNS && <p className="muted small">Showing the newest {RECENT_RUNS} runs.</p>}
        </section>
        <RetentionForm />
      </div>
    </div>
  );
}
