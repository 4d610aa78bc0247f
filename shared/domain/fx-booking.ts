import { amountToCents } from './trade-input-pnl';
import { bookingCurrencyOf } from './quote-currency';

/** Where the rate that turned a trade's quote-currency P&L into account currency came from. */
export const RATE_SOURCES = ['broker', 'table', 'manual', 'same-currency'] as const;
export type RateSource = (typeof RATE_SOURCES)[number];

/** Where a trade's P&L came from: the broker's own figure, computed from prices, or typed. */
export const PNL_SOURCES = ['broker', 'prices', 'manual'] as const;
export type PnlSource = (typeof PNL_SOURCES)[number];

/** A rate found for a conversion: account-currency units per one quote-currency unit. */
export interface FoundRate {
  rate: number;
  source: RateSource;
  /** What the user sees: "USD/JPY 151 on 2026-03-02 (table)". */
  label: string;
}

/** How a closed trade's P&L is booked. `grossPnlCents` null = needs a rate (kept out of money totals). */
export interface Booking {
  /** ISO currency the quote P&L is in (GBP for a price in pence). */
  pnlCurrency: string;
  quoteGrossCents: number | null;
  fxRate: number | null;
  fxRateSource: RateSource | null;
  grossPnlCents: number | null;
  pnlSource: PnlSource;
}

export interface BookingInput {
  /** The instrument's quote unit (USD, JPY, GBp ...). */
  quoteUnit: string;
  accountCurrency: string;
  /** Price-based P&L in quote units (price move x qty x multiplier, signed), or null if open. */
  quoteAmount: number | null;
  /** The broker's P&L in account currency (cents), which wins over prices. */
  brokerGrossCents?: number | null | undefined;
  /** The broker's rate from quote currency to account currency, from the file. */
  brokerRate?: number | null | undefined;
  /** A rate typed on the trade by the user. */
  manualRate?: number | null | undefined;
  /** The journal's rate table. */
  lookUpRate?: ((from: string, to: string) => FoundRate | null) | undefined;
}

/** Quote-currency cents times a rate, rounded half away from zero to account-currency cents. */
export function convertCents(quoteCents: number, rate: number): number {
  return amountToCents((quoteCents / 100) * rate);
}

/**
 * Books a trade's P&L: in its quote currency from prices, then into the account currency at
 * the broker's rate, else a typed rate, else the rate table. Never a silent 1.0: without a
 * rate the account-currency P&L stays null and the trade needs one.
 */
export function bookPnl(input: BookingInput): Booking {
  const { currency, scale } = bookingCurrencyOf(input.quoteUnit);
  const quoteGrossCents = input.quoteAmount === null ? null : amountToCents(input.quoteAmount * scale);
  const base = { pnlCurrency: currency, quoteGrossCents };
  if (input.brokerGrossCents != null) {
    // The broker's figure is already in account currency; its implied rate is shown when it has one.
    const implied =
      currency === input.accountCurrency
        ? 1
        : quoteGrossCents !== null && quoteGrossCents !== 0
          ? input.brokerGrossCents / quoteGrossCents
          : (input.brokerRate ?? null);
    return {
      ...base,
      fxRate: implied,
      fxRateSource: currency === input.accountCurrency ? 'same-currency' : 'broker',
      grossPnlCents: input.brokerGrossCents,
      pnlSource: 'broker',
    };
  }
  if (quoteGrossCents === null) {
    return { ...base, fxRate: null, fxRateSource: null, grossPnlCents: 0, pnlSource: 'prices' };
  }
  const priced = (rate: number, source: RateSource): Booking => ({
    ...base,
    fxRate: rate,
    fxRateSource: source,
    grossPnlCents: rate === 1 && source === 'same-currency' ? quoteGrossCents : convertCents(quoteGrossCents, rate),
    pnlSource: 'prices',
  });
  if (currency === input.accountCurrency) return priced(1, 'same-currency');
  if (input.brokerRate != null && input.brokerRate > 0) return priced(input.brokerRate, 'broker');
  if (input.manualRate != null && input.manualRate > 0) return priced(input.manualRate, 'manual');
  const found = input.lookUpRate?.(currency, input.accountCurrency) ?? null;
  if (found) return priced(found.rate, found.source);
  return { ...base, fxRate: null, fxRateSource: null, grossPnlCents: null, pnlSource: 'prices' };
}

export const RATE_SOURCE_LABELS: Record<RateSource, string> = {
  broker: "the broker's rate",
  table: "the journal's rate table",
  manual: 'a rate typed on the trade',
  'same-currency': 'same currency, no conversion',
};

export const PNL_SOURCE_LABELS: Record<PnlSource, string> = {
  broker: "the broker's reported P&L",
  prices: 'computed from prices',
  manual: 'typed by hand',
};

/** A rate as people read it: the larger side first ("1 USD = 151 JPY" rather than "1 JPY = 0.00662 USD"). */
export function describeRate(rate: number, from: string, to: string): string {
  const shown = (n: number) => Number(n.toPrecision(6)).toString();
  return rate >= 1 ? `1 ${from} = ${shown(rate)} ${to}` : `1 ${to} = ${shown(1 / rate)} ${from}`;
}
