import type { Sqlite } from '../db/client';
import { createZoneCalendar, type ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { refreshAccountEquityForDays } from '../equity/maintain';
import { createTradeStore, deriveTrade } from '../journal/trade-writes-store';
import type { FxRates } from './fx-rates';

/**
 * Books again, from the rate table, every trade that waits for a rate and every trade the
 * table booked (a new or corrected rate moves it). Broker-reported P&L, broker rates and
 * typed rates are left as they are. The caller owns the transaction.
 */
export function rebookFromRateTable(sqlite: Sqlite, fxRates: FxRates, now: number): { booked: number; rebooked: number } {
  const store = createTradeStore(sqlite);
  const rows = sqlite
    .prepare(
      `SELECT t.id, a.currency AS accountCurrency, a.timezone AS timezone, i.multiplier, i.currency AS quoteUnit
       FROM trades t JOIN accounts a ON a.id = t.account_id JOIN instruments i ON i.id = t.instrument_id
       WHERE t.status = 'needs_rate' OR (t.status = 'closed' AND t.fx_rate_source = 'table' AND t.pnl_source = 'prices')`,
    )
    .all() as { id: number; accountCurrency: string; timezone: string; multiplier: number; quoteUnit: string }[];
  const calendars = new Map<string, ZoneCalendar>();
  const days = new Map<number, (string | null)[]>();
  let booked = 0;
  let rebooked = 0;
  for (const row of rows) {
    const before = store.get(row.id)!;
    let calendar = calendars.get(row.timezone);
    if (!calendar) {
      calendar = createZoneCalendar(row.timezone);
      calendars.set(row.timezone, calendar);
    }
    const record = deriveTrade(
      before,
      { multiplier: row.multiplier, quoteUnit: row.quoteUnit },
      { calendar, accountCurrency: row.accountCurrency, lookUpRate: fxRates.lookUp },
      { rMultiple: before.rMultiple, externalId: before.externalId, importBatchId: before.importBatchId },
    );
    if (record.grossPnlCents === before.grossPnlCents && record.status === before.status && record.fxRate === before.fxRate) continue;
    store.update(row.id, record, now);
    if (before.status === 'needs_rate' && record.status === 'closed') booked += 1;
    else rebooked += 1;
    const list = days.get(before.accountId) ?? [];
    list.push(before.closeDay, record.closeDay);
    days.set(before.accountId, list);
  }
  for (const [accountId, list] of days) refreshAccountEquityForDays(sqlite, accountId, list);
  return { booked, rebooked };
}
