import type { EquityCurve } from '../../../../shared/domain/analytics';

/** Equity, running peak (starting at the base) and drawdown after each trading day. */
export function buildEquityCurve(startEquityCents: number, days: { day: string; net: number; trades: number }[]): EquityCurve {
  let equity = startEquityCents;
  let peak = startEquityCents;
  const points = days.map(({ day, net, trades }) => {
    equity += net;
    peak = Math.max(peak, equity);
    const drawdown = peak - equity;
    return {
      day,
      netPnlCents: net,
      tradeCount: trades,
      equityCents: equity,
      peakCents: peak,
      drawdownCents: drawdown,
      drawdownPct: peak > 0 ? drawdown / peak : null,
    };
  });
  return { startEquityCents, points };
}
