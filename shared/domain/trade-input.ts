import { z } from 'zod';
import { ASSET_CLASSES, DIRECTIONS } from './enums';

const Id = z.number().int().positive();
/** Epoch ms between 1970 and 2100. */
export const EpochMsSchema = z.number().int().min(0).max(4_102_444_800_000);
const Price = z.number().finite().min(-1e9).max(1e9);
/** Separates a trade's tags in exported CSV and in imported files, so no tag may hold it. */
export const TAG_LIST_SEPARATOR = ';';

export const TagNameSchema = z
  .string()
  .trim()
  .min(1, 'a tag needs a name')
  .max(50, 'a tag name has at most 50 characters')
  .refine((name) => !name.includes(TAG_LIST_SEPARATOR), `a tag name cannot contain “${TAG_LIST_SEPARATOR}”: it separates tags in exports and imports`);

/** The editable facts of a trade; P&L, status and close day are derived from them. */
const TradeFieldsSchema = z.object({
  accountId: Id,
  /** An existing instrument, or `symbol` to find or create one. */
  instrumentId: Id.optional(),
  symbol: z.string().trim().min(1).max(40).optional(),
  /** Only used when `symbol` creates a new instrument (else detected from the symbol). */
  assetClass: z.enum(ASSET_CLASSES).optional(),
  multiplier: z.number().positive().max(1e8).optional(),
  direction: z.enum(DIRECTIONS),
  openedAt: EpochMsSchema,
  /** Null while the trade is open. */
  closedAt: EpochMsSchema.nullable(),
  qty: z.number().positive('must be greater than zero').max(1e12),
  entryPrice: Price,
  exitPrice: Price.nullable(),
  stopPrice: Price.nullable(),
  targetPrice: Price.nullable(),
  /** Fees and commissions in cents; negative for a net rebate. */
  feesCents: z.number().int().min(-1e12).max(1e12),
  /** The money meant to be risked, in cents; R is measured against it when given. */
  plannedRiskCents: z.number().int().positive('must be greater than zero').max(1e12).nullable(),
  setup: z.string().trim().max(200).nullable(),
  notes: z.string().max(20_000),
  tags: z.array(TagNameSchema).max(50),
  /**
   * A rate typed for this trade: account-currency units per one unit of the currency its P&L
   * is in (a USD account trading USD/JPY at 151: 1/151). Null: the broker's or the rate table's.
   */
  fxRate: z.number().positive('a rate must be above zero').finite().max(1e9).nullable(),
});

type TradeFields = z.infer<typeof TradeFieldsSchema>;

function checkConsistency(value: Partial<TradeFields>, ctx: z.RefinementCtx): void {
  if (value.instrumentId !== undefined && value.symbol !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['symbol'], message: 'give either instrumentId or symbol, not both' });
  }
  if (value.closedAt !== undefined && value.exitPrice !== undefined && (value.closedAt === null) !== (value.exitPrice === null)) {
    ctx.addIssue({ code: 'custom', path: ['exitPrice'], message: 'a closed trade needs both a close time and an exit price; an open trade has neither' });
  }
  if (value.closedAt != null && value.openedAt !== undefined && value.closedAt < value.openedAt) {
    ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'must not be before openedAt' });
  }
}

export const TradeCreateSchema = TradeFieldsSchema.extend({
  closedAt: EpochMsSchema.nullable().default(null),
  exitPrice: Price.nullable().default(null),
  stopPrice: Price.nullable().default(null),
  targetPrice: Price.nullable().default(null),
  feesCents: z.number().int().min(-1e12).max(1e12).default(0),
  plannedRiskCents: z.number().int().positive('must be greater than zero').max(1e12).nullable().default(null),
  setup: z.string().trim().max(200).nullable().default(null),
  notes: z.string().max(20_000).default(''),
  tags: z.array(TagNameSchema).max(50).default([]),
  fxRate: z.number().positive('a rate must be above zero').finite().max(1e9).nullable().optional(),
})
  .strict()
  .superRefine((value, ctx) => {
    if (value.instrumentId === undefined && value.symbol === undefined) {
      ctx.addIssue({ code: 'custom', path: ['symbol'], message: 'give the instrument (instrumentId) or a symbol' });
    }
    checkConsistency(value, ctx);
  });
export type TradeCreateInput = z.output<typeof TradeCreateSchema>;

/** A partial edit: the merged trade is checked again on the server. */
export const TradePatchSchema = TradeFieldsSchema.partial().strict().superRefine(checkConsistency);
export type TradePatch = z.output<typeof TradePatchSchema>;

export const TradeIdsSchema = z.array(Id).min(1).max(10_000);
