import { z } from 'zod';
import { ASSET_CLASSES } from './enums';

/**
 * How a file's columns become trades. A preset is plain data: the built-in broker layouts
 * and the user's saved mappings share this one schema, so the UI edits both the same way.
 *
 * Two kinds of file exist: `trades` has one complete trade per row (a journal export, a
 * MetaTrader positions report); `fills` has one execution per row (IBKR, NinjaTrader,
 * Tradovate) and the importer groups fills into round-trip trades.
 */
export const IMPORT_KINDS = ['trades', 'fills'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Target fields of a `trades` file. */
export const TRADE_FIELDS = [
  'tradeId',
  'account',
  'symbol',
  'assetClass',
  'multiplier',
  'direction',
  'openedAt',
  /** The time of day when the layout writes the date and the time in two columns (then openedAt holds the date). */
  'openedTime',
  'closedAt',
  'closedTime',
  'qty',
  'entryPrice',
  'exitPrice',
  /**
   * Trade-per-row layouts without a direction (Tradovate Performance, position histories):
   * the buy and sell side of the round trip; the side that came first says long or short.
   */
  'buyPrice',
  'sellPrice',
  'boughtAt',
  'soldAt',
  'stopPrice',
  'targetPrice',
  'grossPnl',
  'netPnl',
  // The broker's rate from the trade's P&L currency to the account's (e.g. IBKR FXRateToBase).
  'fxRate',
  'rMultiple',
  'setup',
  'tags',
  'notes',
  // A journal's own export carries what rebuilding it needs:
  /** The trade's dedupe key as the journal kept it (a broker execution id or content hash). */
  'externalId',
  /** The account's currency, time zone and starting balance, for accounts the import creates. */
  'currency',
  'accountTimezone',
  'startingBalance',
  'instrumentCurrency',
  /** The trade's executions, a JSON array as the journal exports it. */
  'fills',
] as const;
export type TradeField = (typeof TRADE_FIELDS)[number];

/** Target fields of a `fills` file. */
export const FILL_FIELDS = [
  'execId',
  'orderId',
  'account',
  'symbol',
  'assetClass',
  'multiplier',
  'side',
  'qty',
  'price',
  'executedAt',
  /** The time of day when date and time sit in two columns (then executedAt holds the date). */
  'executedTime',
] as const;
export type FillField = (typeof FILL_FIELDS)[number];

/** Every field any layout can map (the union of both kinds). */
export const MAPPABLE_FIELDS = [...TRADE_FIELDS, 'execId', 'orderId', 'side', 'price', 'executedAt', 'executedTime'] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  trades: ['symbol', 'direction', 'openedAt', 'qty', 'entryPrice'],
  fills: ['symbol', 'qty', 'price', 'executedAt'],
};

/** Trade rows without a direction column: the buy and the sell side instead. */
export const UNDIRECTED_TRADE_FIELDS = ['symbol', 'qty', 'buyPrice', 'sellPrice', 'boughtAt', 'soldAt'] as const;

/** The fields a mapping must map: a trade layout maps either a direction and an entry, or both sides of the trip. */
export function requiredFieldsOf(preset: { kind: ImportKind; columns: Partial<Record<string, string>> }): readonly string[] {
  if (preset.kind === 'trades' && (preset.columns.boughtAt !== undefined || preset.columns.soldAt !== undefined)) return UNDIRECTED_TRADE_FIELDS;
  return REQUIRED_FIELDS[preset.kind];
}

/**
 * `firstCell`: every row of the section starts with its name (IBKR Activity Statement: "Trades,Header,..." / "Trades,Data,...").
 * `title`: a row holding only the name starts the section, the next such title row ends it (thinkorswim: "Account Trade History").
 */
export const SECTION_STYLES = ['firstCell', 'title'] as const;
export type SectionStyle = (typeof SECTION_STYLES)[number];

/** Order of day, month and year in dates written with slashes, dots or dashes. */
export const DATE_ORDERS = ['YMD', 'MDY', 'DMY'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const DECIMAL_MARKS = ['auto', '.', ','] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

/**
 * `positive`: a cost is written as a positive number (NinjaTrader, Tradovate).
 * `negative`: a cost is written as a negative cash flow (IBKR IBCommission, MetaTrader Commission).
 */
export const FEE_SIGNS = ['positive', 'negative'] as const;
export type FeeSign = (typeof FEE_SIGNS)[number];

const HeaderName = z.string().trim().min(1).max(200);

export const ImportPresetDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(IMPORT_KINDS),
    /** Target field -> the header that holds it (first match wins; exact, then case-insensitive). */
    columns: z.partialRecord(z.enum(MAPPABLE_FIELDS), HeaderName),
    /** Every fee or commission column; all present ones are summed per row. */
    feeColumns: z.array(HeaderName).max(20).default([]),
    feeSign: z.enum(FEE_SIGNS).default('positive'),
    dateOrder: z.enum(DATE_ORDERS).default('YMD'),
    decimal: z.enum(DECIMAL_MARKS).default('auto'),
    /** Separator of several tags in one cell. */
    tagSeparator: z.string().min(1).max(3).default(';'),
    /** Multiplier of FX pairs when quantities are lots (MetaTrader: 100,000 units a lot). */
    fxLotSize: z.number().positive().max(10_000_000).default(1),
    /** Asset class of symbols that are no future, option, FX pair or crypto pair (MetaTrader: CFDs). */
    defaultAssetClass: z.enum(ASSET_CLASSES).default('stock'),
    /** Keep only rows whose column holds one of these values (IBKR: LevelOfDetail = EXECUTION). */
    rowFilter: z
      .object({ column: HeaderName, values: z.array(z.string().max(100)).min(1).max(20) })
      .strict()
      .optional(),
    /**
     * Undo the CSV formula-injection guard of exports (a leading apostrophe before = + - @),
     * so a note written "-2R" comes back as "-2R". CSV files only.
     */
    formulaGuard: z.boolean().default(false),
    /** 1-based row of the header, when the user picked it (else the first row holding the mapped headers). */
    headerRow: z.number().int().min(1).max(100_000).optional(),
    /** Read only the rows of this section of a multi-section statement. */
    section: z.object({ name: z.string().trim().min(1).max(100), style: z.enum(SECTION_STYLES).default('firstCell') }).strict().optional(),
    /** The file is a Spark Journal export: a row whose trade id is a trade of the same account and symbol in this journal is that trade. */
    ownExport: z.boolean().default(false),
    /** The file lists the newest row first (Schwab): read it bottom-up, so fills of one day without times keep their order. */
    newestFirst: z.boolean().default(false),
    /** A row whose first cell is one of these ends the table (MetaTrader reports stack sections). */
    stopAtFirstCell: z.array(z.string().min(1).max(100)).max(20).default([]),
  })
  .strict()
  .superRefine((preset, ctx) => {
    const allowed = new Set<string>(preset.kind === 'trades' ? TRADE_FIELDS : FILL_FIELDS);
    for (const field of Object.keys(preset.columns)) {
      if (!allowed.has(field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', field],
          message: `"${field}" is not a field of a ${preset.kind} file; use one of ${[...allowed].join(', ')}`,
        });
      }
    }
    for (const field of requiredFieldsOf(preset)) {
      if (!(preset.columns as Record<string, string | undefined>)[field]) {
        ctx.addIssue({ code: 'custom', path: ['columns', field], message: `a ${preset.kind} file needs a column for "${field}"` });
      }
    }
  });
export type ImportPresetDefinition = z.output<typeof ImportPresetDefinitionSchema>;
export type ImportPresetInput = z.input<typeof ImportPresetDefinitionSchema>;

export interface ImportPreset {
  /** `builtin:<slug>` or `user:<id>`. */
  id: string;
  builtin: boolean;
  definition: ImportPresetDefinition;
}
