import { z } from 'zod';
import { ASSET_CLASSES } from './enums';
import { isValidTimeZone } from './day';
import { TagNameSchema } from './trade-input';
import { isQuoteUnit } from './quote-currency';

/** Inputs for the journal's reference data: accounts, tags and instruments. */

const Id = z.number().int().positive();
const Cents = z.number().int().min(-1e13).max(1e13);

export const CurrencySchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code such as USD or EUR');
/** An instrument's quote unit: an ISO code, or a hundredth of one as exchanges quote it (GBp pence, ZAc, ILA). */
export const QuoteUnitSchema = z
  .string()
  .trim()
  .refine(isQuoteUnit, 'must be a three-letter ISO currency code such as USD or JPY, or GBp for prices in pence');
export const TimeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, 'is not an IANA time zone (e.g. America/New_York, Europe/Berlin, UTC)');

export const AccountCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'an account needs a name').max(100),
    broker: z.string().trim().max(100).nullable().default(null),
    currency: CurrencySchema.default('USD'),
    timezone: TimeZoneSchema.default('UTC'),
    startingBalanceCents: Cents.default(0),
  })
  .strict();
export type AccountCreateInput = z.output<typeof AccountCreateSchema>;

export const AccountPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    broker: z.string().trim().max(100).nullable(),
    currency: CurrencySchema,
    timezone: TimeZoneSchema,
    startingBalanceCents: Cents,
    archived: z.boolean(),
  })
  .partial()
  .strict();
export type AccountPatch = z.output<typeof AccountPatchSchema>;

const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb');

export const TagCreateSchema = z.object({ name: TagNameSchema, color: Color.default('#6b7280') }).strict();
export type TagCreateInput = z.output<typeof TagCreateSchema>;
export const TagPatchSchema = z.object({ name: TagNameSchema, color: Color }).partial().strict();
export type TagPatch = z.output<typeof TagPatchSchema>;
export const TagMergeSchema = z
  .object({ sourceIds: z.array(Id).min(1).max(500), targetId: Id })
  .strict()
  .refine((v) => !v.sourceIds.includes(v.targetId), { message: 'a tag cannot be merged into itself', path: ['targetId'] });

export const InstrumentCreateSchema = z
  .object({
    symbol: z.string().trim().min(1).max(40),
    assetClass: z.enum(ASSET_CLASSES).optional(),
    multiplier: z.number().positive().max(1e8).optional(),
    tickSize: z.number().positive().max(1e6).nullable().default(null),
    /** Detected from the symbol when left out (USDJPY: JPY, 7203.T: JPY, VOD.L: GBp, FESX: EUR). */
    currency: QuoteUnitSchema.optional(),
    description: z.string().trim().max(200).nullable().default(null),
  })
  .strict();
export type InstrumentCreateInput = z.output<typeof InstrumentCreateSchema>;

export const InstrumentPatchSchema = z
  .object({
    assetClass: z.enum(ASSET_CLASSES),
    multiplier: z.number().positive().max(1e8),
    tickSize: z.number().positive().max(1e6).nullable(),
    currency: QuoteUnitSchema,
    description: z.string().trim().max(200).nullable(),
  })
  .partial()
  .strict();
export type InstrumentPatch = z.output<typeof InstrumentPatchSchema>;
