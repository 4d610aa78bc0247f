import { z } from 'zod';

const Id = z.number().int().positive();
/** The largest bar file sent at once (text). */
export const BARS_CSV_MAX_CHARS = 32 * 1024 * 1024;
/** Bar sizes offered (seconds): 1, 5, 15, 30 min, 1 and 4 hours, 1 day. */
export const BAR_SIZES = [60, 300, 900, 1800, 3600, 14_400, 86_400] as const;

export const BarsImportSchema = z
  .object({
    /** The instrument the bars belong to, by symbol (created when new, as for trades). */
    symbol: z.string().trim().min(1, 'give the symbol the bars are for').max(40),
    barSeconds: z.number().int().refine((s) => (BAR_SIZES as readonly number[]).includes(s), `must be one of ${BAR_SIZES.join(', ')} seconds`),
    /** The zone of the file's wall-clock times (unix timestamps and times with an offset ignore it). */
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'is not an IANA time zone (e.g. America/New_York, UTC)'),
    /** Whether a row's time is its bar's start (TradingView, MetaTrader) or its end (NinjaTrader's default). */
    timeMarks: z.enum(['start', 'end']).default('start'),
    fileName: z.string().trim().max(200).default('bars.csv'),
    csvText: z.string().min(1, 'the file is empty').max(BARS_CSV_MAX_CHARS, `a bar file may be at most ${BARS_CSV_MAX_CHARS / 1024 / 1024} MiB`),
  })
  .strict();
export type BarsImportInput = z.output<typeof BarsImportSchema>;

export interface BarsImportResult {
  instrumentId: number;
  symbol: string;
  barSeconds: number;
  /** Bars written (a bar already stored at the same time is replaced). */
  imported: number;
  /** The layout recognised, in words. */
  layout: string;
  firstTime: number | null;
  lastTime: number | null;
  /** Lines that were not bars, with why (the first 20). */
  skipped: { line: number; reason: string }[];
  skippedCount: number;
}

export interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** Where a trade's fills go on its chart: today entry and exit, later each execution. */
export interface ChartMarker {
  time: number;
  side: 'buy' | 'sell';
  price: number;
  label: string;
}

/**
 * Maximum adverse and favourable excursion over the bars covering the holding period, as a
 * price, as money (before fees; adverse <= 0 <= favourable) and in R (null without a risk).
 */
export interface Excursions {
  maePrice: number;
  mfePrice: number;
  maeCents: number;
  mfeCents: number;
  maeR: number | null;
  mfeR: number | null;
  barsCovering: number;
}

export interface TradeChart {
  /** Null when no bars of the instrument overlap the trade. */
  barSeconds: number | null;
  bars: Bar[];
  markers: ChartMarker[];
  excursions: Excursions | null;
  /** Why there is no chart or no excursions, in words. */
  note: string | null;
}

export interface BarSet {
  instrumentId: number;
  symbol: string;
  barSeconds: number;
  count: number;
  firstTime: number;
  lastTime: number;
}

export const TradeChartSchema = z.object({ tradeId: Id, barsAround: z.number().int().min(0).max(500).default(40) }).strict();
