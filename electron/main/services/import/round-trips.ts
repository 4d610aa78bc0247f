import type { Direction } from '../../../../shared/domain/enums';

/** A fill (or the part of one that belongs to a single trade) as the grouping sees it. */
export interface FillPortion {
  key: string;
  /** +1 buy, -1 sell. */
  side: 1 | -1;
  qty: number;
  price: number;
  executedAt: number;
  feesCents: number;
  /** The broker's execution and order ids, when the file has them (kept on the trade's executions). */
  execId?: string | null;
  orderId?: string | null;
}

export interface RoundTrip {
  direction: Direction;
  /** Every fill portion of the trade, entries and exits, in time order. */
  portions: FillPortion[];
  openedAt: number;
  closedAt: number | null;
  /** Total quantity opened (scaling in adds to it). */
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  feesCents: number;
  /**
   * Realized P&L in price units x quantity (multiply by the contract multiplier):
   * exit notional minus entry notional, signed by direction. Exact for a flat-to-flat trip.
   */
  grossPoints: number;
}

// Quantities are floats (crypto, FX units); anything below this is flat.
const EPSILON = 1e-9;

interface Building {
  direction: Direction;
  portions: FillPortion[];
  entryQty: number;
  entryNotional: number;
  exitQty: number;
  exitNotional: number;
  feesCents: number;
}

function finish(trip: Building, closedAt: number | null): RoundTrip {
  const sign = trip.direction === 'long' ? 1 : -1;
  const closed = closedAt !== null;
  return {
    direction: trip.direction,
    portions: trip.portions,
    openedAt: trip.portions[0]!.executedAt,
    closedAt,
    qty: trip.entryQty,
    entryPrice: trip.entryNotional / trip.entryQty,
    exitPrice: closed ? trip.exitNotional / trip.exitQty : null,
    feesCents: trip.feesCents,
    grossPoints: closed ? (trip.exitNotional - trip.entryNotional) * sign : 0,
  };
}

/**
 * Groups one instrument's fills (already in execution order) into round trips: a trade
 * runs from flat to flat, scaling in and out stays one trade, and a fill that goes through
 * flat (a reversal) is split: the part that closes ends this trade, the rest opens the
 * next one, and its fee is shared in proportion to quantity. Closing quantity is matched
 * FIFO against the open lots; for a trip that ends flat the realized P&L is exit notional
 * minus entry notional, whatever the matching order, which is what brokers report.
 * A position still open at the end yields an open trip.
 */
export function groupRoundTrips(fills: readonly FillPortion[]): RoundTrip[] {
  const trips: RoundTrip[] = [];
  let current: Building | null = null;
  for (const fill of fills) {
    let remaining = fill.qty;
    let feeLeft = fill.feesCents;
    while (remaining > EPSILON) {
      if (current === null) {
        current = {
          direction: fill.side === 1 ? 'long' : 'short',
          portions: [],
          entryQty: 0,
          entryNotional: 0,
          exitQty: 0,
          exitNotional: 0,
          feesCents: 0,
        };
      }
      const opening = (current.direction === 'long' ? 1 : -1) === fill.side;
      if (opening) {
        current.portions.push({ ...fill, qty: remaining, feesCents: feeLeft });
        current.entryQty += remaining;
        current.entryNotional += remaining * fill.price;
        current.feesCents += feeLeft;
        remaining = 0;
        feeLeft = 0;
        break;
      }
      const open = current.entryQty - current.exitQty;
      const take = Math.min(remaining, open);
      const fee = take >= remaining - EPSILON ? feeLeft : Math.round((feeLeft * take) / remaining);
      current.portions.push({ ...fill, qty: take, feesCents: fee });
      current.exitQty += take;
      current.exitNotional += take * fill.price;
      current.feesCents += fee;
      remaining -= take;
      feeLeft -= fee;
      if (current.entryQty - current.exitQty <= EPSILON) {
        trips.push(finish(current, fill.executedAt));
        current = null;
      }
    }
  }
  if (current !== null) trips.push(finish(current, null));
  return trips;
}
