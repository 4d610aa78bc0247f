import { z } from 'zod';
import { channel } from '../define';
import { TradeFilterSchema, TradeSortSchema, type TradePage } from '../../domain/trade';
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
      })
      .strict(),
  ),
  'accounts:list': channel<Account[]>()(z.object({}).strict()),
  'instruments:list': channel<Instrument[]>()(z.object({}).strict()),
  'tags:list': channel<Tag[]>()(z.object({}).strict()),
};
