import type { Sqlite } from '../db/client';
import type { EventBus } from '../event-bus';
import { AppError } from '../errors';
import type { AssetClass } from '../../../../shared/domain/enums';
import type { Instrument } from '../../../../shared/domain/journal';
import type { InstrumentCreateInput, InstrumentPatch } from '../../../../shared/domain/trade-input-refs';
import { computePnl } from '../../../../shared/domain/trade-input-pnl';
import { refreshAccountEquityForDays } from '../equity/maintain';
import { detectInstrument } from '../import/instrument-detect';

export interface InstrumentSpec {
  symbol: string;
  assetClass: AssetClass;
  multiplier: number;
  /** Quote currency when the source says (a journal export); USD otherwise. */
  currency?: string | undefined;
}

export interface EnsuredInstrument {
  id: number;
  multiplier: number;
  created: boolean;
}

const SELECT = 'SELECT id, symbol, asset_class AS assetClass, multiplier FROM instruments';

/**
 * Instruments: find-or-create by symbol (imports, manual trades) and edits. Changing a
 * multiplier recomputes the P&L of every closed trade of the instrument and the equity of
 * the accounts holding them, in one transaction.
 */
export function createInstruments(deps: { sqlite: Sqlite; events: EventBus }) {
  const { sqlite, events } = deps;
  const bySymbol = sqlite.prepare(`${SELECT} WHERE symbol = ?`);
  const byId = sqlite.prepare(`${SELECT} WHERE id = ?`);
  const insert = sqlite.prepare(
    `INSERT INTO instruments (symbol, asset_class, multiplier, tick_size, currency, description)
     VALUES (@symbol, @assetClass, @multiplier, @tickSize, @currency, @description)`,
  );
  const closedTrades = sqlite.prepare(
    `SELECT id, account_id AS accountId, direction, qty, entry_price AS entryPrice, exit_price AS exitPrice,
       fees_cents AS feesCents, close_day AS closeDay
     FROM trades WHERE instrument_id = ? AND status = 'closed'`,
  );
  const setPnl = sqlite.prepare('UPDATE trades SET gross_pnl_cents = ?, net_pnl_cents = ?, updated_at = ? WHERE id = ?');

  const ensure = (spec: InstrumentSpec): EnsuredInstrument => {
    const found = bySymbol.get(spec.symbol) as Instrument | undefined;
    if (found) return { id: found.id, multiplier: found.multiplier, created: false };
    const id = Number(
      insert.run({ symbol: spec.symbol, assetClass: spec.assetClass, multiplier: spec.multiplier, tickSize: null, currency: spec.currency ?? 'USD', description: null }).lastInsertRowid,
    );
    return { id, multiplier: spec.multiplier, created: true };
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
      if (bySymbol.get(symbol)) {
        throw new AppError('conflict', `An instrument ${symbol} already exists. Edit it instead of creating it again.`);
      }
      const id = Number(
        insert.run({
          symbol,
          assetClass: input.assetClass ?? detected.assetClass,
          multiplier: input.multiplier ?? detected.multiplier,
          tickSize: input.tickSize,
          currency: input.currency,
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
        if (patch.multiplier !== undefined && patch.multiplier !== current.multiplier) {
          const days = new Map<number, string[]>();
          // all(), not iterate(): the connection cannot write while a read cursor is open.
          for (const trade of closedTrades.all(id) as {
            id: number;
            accountId: number;
            direction: 'long' | 'short';
            qty: number;
            entryPrice: number;
            exitPrice: number;
            feesCents: number;
            closeDay: string | null;
          }[]) {
            const pnl = computePnl({ ...trade, multiplier: patch.multiplier });
            setPnl.run(pnl.grossPnlCents, pnl.netPnlCents, now, trade.id);
            const list = days.get(trade.accountId) ?? [];
            list.push(trade.closeDay ?? '');
            days.set(trade.accountId, list);
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
