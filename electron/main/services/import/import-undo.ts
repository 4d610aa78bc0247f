import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import { createZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { refreshAccountEquityForDays } from '../equity/maintain';
import { createTradeStore, deriveTrade } from '../journal/trade-writes-store';
import { createFxRates } from '../fx/fx-rates';
import { createImportKeys, portionsToTrip } from './import-keys';
import { groupRoundTrips } from './round-trips';

export interface UndoOutcome {
  tradesDeleted: number;
  /** Trades of earlier imports that this import had extended, put back as they were. */
  tradesRestored: number;
}

/**
 * Undoes one import in one transaction: its trades go, trades of earlier imports that its
 * fills extended are recomputed from their remaining fills, the batch is marked undone and
 * daily equity refreshed. An import whose trades a later import extended must wait until
 * that later one is undone, or the later fills would be left without their opening side.
 */
export function undoImport(sqlite: Sqlite, batchId: number, now: number): UndoOutcome & { accountId: number } {
  const batch = sqlite.prepare('SELECT id, account_id AS accountId, status FROM import_batches WHERE id = ?').get(batchId) as
    | { id: number; accountId: number; status: string }
    | undefined;
  if (!batch) throw new AppError('not_found', `Import ${batchId} does not exist; reload the import history.`);
  if (batch.status !== 'committed') throw new AppError('conflict', `Import ${batchId} was already undone.`);
  const later = sqlite
    .prepare(
      `SELECT k2.batch_id AS laterBatch FROM import_keys k JOIN import_keys k2 ON k2.trade_id = k.trade_id
       WHERE k.batch_id = ? AND k2.batch_id > ? LIMIT 1`,
    )
    .get(batchId, batchId) as { laterBatch: number } | undefined;
  if (later) {
    throw new AppError('conflict', `Import ${later.laterBatch} continued trades of this import. Undo import ${later.laterBatch} first.`, {
      blockingBatchId: later.laterBatch,
    });
  }

  const store = createTradeStore(sqlite);
  const keys = createImportKeys(sqlite);
  const account = sqlite.prepare('SELECT timezone, currency FROM accounts WHERE id = ?').get(batch.accountId) as { timezone: string; currency: string };
  const booking = { calendar: createZoneCalendar(account.timezone), accountCurrency: account.currency, lookUpRate: createFxRates(sqlite).lookUp };
  const termsOf = sqlite.prepare('SELECT multiplier, currency AS quoteUnit FROM instruments WHERE id = ?');

  const touched = sqlite
    .prepare(
      `SELECT DISTINCT trade_id AS id FROM import_keys WHERE batch_id = ?
       UNION SELECT id FROM trades WHERE import_batch_id = ?`,
    )
    .all(batchId, batchId) as { id: number }[];
  const days: (string | null)[] = [];
  let deleted = 0;
  let restored = 0;
  const removeTrade = sqlite.prepare('DELETE FROM trades WHERE id = ?');
  const removeKeys = sqlite.prepare('DELETE FROM import_keys WHERE trade_id = ? AND batch_id = ?');
  const removeFills = sqlite.prepare('DELETE FROM executions WHERE trade_id = ? AND import_batch_id = ?');
  const otherKeys = sqlite.prepare('SELECT COUNT(*) FROM import_keys WHERE trade_id = ? AND (batch_id IS NULL OR batch_id <> ?)').pluck();

  for (const { id } of touched) {
    const trade = store.get(id);
    if (!trade) continue;
    days.push(trade.closeDay);
    if (trade.importBatchId === batchId || (otherKeys.get(id, batchId) as number) === 0) {
      removeTrade.run(id);
      deleted += 1;
      continue;
    }
    removeKeys.run(id, batchId);
    removeFills.run(id, batchId);
    const trips = groupRoundTrips(keys.portionsOf(id));
    const trip = trips[0];
    if (!trip) continue;
    const terms = termsOf.get(trade.instrumentId) as { multiplier: number; quoteUnit: string };
    const facts = portionsToTrip(trip, trade.accountId, trade.instrumentId);
    const record = deriveTrade(
      { ...facts, stopPrice: trade.stopPrice, targetPrice: trade.targetPrice, setup: trade.setup, notes: trade.notes },
      terms,
      booking,
      {
        quoteAmount: trip.closedAt === null ? null : trip.grossPoints * terms.multiplier,
        manualRate: trade.fxRateSource === 'manual' ? trade.fxRate : null,
        externalId: trade.externalId,
        importBatchId: trade.importBatchId,
      },
    );
    store.update(id, record, now);
    days.push(record.closeDay);
    restored += 1;
  }
  sqlite.prepare("UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?").run(now, batchId);
  refreshAccountEquityForDays(sqlite, batch.accountId, days);
  return { tradesDeleted: deleted, tradesRestored: restored, accountId: batch.accountId };
}
