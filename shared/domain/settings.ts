import { z } from 'zod';

/**
 * Every user setting, with its bounds and default. Stored one row per key in the
 * settings table; unknown or out-of-range stored values fall back to the default.
 */
export const SettingsSchema = z.object({
  /** Folder exports go to when alwaysAskWhereToSave is off; '' = the OS Documents/Spark Journal folder. */
  defaultExportFolder: z.string().max(4096).default(''),
  alwaysAskWhereToSave: z.boolean().default(true),
  exportConcurrency: z.number().int().min(1).max(4).default(1),
  /** Cap on queued + running export jobs. */
  maxActiveExportJobs: z.number().int().min(1).max(100).default(20),
  /** Hard heap cap of an export worker (resourceLimits), MiB. */
  exportWorkerHeapMb: z.number().int().min(64).max(4096).default(512),
  /** Soft limit: the job fails as terminal when the worker's heap passes this, MiB. */
  exportSoftMemoryMb: z.number().int().min(32).max(4096).default(384),
  pdfRowCap: z.number().int().min(100).max(1_000_000).default(100_000),
  csvBom: z.boolean().default(false),
  perfRetentionDays: z.number().int().min(1).max(3650).default(90),
  perfRetentionMaxRows: z.number().int().min(100).max(1_000_000).default(10_000),
  equityValidationIntervalHours: z.number().int().min(1).max(24 * 30).default(24),
  backupFolder: z.string().max(4096).default(''),
  backupKeep: z.number().int().min(1).max(365).default(7),
  theme: z.enum(['light', 'dark', 'system']).default('system'),
  /**
   * Totals over accounts of different currencies: '' = one figure per currency (never added);
   * an ISO code = each currency converted into it at the rate table's rate, the rates shown.
   */
  reportingCurrency: z
    .string()
    .regex(/^([A-Z]{3})?$/, 'must be empty (per currency) or a three-letter ISO code such as USD')
    .default(''),
  /** BCP 47 tag for numbers and dates; '' = the system locale. */
  locale: z
    .string()
    .max(35)
    .refine((tag) => {
      if (tag === '') return true;
      try {
        return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
      } catch {
        return false;
      }
    }, 'is not a locale this system knows (try en-US, de-DE, fr-FR)')
    .default(''),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;
export const SETTINGS_DEFAULTS: Settings = SettingsSchema.parse({});

type SettingsShape = typeof SettingsSchema.shape;

/**
 * A partial update: every provided key is validated; unknown keys are rejected. Built from the
 * fields without their defaults: zod 4 applies `.default()` even under `.partial()`, which turned
 * `{ theme: 'dark' }` into a whole object of defaults that overwrote every other setting.
 */
export const SettingsPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(SettingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()]),
    ) as { [K in SettingKey]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>> },
  )
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Settings that hold a folder: chosen in main's folder dialog, never typed by the renderer. */
export const FOLDER_SETTING_KEYS = ['defaultExportFolder', 'backupFolder'] as const;
export type FolderSettingKey = (typeof FOLDER_SETTING_KEYS)[number];
