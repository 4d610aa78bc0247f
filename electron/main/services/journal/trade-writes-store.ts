import type { Sqlite } from '../db/client';
import type { Direction, TradeStatus } from '../../../../shared/domain/enums';
import { computeRMultiple } from '../../../../shared/domain/trade-input-pnl';
import { bookPnl, type FoundRate, type PnlSource, type RateSource } from '../../../../shared/domain/fx-booking';
import type { ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { bookingCurrencyOf } from '../../../../shared/domain/quote-currency';

/** The execution facts of a trade, from which everything else is derived. */
export interface TradeFacts {
  accountId: number;
  instrumentId: number;
  direction: Direction;
  openedAt: number;
  closedAt: number | null;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  stopPrice: number | null;
  targetPrice: number | null;
  feesCents: number;
  plannedRiskCents: number | null;
  setup: string | null;
  notes: string;
}

/** How an instrument's prices turn into money: contract size and the unit prices are quoted in (USD, JPY, GBp). */
export interface InstrumentTerms {
  multiplier: number;
  quoteUnit: string;
}

/** What booking a trade needs from its account: the trading day and the currency, and the journal's rates. */
export interface BookingContext {
  calendar: ZoneCalendar;
  accountCurrency: string;
  /** The rate table: 1 `from` = rate `to` on (or shortly before) `day`. */
  lookUpRate: (day: string, from: string, to: string) => FoundRate | null;
}

/** A full trades row as written. */
export interface TradeRecord extends TradeFacts {
  status: TradeStatus;
  closeDay: string | null;
  /** Account currency; 0 while the trade needs a rate (status 'needs_rate'). */
  grossPnlCents: number;
  netPnlCents: number;
  pnlCurrency: string | null;
  quoteGrossPnlCents: number | null;
  fxRate: number | null;
  fxRateSource: RateSource | null;
  pnlSource: PnlSource;
  rMultiple: number | null;
  externalId: string | null;
  importBatchId: number | null;
}

export interface StoredTrade extends TradeRecord {
  id: number;
}

export interface DeriveExtra {
  /** The broker's P&L in account currency: it wins over prices (pnl_source 'broker'). */
  brokerGrossCents?: number | null | undefined;
  /** The broker's rate from the P&L currency to the account currency (e.g. IBKR FXRateToBase). */
  brokerRate?: number | null | undefined;
  /** A rate the user typed on the trade. */
  manualRate?: number | null | undefined;
  /** The price-based P&L in quote units when the caller computed it from the fills (exact per fill). */
  quoteAmount?: number | null | undefined;
  rMultiple?: number | null | undefined;
  externalId?: string | null | undefined;
  importBatchId?: number | null | undefined;
}

/**
 * Derives status, close day (in the account's zone), P&L and R from the facts. P&L is
 * computed in the instrument's quote currency and booked into the account currency at the
 * broker's rate, a typed one or the rate table's (fx-booking.ts); the broker's own P&L wins
 * over prices. Without a rate a closed trade gets status 'needs_rate' and books nothing.
 * R is recomputed from the risk (planned, else entry-to-stop converted at the trade's rate) on
 * every write; `extra.rMultiple` (a figure the file carried) is kept only when the trade gives
 * no risk to measure against.
 */
export function deriveTrade(facts: TradeFacts, terms: InstrumentTerms, ctx: BookingContext, extra: DeriveExtra = {}): TradeRecord {
  const closed = facts.closedAt !== null && facts.exitPrice !== null;
  const closeDay = closed ? ctx.calendar.dayOf(facts.closedAt!) : null;
  const quoteAmount = !closed
    ? null
    : extra.quoteAmount != null
      ? extra.quoteAmount
      : (facts.exitPrice! - facts.entryPrice) * facts.qty * terms.multiplier * (facts.direction === 'long' ? 1 : -1);
  const booking = bookPnl({
    quoteUnit: terms.quoteUnit,
    accountCurrency: ctx.accountCurrency,
    quoteAmount,
    brokerGrossCents: closed ? extra.brokerGrossCents : null,
    brokerRate: extra.brokerRate,
    manualRate: extra.manualRate,
    lookUpRate: closeDay === null ? undefined : (from, to) => ctx.lookUpRate(closeDay, from, to),
  });
  const needsRate = closed && booking.grossPnlCents === null;
  const gross = booking.grossPnlCents ?? 0;
  // Account money per quote unit of price distance (GBp counts in pence): null without a rate.
  const riskPerQuoteUnit = booking.fxRate === null ? null : booking.fxRate * bookingCurrencyOf(terms.quoteUnit).scale;
  // Spelled out rather than spread: imports build a hundred thousand of these.
  return {
    accountId: facts.accountId,
    instrumentId: facts.instrumentId,
    direction: facts.direction,
    openedAt: facts.openedAt,
    closedAt: facts.closedAt,
    qty: facts.qty,
    entryPrice: facts.entryPrice,
    exitPrice: facts.exitPrice,
    stopPrice: facts.stopPrice,
    targetPrice: facts.targetPrice,
    feesCents: facts.feesCents,
    plannedRiskCents: facts.plannedRiskCents,
    setup: facts.setup,
    notes: facts.notes,
    status: needsRate ? 'needs_rate' : closed ? 'closed' : 'open',
    closeDay,
    grossPnlCents: gross,
    netPnlCents: gross - facts.feesCents,
    pnlCurrency: booking.pnlCurrency,
    quoteGrossPnlCents: booking.quoteGrossCents,
    fxRate: booking.fxRate,
    fxRateSource: booking.fxRateSource,
    pnlSource: booking.pnlSource,
    rMultiple:
      closed && !needsRate
        ? (computeRMultiple(true, gross - facts.feesCents, {
            entryPrice: facts.entryPrice,
            stopPrice: riskPerQuoteUnit === null ? null : facts.stopPrice,
            qty: facts.qty,
            // The stop distance is in quote units: worth account money at the trade's own rate.
            multiplier: terms.multiplier * (riskPerQuoteUnit ?? 0),
            plannedRiskCents: facts.plannedRiskCents,
          }) ?? extra.rMultiple ?? null)
        : null,
    externalId: extra.externalId ?? null,
    importBatchId: extra.importBatchId ?? null,
  };
}

const SELECT_TRADE = `SELECT id, account_id AS accountId, instrument_id AS instrumentId, direction, status,
  opened_at AS openedAt, closed_at AS closedAt, close_day AS closeDay, qty, entry_price AS entryPrice,
  exit_price AS exitPrice, stop_price AS stopPrice, target_price AS targetPrice, gross_pnl_cents AS grossPnlCents,
  fees_cents AS feesCents, net_pnl_cents AS netPnlCents, r_multiple AS rMultiple,
  planned_risk_cents AS plannedRiskCents, setup, notes,
  external_id AS externalId, import_batch_id AS importBatchId, pnl_currency AS pnlCurrency,
  quote_gross_pnl_cents AS quoteGrossPnlCents, fx_rate AS fxRate, fx_rate_source AS fxRateSource, pnl_source AS pnlSource FROM trades`;

/** Prepared statements for writing trades and their tags; callers own the transaction. */
export function createTradeStore(sqlite: Sqlite) {
  const insert = sqlite.prepare(
    `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty,
       entry_price, exit_price, stop_price, target_price, gross_pnl_cents, fees_cents, net_pnl_cents, r_multiple,
       planned_risk_cents, setup, notes, external_id, import_batch_id, created_at, updated_at,
       pnl_currency, quote_gross_pnl_cents, fx_rate, fx_rate_source, pnl_source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = sqlite.prepare(
    `UPDATE trades SET account_id = @accountId, instrument_id = @instrumentId, direction = @direction,
       status = @status, opened_at = @openedAt, closed_at = @closedAt, close_day = @closeDay, qty = @qty,
       entry_price = @entryPrice, exit_price = @exitPrice, stop_price = @stopPrice, target_price = @targetPrice,
       gross_pnl_cents = @grossPnlCents, fees_cents = @feesCents, net_pnl_cents = @netPnlCents,
       r_multiple = @rMultiple, planned_risk_cents = @plannedRiskCents, setup = @setup, notes = @notes, updated_at = @now,
       pnl_currency = @pnlCurrency, quote_gross_pnl_cents = @quoteGrossPnlCents, fx_rate = @fxRate,
       fx_rate_source = @fxRateSource, pnl_source = @pnlSource
     WHERE id = @id`,
  );
  const byId = sqlite.prepare(`${SELECT_TRADE} WHERE id = ?`);
  const tagByName = sqlite.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1');
  const insertTag = sqlite.prepare('INSERT INTO tags (name) VALUES (?)');
  const clearTags = sqlite.prepare('DELETE FROM trade_tags WHERE trade_id = ?');
  const addTag = sqlite.prepare('INSERT OR IGNORE INTO trade_tags (trade_id, tag_id) VALUES (?, ?)');
  const tagNames = sqlite.prepare(
    'SELECT g.name FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.trade_id = ? ORDER BY g.name',
  );

  return {
    insert(r: TradeRecord, now: number): number {
      // Positional: no per-row parameter object (imports insert a hundred thousand rows).
      return Number(
        insert.run(
          r.accountId, r.instrumentId, r.direction, r.status, r.openedAt, r.closedAt, r.closeDay, r.qty,
          r.entryPrice, r.exitPrice, r.stopPrice, r.targetPrice, r.grossPnlCents, r.feesCents, r.netPnlCents, r.rMultiple,
          r.plannedRiskCents, r.setup, r.notes, r.externalId, r.importBatchId, now, now,
          r.pnlCurrency, r.quoteGrossPnlCents, r.fxRate, r.fxRateSource, r.pnlSource,
        ).lastInsertRowid,
      );
    },
    /** Rewrites every column except the import identity (external id, batch). */
    update(id: number, record: TradeRecord, now: number): void {
      update.run({ ...record, id, now });
    },
    get(id: number): StoredTrade | undefined {
      return byId.get(id) as StoredTrade | undefined;
    },
    /** Tag ids for names, creating missing tags; matching ignores case. `cache` spans a batch. */
    ensureTags(names: string[], cache: Map<string, number> = new Map()): number[] {
      return names.map((name) => {
        const folded = name.toLowerCase();
        let id = cache.get(folded);
        if (id === undefined) {
          const found = tagByName.get(name) as { id: number } | undefined;
          id = found ? found.id : Number(insertTag.run(name).lastInsertRowid);
          cache.set(folded, id);
        }
        return id;
      });
    },
    setTags(tradeId: number, tagIds: number[]): void {
      clearTags.run(tradeId);
      for (const tagId of tagIds) addTag.run(tradeId, tagId);
    },
    addTags(tradeId: number, tagIds: number[]): void {
      for (const tagId of tagIds) addTag.run(tradeId, tagId);
    },
    tagsOf(tradeId: number): string[] {
      return (tagNames.all(tradeId) as { name: string }[]).map((row) => row.name);
    },
  };
}

export type TradeStore = ReturnType<typeof createTradeStore>;
