import type { ExportProgressEvent } from '../../shared/domain/export-job';
import type { TrayExport } from './tray-menu';

/**
 * The tray's view of the export queue, kept from the queue's progress events: a job is
 * shown while it is queued or running and dropped once it completes, fails or is
 * cancelled. Progress arrives several times a second; rebuilding a native menu that
 * often flickers on some desktops, so progress-only changes are passed on at most once
 * per `minIntervalMs`, while a job appearing, starting or leaving is passed on at once.
 */
export interface TrayQueue {
  apply(event: ExportProgressEvent): void;
  /** Replaces the whole view (start-up: jobs re-queued from the last session). */
  reset(jobs: ExportProgressEvent[]): void;
  jobs(): TrayExport[];
}

function toTrayExport(event: ExportProgressEvent): TrayExport | null {
  if (event.status !== 'queued' && event.status !== 'running') return null;
  return {
    id: event.jobId,
    type: event.type,
    format: event.format,
    status: event.status,
    rowsWritten: event.rowsWritten,
    rowsTotal: event.rowsTotal,
  };
}

export function createTrayQueue(
  onChange: (jobs: TrayExport[]) => void,
  options: { now: () => number; minIntervalMs?: number },
): TrayQueue {
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const byId = new Map<number, TrayExport>();
  let lastEmit = Number.NEGATIVE_INFINITY;
  const snapshot = () => [...byId.values()].sort((a, b) => a.id - b.id);
  const emit = () => {
    lastEmit = options.now();
    onChange(snapshot());
  };
  return {
    apply(event) {
      const next = toTrayExport(event);
      const previous = byId.get(event.jobId);
      if (!next) {
        if (!previous) return;
        byId.delete(event.jobId);
        return emit();
      }
      byId.set(event.jobId, next);
      if (!previous || previous.status !== next.status) return emit();
      const progressed = previous.rowsWritten !== next.rowsWritten || previous.rowsTotal !== next.rowsTotal;
      if (progressed && options.now() - lastEmit >= minIntervalMs) emit();
    },
    reset(events) {
      byId.clear();
      for (const event of events) {
        const job = toTrayExport(event);
        if (job) byId.set(job.id, job);
      }
      emit();
    },
    jobs: snapshot,
  };
}
