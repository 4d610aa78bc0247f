import { z } from 'zod';
import { DIRECTIONS, EXPORT_FORMATS, PROP_PHASES, PROP_STATUSES, type ExportType } from './enums';
import { DaySchema } from './day';
import { TradeFilterSchema } from './trade';
import { GOAL_STATUSES } from './goals';
import { EXPORT_COLUMN_CATALOGS } from './export-columns';

const Id = z.number().int().positive();
const Ids = z.array(Id).max(500);

import { EXPORT_LIMIT_MAX } from './export-limits';

export { EXPORT_LIMIT_MAX, XLSX_MAX_DATA_ROWS } from './export-limits';

export const TRADE_EXPORT_SORT_KEYS = ['closedAt', 'openedAt', 'id', 'netPnl', 'symbol'] as const;

/** The Trades page filter plus a row limit and an order (chronological by default). */
export const TradesExportParamsSchema = z
  .object({
    filter: TradeFilterSchema.default({}),
    sort: z
      .object({ key: z.enum(TRADE_EXPORT_SORT_KEYS), dir: z.enum(['asc', 'desc']) })
      .strict()
      .default({ key: 'closedAt', dir: 'asc' }),
    limit: z.number().int().min(1).max(EXPORT_LIMIT_MAX).optional(),
  })
  .strict();
export type TradesExportParams = z.output<typeof TradesExportParamsSchema>;

const dayRange = <T extends { dateFrom?: string | undefined; dateTo?: string | undefined }>(p: T) =>
  !p.dateFrom || !p.dateTo || p.dateFrom <= p.dateTo;
const dayRangeIssue = { message: 'The "From" day must be on or before the "To" day', path: ['dateFrom'] };

export const DailyPnlExportParamsSchema = z
  .object({ dateFrom: DaySchema.optional(), dateTo: DaySchema.optional(), accountIds: Ids.optional() })
  .strict()
  .refine(dayRange, dayRangeIssue);
export type DailyPnlExportParams = z.output<typeof DailyPnlExportParamsSchema>;

/** Closed trades grouped by tag; tagIds limits which tags are reported. */
export const TagPerformanceExportParamsSchema = z
  .object({
    dateFrom: DaySchema.optional(),
    dateTo: DaySchema.optional(),
    accountIds: Ids.optional(),
    instrumentIds: Ids.optional(),
    tagIds: Ids.optional(),
    direction: z.enum(DIRECTIONS).optional(),
  })
  .strict()
  .refine(dayRange, dayRangeIssue);
export type TagPerformanceExportParams = z.output<typeof TagPerformanceExportParamsSchema>;

export const GoalsExportParamsSchema = z
  .object({
    accountIds: Ids.optional(),
    activeOnly: z.boolean().default(false),
    statuses: z.array(z.enum(GOAL_STATUSES)).max(GOAL_STATUSES.length).optional(),
  })
  .strict();
export type GoalsExportParams = z.output<typeof GoalsExportParamsSchema>;

export const PropEvaluationExportParamsSchema = z
  .object({
    accountIds: Ids.optional(),
    phases: z.array(z.enum(PROP_PHASES)).max(PROP_PHASES.length).optional(),
    statuses: z.array(z.enum(PROP_STATUSES)).max(PROP_STATUSES.length).optional(),
  })
  .strict();
export type PropEvaluationExportParams = z.output<typeof PropEvaluationExportParamsSchema>;

/** The daily journal's notes; the whole journal's notes come with any account filter unless left out. */
export const DailyNotesExportParamsSchema = z
  .object({
    dateFrom: DaySchema.optional(),
    dateTo: DaySchema.optional(),
    accountIds: Ids.optional(),
  })
  .strict()
  .refine(dayRange, dayRangeIssue);
export type DailyNotesExportParams = z.output<typeof DailyNotesExportParamsSchema>;

export const EXPORT_PARAMS_SCHEMAS = {
  trades: TradesExportParamsSchema,
  dailyPnl: DailyPnlExportParamsSchema,
  tagPerformance: TagPerformanceExportParamsSchema,
  goals: GoalsExportParamsSchema,
  propEvaluation: PropEvaluationExportParamsSchema,
  dailyNotes: DailyNotesExportParamsSchema,
} as const satisfies Record<ExportType, z.ZodType>;

export type ExportParams = {
  trades: TradesExportParams;
  dailyPnl: DailyPnlExportParams;
  tagPerformance: TagPerformanceExportParams;
  goals: GoalsExportParams;
  propEvaluation: PropEvaluationExportParams;
  dailyNotes: DailyNotesExportParams;
};

/** Per-format switches; a switch that does not apply to the chosen format is ignored. */
export const ExportOptionsSchema = z
  .object({
    /** Byte-order mark so Excel detects UTF-8; defaults to the csvBom setting. */
    csvBom: z.boolean().optional(),
    /** Appends `# streamed_rows=N` so a reader can check the file is complete. */
    csvFooter: z.boolean().default(false),
    jsonStyle: z.enum(['array', 'ndjson']).default('array'),
    /** PDF report title; defaults to the type's name. */
    title: z.string().trim().min(1).max(120).optional(),
  })
  .strict();
export type ExportOptions = z.output<typeof ExportOptionsSchema>;

function columnsSchema(type: ExportType) {
  const keys = EXPORT_COLUMN_CATALOGS[type].map((c) => c.key) as [string, ...string[]];
  return z
    .array(
      z
        .object({
          key: z.enum(keys),
          /** Header alias written instead of the default header (the key in JSON). */
          header: z.string().trim().min(1, 'must not be empty').max(100).optional(),
        })
        .strict(),
    )
    .min(1, 'choose at least one column')
    .max(keys.length)
    .refine((cols) => new Set(cols.map((c) => c.key)).size === cols.length, 'each column may be chosen only once')
    .refine(
      (cols) => new Set(cols.map((c) => c.header).filter(Boolean)).size === cols.filter((c) => c.header).length,
      'header aliases must be different from each other',
    );
}

const specFor = <T extends ExportType, P extends z.ZodType>(type: T, params: P) =>
  z
    .object({
      type: z.literal(type),
      format: z.enum(EXPORT_FORMATS),
      params,
      columns: columnsSchema(type).optional(),
      options: ExportOptionsSchema.default({ csvFooter: false, jsonStyle: 'array' }),
    })
    .strict();

/** What an export is: the job type with its own params and columns, a format and options. */
export const ExportSpecSchema = z.discriminatedUnion('type', [
  specFor('trades', TradesExportParamsSchema.default({ filter: {}, sort: { key: 'closedAt', dir: 'asc' } })),
  specFor('dailyPnl', DailyPnlExportParamsSchema.default({})),
  specFor('tagPerformance', TagPerformanceExportParamsSchema.default({})),
  specFor('goals', GoalsExportParamsSchema.default({ activeOnly: false })),
  specFor('propEvaluation', PropEvaluationExportParamsSchema.default({})),
  specFor('dailyNotes', DailyNotesExportParamsSchema.default({})),
]);
export type ExportSpecInput = z.input<typeof ExportSpecSchema>;
export type ExportSpec = z.output<typeof ExportSpecSchema>;
