import { z } from 'zod';
import { channel } from '../define';
import type { TradeRow } from '../../domain/trade';
import type { Account, Instrument, Tag } from '../../domain/journal';
import { TradeCreateSchema, TradeIdsSchema, TradePatchSchema } from '../../domain/trade-input';
import {
  AccountCreateSchema,
  AccountPatchSchema,
  InstrumentCreateSchema,
  InstrumentPatchSchema,
  TagCreateSchema,
  TagMergeSchema,
  TagPatchSchema,
} from '../../domain/trade-input-refs';

const Id = z.number().int().positive();

/** Manual writes to the journal; every one keeps daily equity in step in the same transaction. */
export const tradesWriteChannels = {
  'trades:create': channel<TradeRow>()(TradeCreateSchema),
  'trades:update': channel<TradeRow>()(z.object({ id: Id, patch: TradePatchSchema }).strict()),
  'trades:delete': channel<{ deleted: number }>()(z.object({ ids: TradeIdsSchema }).strict()),
  'tags:create': channel<Tag>()(TagCreateSchema),
  /** Rename and/or recolour. Renaming onto an existing name is a conflict: merge instead. */
  'tags:update': channel<Tag>()(z.object({ id: Id, patch: TagPatchSchema }).strict()),
  'tags:merge': channel<{ tag: Tag; tradesRetagged: number }>()(TagMergeSchema),
  'tags:delete': channel<{ tradesUntagged: number }>()(z.object({ id: Id }).strict()),
  'accounts:create': channel<Account>()(AccountCreateSchema),
  /** A new time zone recomputes close days and equity; a new starting balance recomputes equity. */
  'accounts:update': channel<Account>()(z.object({ id: Id, patch: AccountPatchSchema }).strict()),
  'instruments:create': channel<Instrument>()(InstrumentCreateSchema),
  /** A new multiplier recomputes the P&L of the instrument's closed trades and their equity. */
  'instruments:update': channel<{ instrument: Instrument; tradesRecomputed: number }>()(
    z.object({ id: Id, patch: InstrumentPatchSchema }).strict(),
  ),
};
