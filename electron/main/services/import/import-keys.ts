import type { Sqlite } from '../db/client';
import type { TradeFacts } from '../journal/trade-writes-store';
import type { FillPortion, RoundTrip } from './round-trips';

/** Dedupe keys of imported rows: which fills made which trade; trade rows' keys are trades.external_id. */
export function createImportKeys(sqlite: Sqlite) {
  // A trade-per-row import keeps its key only in trades.external_id (unique per account,
  // never editable): one row less per trade. Fill keys live in import_keys.
  const known = sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM import_keys WHERE account_id = ? AND key = ?)
           OR EXISTS (SELECT 1 FROM trades WHERE account_id = ? AND external_id = ?)`,
    )
    .pluck();
  const anyKeys = sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM import_keys WHERE account_id = ?)
           OR EXISTS (SELECT 1 FROM trades WHERE account_id = ? AND external_id IS NOT NULL)`,
    )
    .pluck();
  const insert = sqlite.prepare(
    `INSERT INTO import_keys (account_id, key, trade_id, batch_id, kind, side, qty, price, executed_at, fees_cents)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const portions = sqlite.prepare(
    `SELECT key, side, qty, price, executed_at AS executedAt, fees_cents AS feesCents
     FROM import_keys WHERE trade_id = ? AND kind = 'fill' ORDER BY executed_at, id`,
  );
  return {
    known: (accountId: number, key: string): boolean => known.get(accountId, key, accountId, key) === 1,
    /** False when the account holds no imported rows at all: a first import needs no lookups. */
    anyKeys: (accountId: number): boolean => anyKeys.get(accountId, accountId) === 1,
    insertFillPortions(accountId: number, tradeId: number, batchId: number, list: readonly FillPortion[]): void {
      for (const p of list) insert.run(accountId, p.key, tradeId, batchId, 'fill', p.side, p.qty, p.price, p.executedAt, p.feesCents);
    },
    /** The fill portions a trade was built from, in execution order. */
    portionsOf(tradeId: number): FillPortion[] {
      return portions.all(tradeId) as FillPortion[];
    },
  };
}

export type ImportKeys = ReturnType<typeof createImportKeys>;

/** The execution facts of a round trip (no stop, target, setup or notes: those are the user's). */
export function portionsToTrip(trip: RoundTrip, accountId: number, instrumentId: number): TradeFacts {
  return {
    accountId,
    instrumentId,
    direction: trip.direction,
    openedAt: trip.openedAt,
    closedAt: trip.closedAt,
    qty: trip.qty,
    entryPrice: trip.entryPrice,
    exitPrice: trip.exitPrice,
    stopPrice: null,
    targetPrice: null,
    feesCents: trip.feesCents,
    plannedRiskCents: null,
    setup: null,
    notes: '',
  };
}
