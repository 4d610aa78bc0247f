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

/** How R is measured, said the same way on the trade, in the forms and in exports. */
export const R_DEFINITION =
  'R = net P&L (after fees) ÷ initial risk. Initial risk = |entry − stop| × quantity × multiplier (fees not included), or the planned risk when you give one.';

export interface RiskInput {
  entryPrice: number;
  stopPrice: number | null;
  qty: number;
  multiplier: number;
  /** The money the trader meant to risk; wins over the stop distance when given. */
  plannedRiskCents: number | null;
}

/** The initial risk in cents, or null when neither a planned risk nor a stop away from the entry is known. */
export function initialRiskCents(input: RiskInput): number | null {
  if (input.plannedRiskCents !== null && input.plannedRiskCents > 0) return input.plannedRiskCents;
  if (input.stopPrice === null) return null;
  const risk = amountToCents(Math.abs(input.entryPrice - input.stopPrice) * input.qty * input.multiplier);
  return risk > 0 ? risk : null;
}

/** Money in units of the initial risk, to 2 decimals; null when there is no risk to measure against. */
export function toR(cents: number, riskCents: number | null): number | null {
  if (riskCents === null || riskCents <= 0) return null;
  // Half away from zero, so a loss and the mirrored win get the same magnitude (−0.725 -> −0.73).
  const hundredths = Math.round(Math.abs(cents / riskCents) * 100) / 100;
  return cents < 0 ? -hundredths : hundredths;
}

/**
 * R multiple of a closed trade: net P&L / initial risk (see R_DEFINITION). Null while the
 * trade is open or without a risk to measure against.
 */
export function computeRMultiple(closed: boolean, netPnlCents: number, risk: RiskInput): number | null {
  if (!closed) return null;
  return toR(netPnlCents, initialRiskCents(risk));
}
