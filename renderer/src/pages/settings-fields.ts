import type { FolderSettingKey, SettingKey } from '../../../shared/domain/settings';

export type FieldDef =
  | { key: SettingKey; label: string; hint: string; kind: 'number'; unit?: string }
  | { key: SettingKey; label: string; hint: string; kind: 'text'; placeholder?: string }
  /** Chosen in main's folder dialog ("Choose…"); the renderer only shows it or resets it to the default. */
  | { key: FolderSettingKey; label: string; hint: string; kind: 'folder'; defaultLabel: string }
  | { key: SettingKey; label: string; hint: string; kind: 'boolean' }
  | { key: SettingKey; label: string; hint: string; kind: 'choice'; options: { value: string; label: string }[] };

/** Every setting of shared/domain/settings.ts, grouped and explained for the Settings page. */
/** Groups marked `advanced` (engine limits) sit under a closed "Advanced" section, after what a trader sets. */
export const SETTINGS_GROUPS: { title: string; fields: FieldDef[]; advanced?: boolean }[] = [
  {
    title: 'Display',
    fields: [
      {
        key: 'theme',
        label: 'Theme',
        hint: 'System follows your computer’s light or dark setting.',
        kind: 'choice',
        options: [
          { value: 'system', label: 'System' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ],
      },
      {
        key: 'reportingCurrency',
        label: 'Reporting currency',
        hint: 'Leave empty to show totals over accounts of different currencies one per currency. A code such as USD converts each currency into it at the rate table’s rates, shown beside the total.',
        kind: 'text',
        placeholder: 'per currency',
      },
      {
        key: 'locale',
        label: 'Locale for numbers and dates',
        hint: 'A language tag such as en-US, en-GB, de-DE or fr-FR. Leave empty to use the system’s.',
        kind: 'text',
        placeholder: 'System default',
      },
    ],
  },
  {
    title: 'Exports',
    fields: [
      { key: 'alwaysAskWhereToSave', label: 'Always ask where to save', hint: 'When off, exports go straight to the default folder.', kind: 'boolean' },
      { key: 'defaultExportFolder', label: 'Default export folder', hint: 'Where exports go when Spark Journal does not ask. The default is Documents/Spark Journal.', kind: 'folder', defaultLabel: 'Documents/Spark Journal (default)' },
      { key: 'csvBom', label: 'Add a byte-order mark to CSV files', hint: 'Helps Excel read accents and currency symbols correctly.', kind: 'boolean' },
    ],
  },
  {
    title: 'Export engine limits',
    advanced: true,
    fields: [
      { key: 'exportConcurrency', label: 'Exports running at once', hint: 'From 1 to 4. More is faster for many small exports, but uses more memory.', kind: 'number' },
      { key: 'maxActiveExportJobs', label: 'Most exports waiting or running', hint: 'From 1 to 100. New exports are refused past this.', kind: 'number' },
      { key: 'exportWorkerHeapMb', label: 'Memory cap per export', hint: 'Hard limit, from 64 to 4096 MiB.', kind: 'number', unit: 'MiB' },
      { key: 'exportSoftMemoryMb', label: 'Memory warning limit per export', hint: 'The export stops cleanly past this, from 32 to 4096 MiB. Keep it below the cap.', kind: 'number', unit: 'MiB' },
      { key: 'pdfRowCap', label: 'Most rows in a PDF', hint: 'From 100 to 1,000,000. Larger PDFs are slow to open; use CSV or Excel for big exports.', kind: 'number', unit: 'rows' },
    ],
  },
  {
    title: 'Export timings kept',
    advanced: true,
    fields: [
      { key: 'perfRetentionDays', label: 'Keep export timings for', hint: 'From 1 to 3650 days.', kind: 'number', unit: 'days' },
      { key: 'perfRetentionMaxRows', label: 'Keep at most this many timings', hint: 'From 100 to 1,000,000 runs.', kind: 'number', unit: 'runs' },
    ],
  },
  {
    title: 'Equity checks',
    advanced: true,
    fields: [
      { key: 'equityValidationIntervalHours', label: 'Check that equity reconciles every', hint: 'From 1 to 720 hours.', kind: 'number', unit: 'hours' },
    ],
  },
  {
    title: 'Backups',
    fields: [
      { key: 'backupFolder', label: 'Backup folder', hint: 'Where automatic backups are kept. The default is a backups folder next to the journal file.', kind: 'folder', defaultLabel: 'Next to the journal file (default)' },
      { key: 'backupKeep', label: 'Backups to keep', hint: 'From 1 to 365. The oldest are removed first.', kind: 'number' },
    ],
  },
];

