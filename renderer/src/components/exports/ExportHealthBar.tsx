import { useFormat } from '../../hooks/use-format';
import { useExportsStore } from '../../store/exports-store';

/** The queue's counters on one line: what is waiting and running now, and how past runs went. */
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
    <span className="health-line">
      {figures.map(([label, value, tone]) => (
        <span className={`health-item ${tone ?? ''}`.trim()} key={label}>
          {label} <strong>{value}</strong>
        </span>
      ))}
      {health.since !== null && <span className="muted small"> since {fmt.dateTime(health.since)}, each export counted once by how it ended</span>}
    </span>
  );
}
