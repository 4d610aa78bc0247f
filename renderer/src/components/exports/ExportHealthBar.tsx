import { useFormat } from '../../hooks/use-format';
import { useExportsStore } from '../../store/exports-store';

/** The queue's counters: what is waiting and running now, and how past runs went. */
export function ExportHealthBar() {
  const health = useExportsStore((s) => s.health);
  const fmt = useFormat();
  if (!health) return null;
  const figures: [string, string, string?][] = [
    ['Running', fmt.count(health.running)],
    ['Queued', fmt.count(health.queued)],
    ['Waiting to retry', fmt.count(health.waitingRetry), health.waitingRetry > 0 ? 'warn' : undefined],
    ['Finished', fmt.count(health.processed)],
    ['Failed', fmt.count(health.failed), health.failed > 0 ? 'crit' : undefined],
    ['Cancelled', fmt.count(health.cancelled)],
    ['Needed a retry', fmt.count(health.retried)],
    ['Average time', fmt.duration(health.averageDurationMs)],
  ];
  return (
    <section aria-labelledby="health-title" className="health">
      <h2 id="health-title" className="sr-only">
        Export queue health
      </h2>
      <dl className="stats compact">
        {figures.map(([label, value, tone]) => (
          <div className={`stat ${tone ?? ''}`} key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {health.since !== null && (
        <p className="muted small">
          Every export since {fmt.dateTime(health.since)}, counted once by how it ended; the average time covers the kept timings (see the retention settings).
        </p>
      )}
    </section>
  );
}
