import type { AssetClass } from './enums';

/**
 * The currency an instrument's prices are quoted in, read from its symbol the way exchanges
 * and brokers write it. A guess: the instrument keeps it in an editable field.
 */

/** ISO 4217 codes the journal recognises in FX pairs. */
export const FX_CURRENCIES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'JPY', 'GBP', 'CHF', 'AUD', 'NZD', 'CAD', 'SEK', 'NOK', 'DKK', 'PLN', 'HUF', 'CZK', 'TRY',
  'ZAR', 'MXN', 'SGD', 'HKD', 'CNH', 'CNY', 'ILS', 'RUB', 'INR', 'KRW', 'THB',
]);

/**
 * Quote units that are a hundredth of a currency: London quotes most shares in pence (GBp,
 * also written GBX), Johannesburg in cents (ZAc), Tel Aviv in agorot (ILA). A price in
 * pence times a quantity is an amount in pence; P&L is booked in pounds.
 */
const SUBUNITS: Readonly<Record<string, { currency: string; scale: number }>> = {
  GBp: { currency: 'GBP', scale: 0.01 },
  GBX: { currency: 'GBP', scale: 0.01 },
  ZAc: { currency: 'ZAR', scale: 0.01 },
  ZAC: { currency: 'ZAR', scale: 0.01 },
  ILA: { currency: 'ILS', scale: 0.01 },
};

/** The currency a quote unit books into, and the factor from quote units to that currency. */
export function bookingCurrencyOf(quoteUnit: string): { currency: string; scale: number } {
  return SUBUNITS[quoteUnit] ?? { currency: quoteUnit.toUpperCase(), scale: 1 };
}

/** A code the instrument's currency field accepts: ISO 4217 (three capitals) or a known subunit (GBp). */
export function isQuoteUnit(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) || SUBUNITS[code] !== undefined;
}

// Exchange suffixes as Yahoo / Reuters style tickers write them (7203.T, VOD.L, SAP.DE).
const SUFFIXES: Readonly<Record<string, string>> = {
  T: 'JPY', JP: 'JPY', OS: 'JPY',
  L: 'GBp', LN: 'GBp', IL: 'USD',
  DE: 'EUR', F: 'EUR', PA: 'EUR', AS: 'EUR', MI: 'EUR', MC: 'EUR', BR: 'EUR', LS: 'EUR', VI: 'EUR', HE: 'EUR', IR: 'EUR', ETR: 'EUR',
  SW: 'CHF', VX: 'CHF',
  HK: 'HKD', TO: 'CAD', V: 'CAD', CN: 'CAD', NE: 'CAD', AX: 'AUD', NZ: 'NZD',
  ST: 'SEK', OL: 'NOK', CO: 'DKK', WA: 'PLN', PR: 'CZK', BD: 'HUF', IS: 'TRY',
  SI: 'SGD', KS: 'KRW', KQ: 'KRW', TW: 'TWD', TWO: 'TWD', NS: 'INR', BO: 'INR',
  SS: 'CNY', SZ: 'CNY', JO: 'ZAc', TA: 'ILA', SA: 'BRL', MX: 'MXN',
};

/**
 * Futures quote currency by contract root, from the listing exchange's contract specs:
 * CME/CBOT/NYMEX/COMEX/CFE contracts are USD (the FX futures 6E, 6J ... are quoted in USD per
 * unit of the foreign currency), Eurex EUR, Osaka JPY, ICE Europe's FTSE GBP, SGX's Nikkei JPY.
 */
const FUTURES_CURRENCIES: Readonly<Record<string, string>> = {
  FESX: 'EUR', FDAX: 'EUR', FDXM: 'EUR', FDXS: 'EUR', FGBL: 'EUR', FGBM: 'EUR', FGBS: 'EUR', FGBX: 'EUR', FSXE: 'EUR', FVS: 'EUR',
  FSMI: 'CHF', FSMM: 'CHF',
  NK225: 'JPY', NK225M: 'JPY', NK225MC: 'JPY', JN: 'JPY', JNM: 'JPY', NIY: 'JPY', SGXNK: 'JPY', TOPIX: 'JPY',
  Z: 'GBP', FTSE: 'GBP', R: 'GBP', L: 'GBP',
  HSI: 'HKD', MHI: 'HKD', HHI: 'HKD', SXF: 'CAD', AP: 'AUD', SPI: 'AUD', YAP: 'AUD',
  NIFTY: 'INR', BANKNIFTY: 'INR', FCE: 'EUR', CAC: 'EUR',
};

const FX_PAIR = /^([A-Z]{3})[/.\-_]?([A-Z]{3})(?:[.\-_]?[A-Z0-9]{1,4})?$/;
const CRYPTO_PAIR = /^([A-Z]{3,5})[/\-_]?(USDT|USDC|[A-Z]{3})$/;
const SUFFIXED = /^[A-Z0-9&-]+\.([A-Z]{1,3})$/;
const MONTH_CODE = /^([A-Z0-9]{1,9}?)[FGHJKMNQUVXZ]\d{1,2}$/;

/** The futures root of a stored contract symbol (ESZ5 -> ES, NK225MH6 -> NK225M) or the symbol itself. */
function futuresRoot(symbol: string): string {
  if (FUTURES_CURRENCIES[symbol] !== undefined) return symbol;
  const m = MONTH_CODE.exec(symbol.replace(/\s+/g, ''));
  return m ? m[1]! : symbol.split(' ')[0]!;
}

/**
 * Detects the quote currency (or subunit, e.g. GBp) of a symbol. `fallback` is used when the
 * symbol says nothing (a plain US ticker like AAPL): the caller passes USD or the account's own.
 */
export function detectQuoteCurrency(rawSymbol: string, assetClass: AssetClass, fallback = 'USD'): string {
  const symbol = rawSymbol.trim().toUpperCase();
  if (assetClass === 'fx' || assetClass === 'cfd') {
    const fx = FX_PAIR.exec(symbol);
    if (fx && FX_CURRENCIES.has(fx[1]!) && FX_CURRENCIES.has(fx[2]!)) return fx[2]!;
  }
  if (assetClass === 'crypto') {
    const crypto = CRYPTO_PAIR.exec(symbol);
    if (crypto) return crypto[2] === 'USDT' || crypto[2] === 'USDC' ? 'USD' : crypto[2]!;
  }
  if (assetClass === 'future') {
    const root = futuresRoot(symbol);
    // Unknown roots: the US exchanges list most of what retail traders trade.
    return FUTURES_CURRENCIES[root] ?? 'USD';
  }
  const suffixed = SUFFIXED.exec(symbol);
  if (suffixed) {
    const unit = SUFFIXES[suffixed[1]!];
    if (unit) return unit;
  }
  if (FUTURES_CURRENCIES[symbol] !== undefined) return FUTURES_CURRENCIES[symbol]!;
  return fallback;
}
