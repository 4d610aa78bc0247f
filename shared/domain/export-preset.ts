import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_TYPES } from './enums';
import { TRADE_EXPORT_SORT_KEYS } from './export-params';
import { TradeFilterSchema } from './trade';

const Text = (max: number) => z.string().max(max);

/**
 * Everything the export form holds, as the user typed it (what a preset saves). Values are
 * kept as entered, not as a validated export spec: a preset may be saved half-filled and is
 * checked by the export schema only when it is run. The shape is still checked here, so a
 * stored preset always loads into the form.
 */
export const ExportFormStateSchema = z
  .object({
    type: z.enum(EXPORT_TYPES),
    format: z.enum(EXPORT_FORMATS),
    dateFrom: Text(40),
    dateTo: Text(40),
    accountId: Text(20),
    instrumentId: Text(20),
    tagId: Text(20),
    direction: z.enum(['', 'long', 'short']),
    status: z.enum(['', 'open', 'closed', 'needs_rate']),
    sortKey: z.enum(TRADE_EXPORT_SORT_KEYS),
    sortDir: z.enum(['asc', 'desc']),
    limit: Text(20),
    activeOnly: z.boolean(),
    goalStatuses: z.array(Text(40)).max(20),
    propPhases: z.array(Text(40)).max(20),
    propStatuses: z.array(Text(40)).max(20),
    columns: z.array(z.object({ key: Text(60), included: z.boolean(), alias: Text(200) }).strict()).max(200),
    csvBom: z.boolean(),
    csvFooter: z.boolean(),
    jsonStyle: z.enum(['array', 'ndjson']),
    title: Text(200),
    /**
     * The Trades page's whole filter when "Export these trades" opened the form: it exports
     * exactly the trades on screen (several accounts, tags, setups, a symbol search, P&L,
     * hour, weekday and holding-time bounds), which the single-value fields cannot hold.
     */
    tradesFilter: TradeFilterSchema.optional(),
  })
  .strict();
export type ExportFormState = z.output<typeof ExportFormStateSchema>;

export const ExportPresetNameSchema = z.string().trim().min(1).max(80);

export const ExportPresetSaveSchema = z.object({ name: ExportPresetNameSchema, form: ExportFormStateSchema }).strict();

/** A saved export form, kept in the journal (so backups and restores carry it). */
export interface ExportPreset {
  id: number;
  name: string;
  form: ExportFormState;
  updatedAt: number;
}
