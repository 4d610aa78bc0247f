import { z } from 'zod';
import { DIRECTIONS, TRADE_STATUSES, type AssetClass, type Direction, type TradeStatus } from './enums';
import type { PnlSource, RateSource } from './fx-booking';
import { DaySchema } from './day';

const Id = z.number().int().positive();

const Cents = z.number().int().min(-1e15).max(1e15);
const Hour = z.number().int().min(0).max(23);

/** ISO weekdays: 1 = Monday ... 7 = Sunday. */
export const WEEKDAY_NUMBERS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Filters shared by the Trades page, the trades export and analytics. Days are inclusive
 * trading days: a closed trade by its close day, an open trade by the day it opened (so a
 * date range never hides a trade still open in it). Lists match any of their members.
 */
export const TradeFilterSchema = z
  .object({
    dateFrom: DaySchema.optional(),
    dateTo: DaySchema.optional(),
    accountIds: z.array(Id).max(500).optional(),
    instrumentIds: z.array(Id).max(500).optional(),
    tagIds: z.array(Id).max(500).optional(),
    /** Setup names as written on the trades. */
    setups: z.array(z.string().min(1).max(200)).max(200).optional(),
    /** Part of the symbol, any case. */
    symbol: z.string().trim().min(1).max(40).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    status: z.enum(TRADE_STATUSES).optional(),
    /** Net P&L bounds in minor units, inclusive (closed trades only). */
    netMinCents: Cents.optional(),
    netMaxCents: Cents.optional(),
    /** Local hour of the open in the account's time zone, inclusive; from > to wraps past midnight. */
    hourFrom: Hour.optional(),
    hourTo: Hour.optional(),
    /** ISO weekdays of the trading day (closed trades). */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    /** Holding time bounds in minutes, inclusive (closed trades only). */
    holdMinMinutes: z.number().int().min(0).max(10_000_000).optional(),
    holdMaxMinutes: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict()
  .refine((f) => !f.dateFrom || !f.dateTo || f.dateFrom <= f.dateTo, {
    message: 'The "From" day must be on or before the "To" day',
    path: ['dateFrom'],
  })
  .refine((f) => f.netMinCents === undefined || f.netMaxCents === undefined || f.netMinCents <= f.netMaxCents, {
    message: 'The lowest net P&L must not be above the highest',
    path: ['netMinCents'],
  })
  .refine((f) => f.holdMinMinutes === undefined || f.holdMaxMinutes === undefined || f.holdMinMinutes <= f.holdMaxMinutes, {
    message: 'The shortest holding time must not be above the longest',
    path: ['holdMinMinutes'],
  });
export type TradeFilter = z.infer<typeof TradeFilterSchema>;

export const TRADE_SORT_KEYS = ['closedAt', 'openedAt', 'netPnl', 'symbol', 'qty', 'id'] as const;
export type TradeSortKey = (typeof TRADE_SORT_KEYS)[number];

export const TradeSortSchema = z
  .object({ key: z.enum(TRADE_SORT_KEYS), dir: z.enum(['asc', 'desc']) })
  .strict();
export type TradeSort = z.infer<typeof TradeSortSchema>;

export interface TradeRow {
  id: number;
  accountId: number;
  accountName: string;
  instrumentId: number;
  symbol: string;
  assetClass: AssetClass;
  direction: Direction;
  status: TradeStatus;
  openedAt: number;
  closedAt: number | null;
  closeDay: string | null;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  stopPrice: number | null;
  targetPrice: number | null;
  /** The money meant to be risked, when the trader gave it (else R uses the stop). */
  plannedRiskCents: number | null;
  /** In the account's currency (accountCurrency); 0 while status is 'needs_rate'. */
  grossPnlCents: number;
  feesCents: number;
  netPnlCents: number;
  accountCurrency: string;
  /** The currency P&L was computed in, that P&L, and the rate (account units per unit of it) that booked it. */
  pnlCurrency: string | null;
  quoteGrossPnlCents: number | null;
  fxRate: number | null;
  fxRateSource: RateSource | null;
  pnlSource: PnlSource;
  rMultiple: number | null;
  setup: string | null;
  notes: string;
  tags: string[];
}

/** Where the previous page ended: its last row's sort value and id (keyset paging). */
export const TradeCursorSchema = z
  .object({ value: z.union([z.number(), z.string().max(200)]), id: Id })
  .strict();
export type TradeCursor = z.infer<typeof TradeCursorSchema>;

/** The cursor after `row` for `key`: what the next page starts beyond. */
export function cursorOf(row: TradeRow, key: TradeSortKey): TradeCursor {
  const value =
    key === 'closedAt'
      ? (row.closedAt ?? row.openedAt)
      : key === 'openedAt'
        ? row.openedAt
        : key === 'netPnl'
          ? row.netPnlCents
          : key === 'symbol'
            ? row.symbol
            : key === 'qty'
              ? row.qty
              : row.id;
  return { value, id: row.id };
}

/** Figures of the trades one filter matches, per account currency (money never adds currencies). */
export interface TradeSummaryCurrency {
  currency: string;
  trades: number;
  closed: number;
  wins: number;
  losses: number;
  netCents: number;
  grossProfitCents: number;
  /** Negative or zero. */
  grossLossCents: number;
  /** Mean of winning trades' net; null with no wins. */
  avgWinCents: number | null;
  /** Mean of losing trades' net (negative); null with no losses. */
  avgLossCents: number | null;
  /** Gross profit over gross loss; null with no losses. */
  profitFactor: number | null;
}

export interface TradeSummary {
  trades: number;
  open: number;
  closed: number;
  wins: number;
  losses: number;
  /** Wins over closed trades (0..1); null with no closed trades. */
  winRate: number | null;
  /** Mean R of closed trades that have one; null when none has. */
  avgR: number | null;
  withR: number;
  currencies: TradeSummaryCurrency[];
}

export interface TradePage {
  rows: TradeRow[];
  total: number;
  offset: number;
  limit: number;
}

/** One bar of a distribution or grouping: a label code main chooses, the closed trades in it and their net. */
export interface TradeBucket {
  /** Stable key: the bucket's lower bound, a setup name, or a duration code. */
  key: string;
  /** Lower and upper bounds (inclusive lower, exclusive upper) where the bucket is a range; null = open-ended. */
  from: number | null;
  to: number | null;
  trades: number;
  wins: number;
  netCents: number;
}

/** Shapes of the closed trades one filter matches, for the Performance page's charts. */
export interface TradeDistributions {
  /** Net P&L per trade in equal-width bins (minor units). */
  pnl: TradeBucket[];
  /** R multiples in bins of 0.5 R, clamped at -5 R and +10 R. */
  r: TradeBucket[];
  /** Holding time, in fixed steps a trader recognises (ms bounds). */
  duration: TradeBucket[];
  /** By setup name ('' = no setup). */
  setup: TradeBucket[];
  /** Runs of wins and of losses in close order: how many runs of each length. */
  streaks: { kind: 'win' | 'loss'; length: number; count: number }[];
  longestWin: number;
  longestLoss: number;
  /** Closed trades counted. */
  closed: number;
}
