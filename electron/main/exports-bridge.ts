import type { ExportJobStatus } from '../../shared/domain/enums';
import { progressEventOf, type ExportJob } from '../../shared/domain/export-job';
import type { EventPayload } from '../../shared/ipc/events';
import type { EventBus } from './services/event-bus';
import type { TrayQueue } from './tray-queue';

/** The part of the export service (services.exports) the shell needs. */
export interface ExportsForShell {
  list(filter: { status?: ExportJobStatus[]; offset: number; limit: number }): ExportJob[];
  /** Resolves when the job completes, fails or is cancelled. */
  waitFor(id: number): Promise<ExportJob>;
  /** Stops at a safe point: running jobs drop their partial files and stay queued for the next start. */
  stop(): Promise<void>;
}

// More than the "max active export jobs" setting allows (100), so the list is whole.
const ACTIVE_LIMIT = 500;

export function activeExports(exports: ExportsForShell): ExportJob[] {
  return exports.list({ status: ['queued', 'running'], offset: 0, limit: ACTIVE_LIMIT });
}

/** Resolves once no export is queued or running (retries included). */
export async function waitUntilNoExports(exports: ExportsForShell): Promise<void> {
  for (let jobs = activeExports(exports); jobs.length > 0; jobs = activeExports(exports)) {
    await Promise.all(jobs.map((job) => exports.waitFor(job.id)));
  }
}

/** Keeps the tray's queue view in step with the export events; returns the unsubscribe. */
export function followExportsInTray(events: EventBus, exports: ExportsForShell, tray: TrayQueue): () => void {
  tray.reset(activeExports(exports).map(progressEventOf));
  return events.subscribe((name, payload) => {
    // The listener is generic over every event; the name check is what narrows the payload.
    if (name === 'exports:progress') tray.apply(payload as EventPayload<'exports:progress'>);
    else if (name === 'exports:finished') tray.apply(progressEventOf((payload as EventPayload<'exports:finished'>).job));
  });
}
