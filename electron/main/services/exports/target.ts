import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import type { Desktop } from '../desktop-port';
import type { SettingsStore } from '../settings/settings-store';
import { AppError } from '../errors';
import { dayInZone } from '../../../../shared/domain/day';
import { EXPORT_FORMAT_INFO } from '../../../../shared/domain/export-formats';
import { EXPORT_TYPE_LABELS } from '../../../../shared/domain/export-columns';
import type { ExportFormat, ExportType } from '../../../../shared/domain/enums';
import { checkFolderToCreate, checkWritableFolder } from '../files/folder-check';

const FILE_STEMS: Record<ExportType, string> = {
  trades: 'trades',
  goals: 'goals',
  dailyPnl: 'daily-pnl',
  tagPerformance: 'tag-performance',
  propEvaluation: 'prop-evaluations',
  dailyNotes: 'daily-notes',
};

/** "spark-journal-trades-2024-05-01.xlsx", dated in the machine's own zone. */
export function suggestedFileName(type: ExportType, format: ExportFormat, now: number): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `spark-journal-${FILE_STEMS[type]}-${dayInZone(now, zone)}.${EXPORT_FORMAT_INFO[format].extension}`;
}

/** The format's extension is added when the chosen name lacks it (the writer decides the content). */
export function withExtension(path: string, format: ExportFormat): string {
  const extension = `.${EXPORT_FORMAT_INFO[format].extension}`;
  return extname(path).toLowerCase() === extension ? path : `${path}${extension}`;
}

/** "name.csv", else "name (2).csv", ...: never a file that exists or a target another job holds. */
export function uniqueTarget(path: string, reserved: ReadonlySet<string>): string {
  const extension = extname(path);
  const stem = path.slice(0, path.length - extension.length);
  let candidate = path;
  for (let n = 2; existsSync(candidate) || reserved.has(candidate); n++) candidate = `${stem} (${n})${extension}`;
  return candidate;
}

/**
 * The folder exports go to when nobody is asked: the setting (checked, never created: a folder
 * the user chose must still be there), else the OS default folder, created when missing.
 */
export function exportFolder(desktop: Desktop, settings: SettingsStore): string {
  const configured = settings.get('defaultExportFolder');
  if (configured !== '') {
    const check = checkWritableFolder(configured);
    if (!check.ok) {
      throw new AppError('io', `The default export folder cannot be used: ${check.reason} Choose another folder in Settings, or turn on "Always ask where to save".`);
    }
    return check.path;
  }
  const folder = desktop.defaultExportFolder();
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new AppError(
      'io',
      `The default export folder ${folder} cannot be created (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose another folder in Settings, or turn on "Always ask where to save".`,
    );
  }
  return folder;
}

/**
 * Where an export goes: the native save dialog (suggested name, format filter) when "always ask"
 * is on, else a fresh name in the default export folder. null = the user cancelled the dialog.
 */
export async function resolveTarget(
  desktop: Desktop,
  settings: SettingsStore,
  spec: { type: ExportType; format: ExportFormat },
  now: number,
  reserved: ReadonlySet<string>,
): Promise<string | null> {
  const name = suggestedFileName(spec.type, spec.format, now);
  const info = EXPORT_FORMAT_INFO[spec.format];
  if (settings.get('alwaysAskWhereToSave')) {
    const chosen = await desktop.chooseSavePath({
      title: `Export ${EXPORT_TYPE_LABELS[spec.type].toLowerCase()} as ${spec.format.toUpperCase()}`,
      suggestedName: name,
      filters: [{ name: info.label, extensions: [info.extension] }],
    });
    if (!chosen) return null;
    if (!isAbsolute(chosen)) throw new AppError('validation', `The save location must be an absolute path, got "${basename(chosen)}".`);
    const folder = checkFolderToCreate(dirname(chosen));
    if (!folder.ok) throw new AppError('validation', `The export cannot be saved there: ${folder.reason}`);
    return withExtension(join(folder.path, basename(chosen)), spec.format);
  }
  return uniqueTarget(join(exportFolder(desktop, settings), name), reserved);
}
