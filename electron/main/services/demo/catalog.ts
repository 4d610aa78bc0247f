import type { AssetClass } from '../../../../shared/domain/enums';

/** How the demo prices and costs one instrument. Prices are in the instrument's currency. */
export interface DemoInstrument {
  symbol: string;
  assetClass: AssetClass;
  multiplier: number;
  tickSize: number;
  currency: string;
  description: string;
  /** Price level on the first day of the demo history. */
  basePrice: number;
  /** Standard deviation of the daily log return of the price path. */
  dailyVol: number;
  /** Stop distance as a fraction of the entry price: [min, max). */
  stopFraction: readonly [number, number];
  /** Quantity granularity (1 contract, 1 share, 0.01 lot, 0.001 coin) and its bounds. */
  qtyStep: number;
  maxQty: number;
  /** Round-trip commission per unit of quantity, in minor units of the currency. */
  feePerUnit: number;
  /** Commission as a fraction of the round-trip notional (brokers that charge by value). */
  feeRate: number;
  /** Smallest round-trip commission, in minor units. */
  minFee: number;
  /** Options are priced by premium, which does not follow the underlying's path. */
  premiumRange?: readonly [number, number];
}

/** A trading window in local wall-clock minutes of the account's time zone. */
export interface DemoSession {
  startMinute: number;
  endMinute: number;
  weight: number;
}

/** The trader behind one demo account: what and when they trade, and how well. */
export interface DemoAccount {
  name: string;
  broker: string;
  currency: string;
  timeZone: string;
  startingBalanceCents: number;
  /** Share of the journal's closed trades (ignored for the evaluation account). */
  weight: number;
  instruments: readonly { symbol: string; weight: number }[];
  setups: readonly { name: string; weight: number; edge: number }[];
  sessions: readonly DemoSession[];
  /** Median and log-sd of an intraday hold, in minutes. */
  holdMedianMinutes: number;
  holdSigma: number;
  /** Share of trades held overnight or longer (closing on a later trading day). */
  swingShare: number;
  /** Probability that a trade is long. */
  longBias: number;
  winRate: number;
  /** Median and log-sd of a winner's R multiple. */
  winRMedian: number;
  winRSigma: number;
  /** Money risked per trade at the stop, in minor units of the account currency. */
  riskPerTrade: number;
}

/** A prop-firm evaluation account: trades only its last days, under the firm's rules. */
export interface DemoEvaluation {
  account: DemoAccount;
  firm: string;
  evaluationName: string;
  tradingDays: number;
  maxTradesPerDay: number;
  profitTargetCents: number;
  dailyLossLimitCents: number;
  maxDrawdownCents: number;
  minTradingDays: number;
}

const fut = (
  symbol: string,
  description: string,
  multiplier: number,
  tickSize: number,
  basePrice: number,
  dailyVol: number,
  stopFraction: readonly [number, number],
  feePerUnit: number,
  maxQty: number,
  currency = 'USD',
): DemoInstrument => ({
  symbol, assetClass: 'future', multiplier, tickSize, currency, description, basePrice, dailyVol, stopFraction,
  qtyStep: 1, maxQty, feePerUnit, feeRate: 0, minFee: 0,
});

const stock = (
  symbol: string,
  description: string,
  basePrice: number,
  dailyVol: number,
  currency = 'USD',
  tickSize = 0.01,
  qtyStep = 1,
): DemoInstrument => ({
  symbol, assetClass: 'stock', multiplier: 1, tickSize, currency, description, basePrice, dailyVol,
  stopFraction: [0.004, 0.014], qtyStep, maxQty: 5000,
  // US retail pricing: half a cent a share each way, at least a dollar a side.
  feePerUnit: currency === 'USD' ? 1 : 0, feeRate: currency === 'USD' ? 0 : 0.001, minFee: currency === 'USD' ? 200 : 10_000,
});

export const DEMO_INSTRUMENTS: readonly DemoInstrument[] = [
  fut('ES', 'E-mini S&P 500', 50, 0.25, 4150, 0.011, [0.0008, 0.0018], 450, 8),
  fut('MES', 'Micro E-mini S&P 500', 5, 0.25, 4150, 0.011, [0.0008, 0.0018], 124, 30),
  fut('NQ', 'E-mini Nasdaq-100', 20, 0.25, 12800, 0.014, [0.001, 0.0024], 450, 6),
  fut('MNQ', 'Micro E-mini Nasdaq-100', 2, 0.25, 12800, 0.014, [0.001, 0.0024], 124, 40),
  fut('CL', 'Crude Oil', 1000, 0.01, 78, 0.022, [0.003, 0.006], 462, 5),
  fut('GC', 'Gold', 100, 0.1, 1850, 0.009, [0.0015, 0.0035], 462, 5),
  stock('AAPL', 'Apple Inc.', 165, 0.016),
  stock('MSFT', 'Microsoft Corp.', 290, 0.015),
  stock('NVDA', 'NVIDIA Corp.', 270, 0.03),
  stock('TSLA', 'Tesla Inc.', 190, 0.035),
  stock('AMD', 'Advanced Micro Devices', 95, 0.028),
  stock('SPY', 'SPDR S&P 500 ETF', 415, 0.011),
  {
    symbol: 'SPY 0DTE C', assetClass: 'option', multiplier: 100, tickSize: 0.01, currency: 'USD',
    description: 'SPY same-day call (at the money)', basePrice: 2, dailyVol: 0, stopFraction: [0.3, 0.5],
    qtyStep: 1, maxQty: 40, feePerUnit: 130, feeRate: 0, minFee: 0, premiumRange: [0.6, 4.5],
  },
  {
    symbol: 'BTCUSD', assetClass: 'crypto', multiplier: 1, tickSize: 0.5, currency: 'USD',
    description: 'Bitcoin / US dollar', basePrice: 28000, dailyVol: 0.03, stopFraction: [0.006, 0.02],
    qtyStep: 0.001, maxQty: 3, feePerUnit: 0, feeRate: 0.001, minFee: 0,
  },
  {
    symbol: 'EURUSD', assetClass: 'fx', multiplier: 100_000, tickSize: 0.00001, currency: 'USD',
    description: 'Euro / US dollar (qty in standard lots)', basePrice: 1.08, dailyVol: 0.005,
    stopFraction: [0.0012, 0.003], qtyStep: 0.01, maxQty: 20, feePerUnit: 700, feeRate: 0, minFee: 0,
  },
  {
    symbol: 'EURGBP', assetClass: 'fx', multiplier: 100_000, tickSize: 0.00001, currency: 'GBP',
    description: 'Euro / British pound (qty in standard lots)', basePrice: 0.87, dailyVol: 0.004,
    stopFraction: [0.0012, 0.003], qtyStep: 0.01, maxQty: 20, feePerUnit: 600, feeRate: 0, minFee: 0,
  },
  fut('Z', 'FTSE 100 Index future', 10, 0.5, 7600, 0.01, [0.001, 0.0025], 300, 10, 'GBP'),
  // Yen has no minor unit in practice, but the journal stores every currency in hundredths.
  fut('NK225M', 'Nikkei 225 mini', 100, 5, 28500, 0.013, [0.008, 0.018], 15_000, 10, 'JPY'),
  stock('7203.T', 'Toyota Motor Corp.', 1900, 0.016, 'JPY', 0.5, 100),
  {
    symbol: 'USDJPY', assetClass: 'fx', multiplier: 100_000, tickSize: 0.001, currency: 'JPY',
    description: 'US dollar / Japanese yen (qty in standard lots)', basePrice: 134, dailyVol: 0.005,
    stopFraction: [0.004, 0.009], qtyStep: 0.01, maxQty: 10, feePerUnit: 100_000, feeRate: 0, minFee: 0,
  },
];

const SCALP_SETUPS = [
  { name: 'opening range', weight: 3, edge: 0.03 },
  { name: 'breakout', weight: 4, edge: 0.01 },
  { name: 'pullback', weight: 4, edge: 0.04 },
  { name: 'reversal', weight: 2, edge: -0.05 },
  { name: 'VWAP reclaim', weight: 3, edge: 0.02 },
  { name: 'news', weight: 1, edge: -0.08 },
] as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    name: 'Futures Day Trading',
    broker: 'Northgate Clearing',
    currency: 'USD',
    timeZone: 'America/Chicago',
    startingBalanceCents: 50_000_00,
    weight: 0.42,
    instruments: [
      { symbol: 'ES', weight: 5 }, { symbol: 'MES', weight: 2 }, { symbol: 'NQ', weight: 3 },
      { symbol: 'MNQ', weight: 4 }, { symbol: 'CL', weight: 2 }, { symbol: 'GC', weight: 1 },
    ],
    setups: SCALP_SETUPS,
    // Regular hours, plus some evening Globex trades that can close after local midnight.
    sessions: [
      { startMinute: 8 * 60 + 30, endMinute: 15 * 60 + 10, weight: 0.88 },
      { startMinute: 19 * 60, endMinute: 23 * 60 + 55, weight: 0.12 },
    ],
    holdMedianMinutes: 9,
    holdSigma: 1.1,
    swingShare: 0.02,
    longBias: 0.52,
    winRate: 0.47,
    winRMedian: 1.2,
    winRSigma: 0.55,
    riskPerTrade: 250_00,
  },
  {
    name: 'US Equities & Options',
    broker: 'Meridian Securities',
    currency: 'USD',
    timeZone: 'America/New_York',
    startingBalanceCents: 30_000_00,
    weight: 0.28,
    instruments: [
      { symbol: 'AAPL', weight: 3 }, { symbol: 'MSFT', weight: 2 }, { symbol: 'NVDA', weight: 4 },
      { symbol: 'TSLA', weight: 4 }, { symbol: 'AMD', weight: 2 }, { symbol: 'SPY', weight: 2 },
      { symbol: 'SPY 0DTE C', weight: 2 }, { symbol: 'BTCUSD', weight: 1 }, { symbol: 'EURUSD', weight: 1 },
    ],
    setups: [
      { name: 'gap and go', weight: 3, edge: 0.02 },
      { name: 'breakout', weight: 4, edge: 0.0 },
      { name: 'pullback', weight: 3, edge: 0.04 },
      { name: 'reversal', weight: 2, edge: -0.04 },
      { name: 'earnings', weight: 1, edge: -0.06 },
    ],
    sessions: [{ startMinute: 9 * 60 + 30, endMinute: 16 * 60, weight: 1 }],
    holdMedianMinutes: 35,
    holdSigma: 1.0,
    swingShare: 0.1,
    longBias: 0.62,
    winRate: 0.56,
    winRMedian: 1.0,
    winRSigma: 0.5,
    riskPerTrade: 120_00,
  },
  {
    name: 'London FX & Index',
    broker: 'Thames Markets',
    currency: 'GBP',
    timeZone: 'Europe/London',
    startingBalanceCents: 20_000_00,
    weight: 0.15,
    instruments: [{ symbol: 'EURGBP', weight: 3 }, { symbol: 'Z', weight: 2 }],
    setups: [
      { name: 'London open', weight: 3, edge: 0.02 },
      { name: 'breakout', weight: 3, edge: -0.02 },
      { name: 'range fade', weight: 3, edge: 0.01 },
      { name: 'news', weight: 1, edge: -0.07 },
    ],
    sessions: [
      { startMinute: 7 * 60 + 55, endMinute: 11 * 60 + 30, weight: 0.65 },
      { startMinute: 13 * 60 + 30, endMinute: 16 * 60 + 30, weight: 0.35 },
    ],
    holdMedianMinutes: 55,
    holdSigma: 0.9,
    swingShare: 0.06,
    longBias: 0.5,
    // A struggling trader: the demo should show a losing account too.
    winRate: 0.45,
    winRMedian: 1.05,
    winRSigma: 0.45,
    riskPerTrade: 80_00,
  },
  {
    name: 'Tokyo Swing',
    broker: 'Sakura Securities',
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
    startingBalanceCents: 5_000_000_00,
    weight: 0.15,
    instruments: [{ symbol: 'NK225M', weight: 3 }, { symbol: '7203.T', weight: 2 }, { symbol: 'USDJPY', weight: 3 }],
    setups: [
      { name: 'trend continuation', weight: 4, edge: 0.03 },
      { name: 'breakout', weight: 2, edge: 0.0 },
      { name: 'mean reversion', weight: 2, edge: -0.02 },
    ],
    sessions: [
      { startMinute: 9 * 60, endMinute: 11 * 60 + 30, weight: 0.6 },
      { startMinute: 12 * 60 + 30, endMinute: 15 * 60, weight: 0.4 },
    ],
    holdMedianMinutes: 90,
    holdSigma: 0.8,
    swingShare: 0.45,
    longBias: 0.55,
    winRate: 0.39,
    winRMedian: 1.6,
    winRSigma: 0.6,
    riskPerTrade: 60_000_00,
  },
];

export const DEMO_EVALUATION: DemoEvaluation = {
  account: {
    name: 'Summit 50K Evaluation',
    broker: 'Summit Funding',
    currency: 'USD',
    timeZone: 'America/Chicago',
    startingBalanceCents: 50_000_00,
    weight: 0,
    // Micros only: a single contract's stop must stay far inside the firm's limits.
    instruments: [{ symbol: 'MES', weight: 3 }, { symbol: 'MNQ', weight: 3 }],
    setups: SCALP_SETUPS,
    sessions: [{ startMinute: 8 * 60 + 30, endMinute: 15 * 60, weight: 1 }],
    holdMedianMinutes: 7,
    holdSigma: 1,
    swingShare: 0,
    longBias: 0.5,
    winRate: 0.52,
    winRMedian: 1.4,
    winRSigma: 0.45,
    riskPerTrade: 90_00,
  },
  firm: 'Summit Funding',
  evaluationName: '50K Challenge',
  tradingDays: 24,
  maxTradesPerDay: 6,
  profitTargetCents: 3_000_00,
  dailyLossLimitCents: 1_100_00,
  maxDrawdownCents: 2_000_00,
  minTradingDays: 5,
};

export const DEMO_MISTAKE_TAGS = ['FOMO', 'revenge trade', 'moved stop', 'oversized', 'early exit', 'chased entry'] as const;
export const DEMO_QUALITY_TAG = 'A+ setup';

export const DEMO_NOTES: readonly string[] = [
  'Waited for the retest before entering; clean fill.',
  'Entered early, before confirmation. Needed patience.',
  'Good read of the tape, sized correctly.',
  'Took profits too soon; the move kept going without me.',
  'Stop was too tight for the volatility today.',
  'Followed the plan exactly. Boring and profitable.',
  'Chased after missing the first entry.',
  'News spike took me out, then reversed. Avoid trading into releases.',
  'Scaled out in thirds; the runner paid for the day.',
  'Should have sat on my hands: choppy, low volume.',
  'Moved the stop instead of taking the loss. Never again.',
  'Best trade of the week: patient entry at the level.',
  'Held through lunch chop; should have exited at the first target.',
  'Traded the opening drive with the trend.',
  'Felt tired, traded anyway. Size down on days like this.',
];

export const DEMO_TAG_COLORS: readonly string[] = [
  '#2563eb', '#16a34a', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#4f46e5', '#059669', '#ea580c',
];
export const DEMO_MISTAKE_COLOR = '#dc2626';
export const DEMO_QUALITY_COLOR = '#15803d';
