import { z } from 'zod';
import { DaySchema } from './day';

/** One reference rate: 1 base = rate quote on day. */
export interface FxRate {
  id: number;
  day: string;
  base: string;
  quote: string;
  rate: number;
  source: string;
}

const Code = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code such as USD or JPY');

export const FxRateInputSchema = z
  .object({
    day: DaySchema,
    base: Code,
    quote: Code,
    rate: z.number().positive('a rate must be above zero').finite().max(1e9),
  })
  .strict()
  .refine((r) => r.base !== r.quote, { message: 'base and quote must be different currencies', path: ['quote'] });
export type FxRateInput = z.output<typeof FxRateInputSchema>;

export const FxRatesImportSchema = z
  .object({
    /** The CSV text: "date,base,quote,rate" rows, or an ECB-style table (Date, then one column per currency). */
    text: z.string().min(1, 'the file is empty').max(20_000_000),
    /** For a table with one column per currency: the currency the rates are per one unit of (ECB: EUR). */
    base: Code.default('EUR'),
    sourceName: z.string().trim().min(1).max(200).default('imported CSV'),
  })
  .strict();
export type FxRatesImportInput = z.output<typeof FxRatesImportSchema>;

export interface FxRatesImportResult {
  imported: number;
  skipped: number;
  /** Trades that had no rate and were booked by this import. */
  tradesBooked: number;
}
