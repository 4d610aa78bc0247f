import type { Sqlite } from '../db/client';
import { ANALYTICS_DEFER_MIN_ROWS, withAnalyticsDeferred } from '../analytics/day-facts-maintenance';
import type { EventBus } from '../event-bus';
import { AppError } from '../errors';
import type { TradeRow } from '../../../../shared/domain/trade';
import type { TradeCreateInput, TradePatch } from '../../../../shared/domain/trade-input';
import type { Account } from '../../../../shared/domain/journal';
import { createZoneCalendar, type ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { refreshAccountEquityForDays } from '../equity/maintain';
import { detectInstrument } from '../import/instrument-detect';
import { TRADE_ROW_SELECT, toTradeRow } from './trades-query';
import { createTradeStore, deriveTrade, type StoredTrade, type TradeFacts } from './trade-writes-store';
import type { Instruments } from './instruments';
import type { FxRates } from '../fx/fx-rates';

// Facts whose change moves the price-based P&L; an edit touching none of them keeps the
// stored gross (which may be the broker's own figure from an import).
const PNL_FACTS = ['instrumentId', 'direction', 'qty', 'entryPrice', 'exitPrice', 'closedAt'] as const;

/**
 * Manual create, edit and delete of trades. Each write derives close day, status and P&L,
 * and refreshes the affected accounts' daily equity in the same transaction.
 */
export function createTradeWrites(deps: { sqlite: Sqlite; events: EventBus; instruments: Instruments; fxRates: FxRates; now: () => number }) {
  const { sqlite, events, instruments, fxRates, now } = deps;
  const store = createTradeStore(sqlite);
  const calendars = new Map<string, ZoneCalendar>();
  const calendarFor = (timeZone: string) => {
    let calendar = calendars.get(timeZone);
    if (!calendar) {
      calendar = createZoneCalendar(timeZone);
      calendars.set(timeZone, calendar);
    }
    return calendar;
  };
  const accountById = sqlite.prepare(
    'SELECT id, name, broker, currency, timezone, starting_balance_cents AS startingBalanceCents FROM accounts WHERE id = ?',
  );
  const rowById = sqlite.prepare(
    `SELECT ${TRADE_ROW_SELECT} FROM trades t JOIN accounts a ON a.id = t.account_id
     JOIN instruments i ON i.id = t.instrument_id WHERE t.id = ?`,
  );

  const account = (id: number): Account => {
    const found = accountById.get(id) as Account | undefined;
    if (!found) throw new AppError('not_found', `Account ${id} does not exist; choose an existing account.`);
    return found;
  };
  const instrumentFor = (input: { instrumentId?: number | undefined; symbol?: string | undefined; assetClass?: TradeCreateInput['assetClass']; multiplier?: number | undefined }) => {
    if (input.instrumentId !== undefined) {
      const found = instruments.get(input.instrumentId);
      if (!found) throw new AppError('not_found', `Instrument ${input.instrumentId} does not exist; choose an existing instrument or type a symbol.`);
      return { id: found.id, multiplier: found.multiplier, quoteUnit: found.currency };
    }
    const detected = detectInstrument(input.symbol!, { fxLotSize: 1, defaultAssetClass: 'stock' });
    return instruments.ensure({
      symbol: detected.symbol,
      assetClass: input.assetClass ?? detected.assetClass,
      multiplier: input.multiplier ?? detected.multiplier,
    });
  };
  const bookingFor = (owner: Account) => ({
    calendar: calendarFor(owner.timezone),
    accountCurrency: owner.currency,
    lookUpRate: fxRates.lookUp,
  });
  const readRow = (id: number): TradeRow => toTradeRow(rowById.get(id) as Parameters<typeof toTradeRow>[0]);

  return {
    /** `plannedRiskCents` may be left out (no planned risk) by callers other than the IPC. */
    create(input: Omit<TradeCreateInput, 'plannedRiskCents'> & { plannedRiskCents?: number | null }): TradeRow {
      const id = sqlite.transaction(() => {
        const owner = account(input.accountId);
        const instrument = instrumentFor(input);
        const facts: TradeFacts = {
          accountId: owner.id,
          instrumentId: instrument.id,
          direction: input.direction,
          openedAt: input.openedAt,
          closedAt: input.closedAt,
          qty: input.qty,
          entryPrice: input.entryPrice,
          exitPrice: input.exitPrice,
          stopPrice: input.stopPrice,
          targetPrice: input.targetPrice,
          feesCents: input.feesCents,
          plannedRiskCents: input.plannedRiskCents ?? null,
          setup: input.setup,
          notes: input.notes,
        };
        const record = deriveTrade(facts, instrument, bookingFor(owner), { manualRate: input.fxRate });
        const tradeId = store.insert(record, now());
        store.setTags(tradeId, store.ensureTags(input.tags));
        refreshAccountEquityForDays(sqlite, owner.id, [record.closeDay]);
        return tradeId;
      }).immediate();
      events.emit('journal:changed', { reason: 'trades-changed' });
      return readRow(id);
    },

    update(id: number, patch: TradePatch): TradeRow {
      sqlite.transaction(() => {
        const before = store.get(id);
        if (!before) throw new AppError('not_found', `Trade ${id} does not exist; it may have been deleted. Reload the trades list.`);
        const owner = account(patch.accountId ?? before.accountId);
        const instrument =
          patch.instrumentId !== undefined || patch.symbol !== undefined
            ? instrumentFor(patch)
            : (() => {
                const current = instruments.get(before.instrumentId)!;
                return { id: current.id, multiplier: current.multiplier, quoteUnit: current.currency };
              })();
        const facts: TradeFacts = {
          accountId: owner.id,
          instrumentId: instrument.id,
          direction: patch.direction ?? before.direction,
          openedAt: patch.openedAt ?? before.openedAt,
          closedAt: patch.closedAt !== undefined ? patch.closedAt : before.closedAt,
          qty: patch.qty ?? before.qty,
          entryPrice: patch.entryPrice ?? before.entryPrice,
          exitPrice: patch.exitPrice !== undefined ? patch.exitPrice : before.exitPrice,
          stopPrice: patch.stopPrice !== undefined ? patch.stopPrice : before.stopPrice,
          targetPrice: patch.targetPrice !== undefined ? patch.targetPrice : before.targetPrice,
          feesCents: patch.feesCents ?? before.feesCents,
          plannedRiskCents: patch.plannedRiskCents !== undefined ? patch.plannedRiskCents : before.plannedRiskCents,
          setup: patch.setup !== undefined ? patch.setup : before.setup,
          notes: patch.notes ?? before.notes,
        };
        if ((facts.closedAt === null) !== (facts.exitPrice === null)) {
          throw new AppError('validation', 'A closed trade needs both a close time and an exit price; to reopen it, clear both.');
        }
        if (facts.closedAt !== null && facts.closedAt < facts.openedAt) {
          throw new AppError('validation', 'The close time is before the open time; fix one of them.');
        }
        const pnlMoved = PNL_FACTS.some((key) => (facts as unknown as Record<string, unknown>)[key] !== (before as unknown as Record<string, unknown>)[key]);
        const riskMoved = facts.stopPrice !== before.stopPrice || facts.plannedRiskCents !== before.plannedRiskCents;
        // The broker's P&L stands until a fact it depended on moves; a typed or broker rate stays with the trade.
        const record = deriveTrade(facts, instrument, bookingFor(owner), {
          brokerGrossCents: !pnlMoved && before.pnlSource === 'broker' && before.status !== 'open' ? before.grossPnlCents : null,
          brokerRate: before.fxRateSource === 'broker' && before.pnlSource === 'prices' ? before.fxRate : null,
          manualRate: patch.fxRate !== undefined ? patch.fxRate : before.fxRateSource === 'manual' ? before.fxRate : null,
          rMultiple: pnlMoved || riskMoved ? null : before.rMultiple,
          externalId: before.externalId,
          importBatchId: before.importBatchId,
        });
        store.update(id, record, now());
        if (patch.tags !== undefined) store.setTags(id, store.ensureTags(patch.tags));
        if (before.accountId !== owner.id) {
          refreshAccountEquityForDays(sqlite, before.accountId, [before.closeDay]);
          refreshAccountEquityForDays(sqlite, owner.id, [record.closeDay]);
        } else {
          refreshAccountEquityForDays(sqlite, owner.id, [before.closeDay, record.closeDay]);
        }
      }).immediate();
      events.emit('journal:changed', { reason: 'trades-changed' });
      return readRow(id);
    },

    delete(ids: number[]): { deleted: number } {
      const deleted = sqlite.transaction(() => {
        const touched = new Map<number, (string | null)[]>();
        const removed: StoredTrade[] = [];
        for (const id of ids) {
          const trade = store.get(id);
          if (!trade) continue;
          removed.push(trade);
          const days = touched.get(trade.accountId) ?? [];
          days.push(trade.closeDay);
          touched.set(trade.accountId, days);
        }
        if (removed.length === 0) {
          throw new AppError('not_found', 'None of these trades exist any more; reload the trades list.');
        }
        const remove = sqlite.prepare('DELETE FROM trades WHERE id = ?');
        const removeAll = () => {
          for (const trade of removed) remove.run(trade.id);
        };
        if (removed.length >= ANALYTICS_DEFER_MIN_ROWS) withAnalyticsDeferred(sqlite, removeAll);
        else removeAll();
        for (const [accountId, days] of touched) refreshAccountEquityForDays(sqlite, accountId, days);
        return removed.length;
      }).immediate();
      events.emit('journal:changed', { reason: 'trades-changed' });
      return { deleted };
    },
  };
}

export type TradeWrites = ReturnType<typeof createTradeWrites>;
