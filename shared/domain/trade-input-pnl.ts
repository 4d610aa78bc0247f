import type { Direction } from './enums';

/**
 * Rounds a money amount computed in floating point to whole cents, half away from zero,
 * so a long and the mirrored short always get the same magnitude.
 */
export function amountToCents(amount: number): number {
  // toFixed(4) snaps float noise (12.5 * 100 = 1249.9999999) before the rounding.
  const scaled = Number((amount * 100).toFixed(4));
  return scaled < 0 ? -Math.round(-scaled) : Math.round(scaled);
}

export interface PnlInput {
  direction: Direction;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  multiplier: number;
  feesCents: number;
}

export interface Pnl {
  grossPnlCents: number;
  feesCents: number;
  netPnlCents: number;
}

/** P&L of a trade from its prices: an open trade (no exit) has no gross P&L yet, only its fees. */
export function computePnl(input: PnlInput): Pnl {
  const gross =
    input.exitPrice === null
      ? 0
      : amountToCents(
          (input.exitPrice - input.entryPrice) * input.qty * input.multiplier * (input.direction === 'long' ? 1 : -1),
        );
  return { grossPnlCents: gross, feesCents: input.feesCents, netPnlCents: gross - input.feesCents };
}

/**
 * R multiple: the price move in units of the initial risk (entry to stop). Null without
 * a stop, an exit, or when the stop sits at the entry.
 */
export function computeRMultiple(
  direction: Direction,
  entryPrice: number,
  exitPrice: number | null,
  stopPrice: number | null,
): number | null {
  if (exitPrice === null || stopPrice === null) return null;
  const risk = Math.abs(entryPrice - stopPrice);
  if (risk === 0) return null;
  const move = (exitPrice - entryPrice) * (direction === 'long' ? 1 : -1);
  return Math.round((move / risk) * 100) / 100;
}
