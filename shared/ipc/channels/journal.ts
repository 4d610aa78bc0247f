import { z } from 'zod';
import { channel } from '../define';
import { TradeCursorSchema, TradeFilterSchema, TradeSortSchema, type TradeDistributions, type TradePage, type TradeSummary } from '../../domain/trade';
import type { Account, Instrument, Tag } from '../../domain/journal';

export const TRADES_PAGE_MAX = 500;

export const journalChannels = {
  'trades:list': channel<TradePage>()(
    z
      .object({
        filter: TradeFilterSchema.default({}),
        sort: TradeSortSchema.default({ key: 'closedAt', dir: 'desc' }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(TRADES_PAGE_MAX).default(100),
        /** The previous page's last row: the page starts right after it (offset is then only reported back). */
        after: TradeCursorSchema.optional(),
      })
      .strict(),
  ),
  'trades:summary': channel<TradeSummary>()(z.object({ filter: TradeFilterSchema.default({}) }).strict()),
  'trades:setups': channel<string[]>()(z.object({}).strict()),
  'trades:distributions': channel<TradeDistributions>()(z.object({ filter: TradeFilterSchema.default({}) }).strict()),
  'accounts:list': channel<Account[]>()(z.object({}).strict()),
  'instruments:list': channel<Instrument[]>()(z.object({}).strict()),
  'tags:list': channel<Tag[]>()(z.object({}).strict()),
};
