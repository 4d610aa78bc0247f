import { z } from 'zod';
import { channel } from '../define';
import { EXPORT_FORMATS, EXPORT_JOB_STATUSES, EXPORT_TYPES } from '../../domain/enums';
import { ExportSpecSchema } from '../../domain/export-params';
import type { ExportHealth, ExportJob, ExportPerfRun, ExportPerfSummary } from '../../domain/export-job';
import { ExportPresetSaveSchema, type ExportPreset } from '../../domain/export-preset';

const ById = z.object({ id: z.number().int().positive() }).strict();

export const EXPORT_LIST_MAX = 500;

export const exportsChannels = {
  /** Asks where to save (or uses the default folder) and queues the job; null when the dialog was cancelled. */
  'exports:create': channel<ExportJob | null>()(ExportSpecSchema),
  /** Newest first. */
  'exports:list': channel<ExportJob[]>()(
    z
      .object({
        status: z.array(z.enum(EXPORT_JOB_STATUSES)).max(EXPORT_JOB_STATUSES.length).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(EXPORT_LIST_MAX).default(100),
      })
      .strict(),
  ),
  'exports:get': channel<ExportJob>()(ById),
  'exports:cancel': channel<ExportJob>()(ById),
  /** Queues a failed or cancelled job again from its first attempt. */
  'exports:retry': channel<ExportJob>()(ById),
  /** A new job with the same type, params, columns and format; null when the dialog was cancelled. */
  'exports:reexport': channel<ExportJob | null>()(ById),
  'exports:reveal': channel<void>()(ById),
  'exports:open': channel<void>()(ById),
  'exports:health': channel<ExportHealth>()(z.object({}).strict()),
  /** Saved export forms, by name. */
  'exports:presets': channel<ExportPreset[]>()(z.object({}).strict()),
  /** Saves the form under a name; an existing preset of that name (ignoring case) is replaced. */
  'exports:savePreset': channel<ExportPreset>()(ExportPresetSaveSchema),
  'exports:deletePreset': channel<{ deleted: true }>()(ById),
  /** p50/p95/max per format x type over the kept performance rows. */
  'perf:summary': channel<ExportPerfSummary[]>()(
    z.object({ sinceDays: z.number().int().min(1).max(3650).optional() }).strict(),
  ),
  'perf:runs': channel<ExportPerfRun[]>()(
    z
      .object({
        type: z.enum(EXPORT_TYPES).optional(),
        format: z.enum(EXPORT_FORMATS).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(EXPORT_LIST_MAX).default(100),
      })
      .strict(),
  ),
};
