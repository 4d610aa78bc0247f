import type { ExportJob } from '../../../../shared/domain/export-job';
import { EXPORT_TYPE_LABELS } from '../../../../shared/domain/export-columns';
import type { DesktopNotification } from '../desktop-port';

/** "14.2 MB", "830 KB", "512 bytes" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} bytes`;
}

/** The tray notification for a job that reached its end (none for a cancel: the user did it). */
export function finishNotification(job: ExportJob): DesktopNotification | null {
  const label = EXPORT_TYPE_LABELS[job.type];
  if (job.status === 'completed') {
    return {
      title: `${label} export finished`,
      body: `${job.rowsWritten.toLocaleString('en-US')} rows, ${formatBytes(job.bytesWritten)}`,
      action: { kind: 'reveal', path: job.targetPath },
    };
  }
  if (job.status === 'failed') {
    return {
      title: `${label} export failed`,
      body: job.error?.message ?? 'The export failed.',
      action: { kind: 'open-screen', screen: 'exports' },
    };
  }
  return null;
}
