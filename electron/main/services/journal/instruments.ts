import type { Sqlite } from '../db/client';
import type { EventBus } from '../event-bus';
import { AppError } from '../errors';
import type { AssetClass } from '../../../../shared/domain/enums';
import type { Instrument } from '../../../../shared/domain/journal';
import type { InstrumentCreateInput, InstrumentPatch } from '../../../../shared/domain/trade-input-refs';
import { detectQuoteCurrency } from '../../../../shared/domain/quote-currency';
import { refreshAccountEquityForDays } from '../equity/maintain';
import { detectInstrument } from '../import/instrument-detect';
import type { FxRates } from '../fx/fx-rates';
import { createTradeStore, deriveTrade, type StoredTrade } from './trade-writes-store';
import { createZoneCalendar } from '../../../../shared/domain/zone-calendar';

export interface InstrumentSpec {
  symbol: string;
  assetClass: AssetClass;
  multiplier: number;
  /** The quote unit: what the source says (a journal export), else detected from the symbol. */
  currency?: string | undefined;
}

export interface EnsuredInstrument {
  id: number;
  multiplier: number;
  quoteUnit: string;
  created: boolean;
}

const SELECT = 'SELECT id, symbol, asset_class AS assetClass, multiplier, currency FROM instruments';

/**
 * Instruments: find-or-create by symbol (imports, manual trades) and edits. Changing a
 * multiplier or the quote currency re-books the trades of the instrument whose P&L came from
 * prices (never the broker's own figure) and the equity of the accounts holding them, in one
 * transaction.
 */
export function createInstruments(deps: { sqlite: Sqlite; events: EventBus; fxRates: FxRates }) {
  const { sqlite, events, fxRates } = deps;
  const store = createTradeStore(sqlite);
  const bySymbol = sqlite.prepare(`${SELECT} WHERE symbol = ?`);
  const byId = sqlite.prepare(`${SELECT} WHERE id = ?`);
  const insert = sqlite.prepare(
    `INSERT INTO instruments (symbol, asset_class, multiplier, tick_size, currency, description)
     VALUES (@symbol, @assetClass, @multiplier, @tickSize, @currency, @description)`,
  );
  // Closed (or waiting for a rate) trades booked from prices; broker-reported P&L stays as reported.
  const pricedTrades = sqlite.prepare(
    `SELECT t.id, a.currency AS accountCurrency, a.timezone AS timezone FROM trades t JOIN accounts a ON a.id = t.account_id
     WHERE t.instrument_id = ? AND t.status IN ('closed', 'needs_rate') AND t.pnl_source = 'prices'`,
  );

  const ensure = (spec: InstrumentSpec): EnsuredInstrument => {
    const found = bySymbol.get(spec.symbol) as Instrument | undefined;
    if (found) return { id: found.id, multiplier: found.multiplier, quoteUnit: found.currency, created: false };
    const currency = spec.currency ?? detectQuoteCurrency(spec.symbol, spec.assetClass);
    const id = Number(
      insert.run({ symbol: spec.symbol, assetClass: spec.assetClass, multiplier: spec.multiplier, tickSize: null, currency, description: null }).lastInsertRowid,
    );
    return { id, multiplier: spec.multiplier, quoteUnit: currency, created: true };
  };

  return {
    get(id: number): Instrument | undefined {
      return byId.get(id) as Instrument | undefined;
    },
    findBySymbol(symbol: string): Instrument | undefined {
      return bySymbol.get(symbol) as Instrument | undefined;
    },
    /** Finds the instrument by symbol or creates it; the caller owns the transaction. */
    ensure,
    create(input: InstrumentCreateInput): Instrument {
      const detected = detectInstrument(input.symbol, { fxLotSize: 1, defaultAssetClass: 'stock' });
      const symbol = detected.symbol;
      const assetClass = input.assetClass ?? detected.assetClass;
      if (bySymbol.get(symbol)) {
        throw new AppError('conflict', `An instrument ${symbol} already exists. Edit it instead of creating it again.`);
      }
      const id = Number(
        insert.run({
          symbol,
          assetClass,
          multiplier: input.multiplier ?? detected.multiplier,
          tickSize: input.tickSize,
          currency: input.currency ?? detectQuoteCurrency(symbol, assetClass),
          description: input.description,
        }).lastInsertRowid,
      );
      events.emit('journal:changed', { reason: 'instruments-changed' });
      return byId.get(id) as Instrument;
    },
    update(id: number, patch: InstrumentPatch, now: number): { instrument: Instrument; tradesRecomputed: number } {
      const run = sqlite.transaction(() => {
        const current = byId.get(id) as Instrument | undefined;
        if (!current) throw new AppError('not_found', `Instrument ${id} does not exist; reload the instruments list.`);
        const sets: string[] = [];
        const params: Record<string, unknown> = { id };
        const columns: Record<keyof InstrumentPatch, string> = {
          assetClass: 'asset_class',
          multiplier: 'multiplier',
          tickSize: 'tick_size',
          currency: 'currency',
          description: 'description',
        };
        for (const [key, column] of Object.entries(columns) as [keyof InstrumentPatch, string][]) {
          if (patch[key] !== undefined) {
            sets.push(`${column} = @${key}`);
            params[key] = patch[key];
          }
        }
        if (sets.length > 0) sqlite.prepare(`UPDATE instruments SET ${sets.join(', ')} WHERE id = @id`).run(params);
        let recomputed = 0;
        const multiplierMoved = patch.multiplier !== undefined && patch.multiplier !== current.multiplier;
        const currencyMoved = patch.currency !== undefined && patch.currency !== current.currency;
        if (multiplierMoved || currencyMoved) {
          const terms = { multiplier: patch.multiplier ?? current.multiplier, quoteUnit: patch.currency ?? current.currency };
          const days = new Map<number, (string | null)[]>();
          // all(), not iterate(): the connection cannot write while a read cursor is open.
          for (const row of pricedTrades.all(id) as { id: number; accountCurrency: string; timezone: string }[]) {
            const before = store.get(row.id) as StoredTrade;
            const record = deriveTrade(
              before,
              terms,
              { calendar: createZoneCalendar(row.timezone), accountCurrency: row.accountCurrency, lookUpRate: fxRates.lookUp },
              {
                brokerRate: before.fxRateSource === 'broker' ? before.fxRate : null,
                manualRate: before.fxRateSource === 'manual' ? before.fxRate : null,
                rMultiple: before.rMultiple,
                externalId: before.externalId,
                importBatchId: before.importBatchId,
              },
            );
            store.update(row.id, record, now);
            const list = days.get(before.accountId) ?? [];
            list.push(before.closeDay, record.closeDay);
            days.set(before.accountId, list);
            recomputed += 1;
          }
          for (const [accountId, list] of days) refreshAccountEquityForDays(sqlite, accountId, list);
        }
        return { instrument: byId.get(id) as Instrument, tradesRecomputed: recomputed };
      });
      const result = run.immediate();
      events.emit('journal:changed', { reason: result.tradesRecomputed > 0 ? 'trades-changed' : 'instruments-changed' });
      return result;
    },
  };
}

export type Instruments = ReturnType<typeof createInstruments>;
