import type { Services } from '../app';
import type { AreaHandlers } from './define';
import { rebookFromRateTable } from '../fx/rebook';

/** The rate table: every change re-books the trades it prices, with their daily equity, in one transaction. */
export function fxHandlers(services: Services): AreaHandlers<'fx:rates' | 'fx:putRate' | 'fx:importRates' | 'fx:deleteRate'> {
  const { sqlite } = services.db;
  const { fxRates } = services.journal;
  const now = () => services.clock.now();
  const emit = (booked: number) => {
    services.events.emit('journal:changed', { reason: booked > 0 ? 'trades-changed' : 'instruments-changed' });
  };
  return {
    'fx:rates': (request) => ({
      rates: fxRates.list(request.limit),
      total: fxRates.count(),
      tradesNeedingRate: sqlite.prepare("SELECT COUNT(*) FROM trades WHERE status = 'needs_rate'").pluck().get() as number,
    }),
    'fx:putRate': (request) => {
      const result = sqlite
        .transaction(() => {
          fxRates.put([request.rate], 'typed');
          const { booked, rebooked } = rebookFromRateTable(sqlite, fxRates, now());
          return { imported: 1, skipped: 0, tradesBooked: booked + rebooked };
        })
        .immediate();
      emit(result.tradesBooked);
      return result;
    },
    'fx:importRates': (request) => {
      const parsed = fxRates.parse(request);
      const result = sqlite
        .transaction(() => {
          fxRates.put(parsed.rows, request.sourceName);
          const { booked, rebooked } = rebookFromRateTable(sqlite, fxRates, now());
          return { imported: parsed.rows.length, skipped: parsed.skipped, tradesBooked: booked + rebooked };
        })
        .immediate();
      emit(result.tradesBooked);
      return result;
    },
    'fx:deleteRate': (request) => {
      const result = sqlite
        .transaction(() => {
          fxRates.remove(request.id);
          const { booked, rebooked } = rebookFromRateTable(sqlite, fxRates, now());
          return { deleted: true as const, tradesBooked: booked + rebooked };
        })
        .immediate();
      emit(result.tradesBooked);
      return result;
    },
  };
}
