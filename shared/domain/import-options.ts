import { z } from 'zod';
import { ASSET_CLASSES } from './enums';
import { ImportPresetDefinitionSchema, SECTION_STYLES } from './import-preset';

const ImportPresetDefinitionShape = {
  headerRow: z.number().int().min(1).max(100_000).optional(),
  section: z.object({ name: z.string().trim().min(1).max(100), style: z.enum(SECTION_STYLES).default('firstCell') }).strict().optional(),
};
import { CurrencySchema, TimeZoneSchema } from './trade-input-refs';

const Id = z.number().int().positive();

/** A per-import correction of what the importer detected for one symbol of the file. */
export const InstrumentOverrideSchema = z
  .object({
    /** Store the trades under this symbol instead (e.g. map "MNQ 12-25" to "MNQZ5"). */
    symbol: z.string().trim().min(1).max(40).optional(),
    assetClass: z.enum(ASSET_CLASSES).optional(),
    multiplier: z.number().positive().max(1e8).optional(),
  })
  .strict();
export type InstrumentOverride = z.infer<typeof InstrumentOverrideSchema>;

/** The settings of an account the file names and the journal does not have yet, as confirmed in the preview. */
export const NewAccountSettingsSchema = z
  .object({
    currency: CurrencySchema,
    timezone: TimeZoneSchema,
    startingBalanceCents: z.number().int().min(-1e15).max(1e15).default(0),
  })
  .strict();
export type NewAccountSettings = z.output<typeof NewAccountSettingsSchema>;

/** What to read and how: the same fields drive the preview and the import itself. */
export const ImportSourceSchema = z
  .object({
    path: z.string().min(1).max(4096),
    /** A built-in or saved preset... */
    presetId: z.string().min(1).max(100).optional(),
    /** ...or a mapping edited in the dialog (wins over presetId). */
    preset: ImportPresetDefinitionSchema.optional(),
    /** Import every row into this account. Without it, rows go to the accounts named in the file's account column. */
    accountId: Id.optional(),
    /** Zone of times written without one; default: the account's zone. */
    timeZone: TimeZoneSchema.optional(),
  })
  .strict();

export const ImportRunSchema = ImportSourceSchema.extend({
  /** Rows with errors: skip them and import the rest, or import nothing. */
  onError: z.enum(['skip', 'abort']).default('abort'),
  /** Keyed by the symbol as written in the file. */
  instruments: z.record(z.string().min(1).max(100), InstrumentOverrideSchema).default({}),
  /** Accounts the file names that do not exist yet are created with these settings... */
  newAccounts: z
    .object({ currency: CurrencySchema.default('USD'), timezone: TimeZoneSchema.default('UTC') })
    .strict()
    .default({ currency: 'USD', timezone: 'UTC' }),
  /** ...unless the user confirmed their own in the preview, keyed by the account name the file writes. */
  accounts: z.record(z.string().min(1).max(100), NewAccountSettingsSchema).default({}),
  /** Run everything, report the counts, write nothing. */
  dryRun: z.boolean().default(false),
}).strict();
export type ImportRunRequest = z.output<typeof ImportRunSchema>;

export const ImportPreviewSchema = ImportSourceSchema.extend({
  sampleSize: z.number().int().min(1).max(200).default(20),
  /** Before any layout fits: read the header from this row, and only this section's rows, so the columns can be mapped by name. */
  headerRow: ImportPresetDefinitionShape.headerRow,
  section: ImportPresetDefinitionShape.section,
}).strict();
export type ImportPreviewRequest = z.output<typeof ImportPreviewSchema>;
