import type { AssetClass } from '../../../../shared/domain/enums';
import { FUTURES_MULTIPLIERS, MONTH_CODES } from './futures-specs';

export interface DetectedInstrument {
  /** The symbol the journal stores (normalized: upper case, futures as ROOT+month+year digit). */
  symbol: string;
  assetClass: AssetClass;
  multiplier: number;
  /** False when the asset class is a guess or the futures root has no known multiplier. */
  certain: boolean;
}

export interface DetectHints {
  /** The file's own asset class cell (IBKR AssetClass: STK, FUT, OPT, CASH, ...). */
  assetClass?: string | undefined;
  /** The file's own multiplier cell (IBKR Multiplier). */
  multiplier?: number | undefined;
  /** Multiplier of FX pairs: 1 when quantities are units, 100,000 when they are lots. */
  fxLotSize: number;
  defaultAssetClass: AssetClass;
}

const CURRENCIES = new Set([
  'USD', 'EUR', 'JPY', 'GBP', 'CHF', 'AUD', 'NZD', 'CAD', 'SEK', 'NOK', 'DKK', 'PLN', 'HUF', 'CZK', 'TRY',
  'ZAR', 'MXN', 'SGD', 'HKD', 'CNH', 'CNY', 'ILS', 'RUB', 'INR', 'KRW', 'THB',
]);
const CRYPTO_BASES = new Set(['BTC', 'ETH', 'SOL', 'XRP', 'LTC', 'DOGE', 'ADA', 'DOT', 'BNB', 'AVAX', 'LINK', 'BCH', 'XBT', 'MATIC']);
const CRYPTO_QUOTES = new Set(['USD', 'USDT', 'USDC', 'EUR', 'BTC', 'ETH', 'GBP']);

const HINT_CLASSES: Record<string, AssetClass> = {
  STK: 'stock', STOCK: 'stock', STOCKS: 'stock', EQUITY: 'stock', ETF: 'stock',
  FUT: 'future', FUTURE: 'future', FUTURES: 'future',
  OPT: 'option', FOP: 'option', OPTION: 'option', OPTIONS: 'option', 'EQUITY AND INDEX OPTIONS': 'option',
  CASH: 'fx', FX: 'fx', FOREX: 'fx',
  CRYPTO: 'crypto', CFD: 'cfd',
};

const OCC = /^([A-Z0-9.]{1,6})\s*(\d{6})([CP])(\d{8})$/;
const CME = /^([A-Z0-9]{1,5})([FGHJKMNQUVXZ])(\d{1,2})$/;
// NinjaTrader writes "MNQ 12-25"; some platforms "MNQ DEC25" or "MNQ SEP 25".
const NUMERIC_EXPIRY = /^([A-Z0-9]{1,5}) (\d{2})-(\d{2})$/;
const NAMED_EXPIRY = /^([A-Z0-9]{1,5}) (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) ?(\d{2})$/;
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const FX = /^([A-Z]{3})[/.\-_]?([A-Z]{3})(?:[.\-_]?[A-Z0-9]{1,4})?$/;
const CRYPTO = /^([A-Z]{3,5})[/\-_]?([A-Z]{3,4})$/;

function futuresContract(root: string, monthIndex: number, year: string): string {
  return `${root}${MONTH_CODES[monthIndex]}${year.slice(-1)}`;
}

/** Reads asset class and multiplier from a symbol the way traders write it. */
export function detectInstrument(rawSymbol: string, hints: DetectHints): DetectedInstrument {
  const symbol = rawSymbol.trim().replace(/\s+/g, ' ').toUpperCase();
  const hinted = hints.assetClass ? HINT_CLASSES[hints.assetClass.trim().toUpperCase()] ?? null : null;
  const fileMultiplier = hints.multiplier !== undefined && hints.multiplier > 0 ? hints.multiplier : null;

  const occ = OCC.exec(symbol);
  if (occ && (hinted === null || hinted === 'option')) {
    return {
      symbol: `${occ[1]}${occ[2]}${occ[3]}${occ[4]}`,
      assetClass: 'option',
      multiplier: fileMultiplier ?? 100,
      certain: true,
    };
  }

  const numeric = NUMERIC_EXPIRY.exec(symbol);
  const named = NAMED_EXPIRY.exec(symbol);
  let contract: { symbol: string; root: string } | null = null;
  if (numeric && Number(numeric[2]) >= 1 && Number(numeric[2]) <= 12) {
    contract = { symbol: futuresContract(numeric[1]!, Number(numeric[2]) - 1, numeric[3]!), root: numeric[1]! };
  } else if (named) {
    contract = { symbol: futuresContract(named[1]!, MONTH_NAMES.indexOf(named[2]!), named[3]!), root: named[1]! };
  } else {
    const cme = CME.exec(symbol);
    if (cme && (FUTURES_MULTIPLIERS[cme[1]!] !== undefined || hinted === 'future')) {
      contract = { symbol: futuresContract(cme[1]!, MONTH_CODES.indexOf(cme[2]!), cme[3]!), root: cme[1]! };
    } else if (FUTURES_MULTIPLIERS[symbol] !== undefined && (hinted === null || hinted === 'future') && !CRYPTO_BASES.has(symbol)) {
      contract = { symbol, root: symbol };
    } else if (hinted === 'future') {
      contract = { symbol, root: symbol };
    }
  }
  if (contract) {
    const known = FUTURES_MULTIPLIERS[contract.root];
    return {
      symbol: contract.symbol,
      assetClass: 'future',
      multiplier: fileMultiplier ?? known ?? 1,
      certain: fileMultiplier !== null || known !== undefined,
    };
  }

  const fx = FX.exec(symbol);
  if (fx && CURRENCIES.has(fx[1]!) && CURRENCIES.has(fx[2]!) && fx[1] !== fx[2] && (hinted === null || hinted === 'fx' || hinted === 'cfd')) {
    return { symbol, assetClass: 'fx', multiplier: fileMultiplier ?? hints.fxLotSize, certain: true };
  }
  const crypto = CRYPTO.exec(symbol);
  if (crypto && CRYPTO_BASES.has(crypto[1]!) && CRYPTO_QUOTES.has(crypto[2]!) && (hinted === null || hinted === 'crypto')) {
    return { symbol, assetClass: 'crypto', multiplier: fileMultiplier ?? 1, certain: true };
  }
  if (hinted === 'option') return { symbol, assetClass: 'option', multiplier: fileMultiplier ?? 100, certain: fileMultiplier !== null };
  if (hinted) return { symbol, assetClass: hinted, multiplier: fileMultiplier ?? 1, certain: true };
  return {
    symbol,
    assetClass: hints.defaultAssetClass,
    multiplier: fileMultiplier ?? 1,
    certain: hints.defaultAssetClass === 'stock' || fileMultiplier !== null,
  };
}
