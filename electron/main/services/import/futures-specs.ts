/**
 * Dollar value of one point for common futures roots (contract multiplier), from the
 * exchanges' contract specifications. Unknown roots import with multiplier 1 and are
 * flagged, so the user sets the right value before trusting the P&L.
 */
export const FUTURES_MULTIPLIERS: Readonly<Record<string, number>> = {
  // CME equity index
  ES: 50, MES: 5, NQ: 20, MNQ: 2, RTY: 50, M2K: 5, EMD: 100,
  // CBOT equity index
  YM: 5, MYM: 0.5,
  // Energy (NYMEX)
  CL: 1000, MCL: 100, QM: 500, NG: 10000, QG: 2500, HO: 42000, RB: 42000, BZ: 1000,
  // Metals (COMEX)
  GC: 100, MGC: 10, SI: 5000, SIL: 1000, HG: 25000, MHG: 2500, PL: 50, PA: 100,
  // Interest rates (CBOT)
  ZB: 1000, UB: 1000, ZN: 1000, TN: 1000, ZF: 1000, ZT: 2000, SR3: 2500,
  // Grains and livestock (CBOT/CME), prices in cents per bushel -> $ per cent
  ZC: 50, ZS: 50, ZW: 50, ZM: 100, ZL: 600, LE: 400, HE: 400, GF: 500,
  // Currencies (CME)
  '6E': 125000, M6E: 12500, '6J': 12500000, '6B': 62500, M6B: 6250, '6A': 100000, M6A: 10000,
  '6C': 100000, '6S': 125000, '6N': 100000, '6M': 500000,
  // Crypto (CME)
  BTC: 5, MBT: 0.1, ETH: 50, MET: 0.1,
  // Volatility (CFE)
  VX: 1000, VXM: 100,
  // Eurex
  FDAX: 25, FDXM: 5, FDXS: 1, FESX: 10, FSMI: 10, FGBL: 1000,
};

/** CME month codes in calendar order. */
export const MONTH_CODES = 'FGHJKMNQUVXZ';
