import { z } from 'zod';
import { DIRECTIONS, TRADE_STATUSES, type AssetClass, type Direction, type TradeStatus } from './enums';
import type { PnlSource, RateSource } from './fx-booking';
import { DaySchema } from './day';

const Id = z.number().int().positive();

/** Filters shared by the Trades page and the trades export. Days are inclusive trading days. */
export const TradeFilterSchema = z
  .object({
    dateFrom: DaySchema.optional(),
    dateTo: DaySchema.optional(),
    accountIds: z.array(Id).max(500).optional(),
    instrumentIds: z.array(Id).max(500).optional(),
    tagIds: z.array(Id).max(500).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    status: z.enum(TRADE_STATUSES).optional(),
  })
  .strict()
  .refine((f) => !f.dateFrom || !f.dateTo || f.dateFrom <= f.dateTo, {
    message: 'dateFrom must be on or before dateTo',
    path: ['dateFrom'],
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
  notes: string;
  tags: string[];
}

export interface TradePage {
  rows: TradeRow[];
  total: number;
  offset: number;
  limit: number;
}
