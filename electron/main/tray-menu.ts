import type { ExportFormat, ExportType } from '../../shared/domain/enums';

/** One export the tray knows about: queued or running. */
export interface TrayExport {
  id: number;
  type: ExportType;
  format: ExportFormat;
  status: 'queued' | 'running';
  rowsWritten: number;
  rowsTotal: number | null;
}

export interface TrayActions {
  openApp(): void;
  showExportsFolder(): void;
  quit(): void;
}

/**
 * A structural subset of Electron's MenuItemConstructorOptions, so the tray menu is
 * built and tested as plain data.
 */
export interface TrayMenuItem {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  click?: () => void;
}

const TYPE_LABELS: Record<ExportType, string> = {
  trades: 'Trades',
  goals: 'Goals',
  // No ampersand: Windows and Linux menus read '&' as a mnemonic marker.
  dailyPnl: 'Daily P/L',
  tagPerformance: 'Tag performance',
  propEvaluation: 'Prop evaluation',
  dailyNotes: 'Daily notes',
};

/** Whole percent, or null while the total is unknown (the count query has not answered). */
export function exportPercent(job: Pick<TrayExport, 'rowsWritten' | 'rowsTotal'>): number | null {
  if (job.rowsTotal === null || job.rowsTotal <= 0) return null;
  return Math.min(100, Math.floor((job.rowsWritten / job.rowsTotal) * 100));
}

export function exportLabel(job: TrayExport): string {
  const name = `${TYPE_LABELS[job.type]} (${job.format.toUpperCase()})`;
  if (job.status === 'queued') return `${name}: waiting`;
  const percent = exportPercent(job);
  const rows = `${job.rowsWritten.toLocaleString('en-US')} rows`;
  return percent === null ? `${name}: ${rows}` : `${name}: ${percent}% (${rows})`;
}

function running(jobs: TrayExport[]): TrayExport[] {
  return jobs.filter((job) => job.status === 'running');
}

export function trayTooltip(jobs: TrayExport[]): string {
  const active = running(jobs);
  const queued = jobs.length - active.length;
  if (jobs.length === 0) return 'Spark Journal';
  const parts: string[] = [];
  if (active.length === 1 && active[0]) parts.push(`exporting ${exportLabel(active[0])}`);
  else if (active.length > 1) parts.push(`${active.length} exports running`);
  if (queued > 0) parts.push(`${queued} queued`);
  return `Spark Journal: ${parts.join(', ')}`;
}

/** Running exports first (with progress), then how many wait, then the fixed actions. */
export function buildTrayMenu(jobs: TrayExport[], actions: TrayActions): TrayMenuItem[] {
  const active = running(jobs);
  const queued = jobs.length - active.length;
  const status: TrayMenuItem[] =
    jobs.length === 0
      ? [{ id: 'exports-idle', label: 'No exports running', enabled: false }]
      : [
          ...active.map((job) => ({ id: `export-${job.id}`, label: exportLabel(job), enabled: false })),
          ...(queued > 0
            ? [{ id: 'exports-queued', label: queued === 1 ? '1 export waiting' : `${queued} exports waiting`, enabled: false }]
            : []),
        ];
  return [
    ...status,
    { type: 'separator' },
    { id: 'open', label: 'Open Spark Journal', click: actions.openApp },
    { id: 'exports-folder', label: 'Show exports folder', click: actions.showExportsFolder },
    { type: 'separator' },
    { id: 'quit', label: 'Quit', click: actions.quit },
  ];
}

export interface TrayIconFiles {
  /** macOS template image: black with alpha, recoloured by the system. */
  template: string;
  /** Dark glyph for light taskbars. */
  light: string;
  /** Light glyph for dark taskbars. */
  dark: string;
}

export function trayIconFile(files: TrayIconFiles, platform: NodeJS.Platform, darkTaskbar: boolean): string {
  if (platform === 'darwin') return files.template;
  return darkTaskbar ? files.dark : files.light;
}
