import type { Sqlite } from '../db/client';
import type { TradeBucket, TradeDistributions, TradeFilter } from '../../../../shared/domain/trade';
import type { TradesQuery } from './trades-query';

const MINUTE = 60_000;
/** Holding-time steps a trader recognises: scalps, intraday, swing. */
const DURATION_STEPS = [0, MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE, 4 * 60 * MINUTE, 24 * 60 * MINUTE, 7 * 24 * 60 * MINUTE];
const R_STEP = 0.5;
const R_LOW = -5;
const R_HIGH = 10;
const PNL_BINS = 20;

/** A round bin width (1, 2 or 5 x a power of ten cents) giving about `bins` bins over the span. */
function niceWidth(span: number, bins: number): number {
  const raw = Math.max(1, span / bins);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

interface Closed {
  net: number;
  r: number | null;
  held: number;
  setup: string | null;
}

/**
 * The distributions behind the Performance page's charts, over the closed trades of one
 * filter (the Trades page's SQL, zones included). One pass in close order: a scan, as
 * these shapes (a P&L range, streak runs) are not kept as aggregates.
 */
export function tradeDistributions(sqlite: Sqlite, trades: TradesQuery, filter: TradeFilter): TradeDistributions {
  const { where, params } = trades.filterSql({ ...filter, status: 'closed' });
  const rows = sqlite
    .prepare(
      `SELECT t.net_pnl_cents AS net, t.r_multiple AS r, t.closed_at - t.opened_at AS held, t.setup AS setup
       FROM trades t WHERE ${where} ORDER BY t.closed_at, t.id`,
    )
    .all(...params) as Closed[];

  const bucket = (key: string, from: number | null, to: number | null): TradeBucket => ({ key, from, to, trades: 0, wins: 0, netCents: 0 });
  const add = (b: TradeBucket, row: Closed) => {
    b.trades++;
    if (row.net > 0) b.wins++;
    b.netCents += row.net;
  };

  // P&L: equal round-width bins from the smallest to the largest trade.
  const pnl: TradeBucket[] = [];
  if (rows.length > 0) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const row of rows) {
      if (row.net < lo) lo = row.net;
      if (row.net > hi) hi = row.net;
    }
    const width = niceWidth(hi - lo, PNL_BINS);
    const start = Math.floor(lo / width) * width;
    const count = Math.floor((hi - start) / width) + 1;
    for (let i = 0; i < count; i++) pnl.push(bucket(String(start + i * width), start + i * width, start + (i + 1) * width));
    for (const row of rows) add(pnl[Math.floor((row.net - start) / width)]!, row);
  }

  // R: fixed half-R bins, the ends open.
  const r: TradeBucket[] = [];
  const rCount = (R_HIGH - R_LOW) / R_STEP;
  for (let i = 0; i <= rCount + 1; i++) {
    const from = i === 0 ? null : R_LOW + (i - 1) * R_STEP;
    const to = i === rCount + 1 ? null : R_LOW + i * R_STEP;
    r.push(bucket(String(from ?? 'below'), from, to));
  }
  for (const row of rows) {
    if (row.r === null) continue;
    const i = row.r < R_LOW ? 0 : row.r >= R_HIGH ? rCount + 1 : Math.floor((row.r - R_LOW) / R_STEP) + 1;
    add(r[i]!, row);
  }
  while (r.length && r[0]!.trades === 0) r.shift();
  while (r.length && r.at(-1)!.trades === 0) r.pop();

  const duration = DURATION_STEPS.map((from, i) => bucket(String(from), from, DURATION_STEPS[i + 1] ?? null));
  for (const row of rows) {
    let i = DURATION_STEPS.length - 1;
    while (i > 0 && row.held < DURATION_STEPS[i]!) i--;
    add(duration[i]!, row);
  }

  const setups = new Map<string, TradeBucket>();
  for (const row of rows) {
    const name = row.setup ?? '';
    let b = setups.get(name);
    if (!b) {
      b = bucket(name, null, null);
      setups.set(name, b);
    }
    add(b, row);
  }

  // Streaks in close order; a breakeven trade ends both kinds (as analytics counts them).
  const runs = new Map<string, number>();
  let longestWin = 0;
  let longestLoss = 0;
  let kind: 'win' | 'loss' | null = null;
  let length = 0;
  const close = () => {
    if (kind && length > 0) runs.set(`${kind}:${length}`, (runs.get(`${kind}:${length}`) ?? 0) + 1);
  };
  for (const row of rows) {
    const now = row.net > 0 ? 'win' : row.net < 0 ? 'loss' : null;
    if (now !== kind) {
      close();
      kind = now;
      length = 0;
    }
    if (now) {
      length++;
      if (now === 'win') longestWin = Math.max(longestWin, length);
      else longestLoss = Math.max(longestLoss, length);
    }
  }
  close();
  const streaks = [...runs.entries()]
    .map(([k, count]) => {
      const [which, len] = k.split(':');
      return { kind: which as 'win' | 'loss', length: Number(len), count };
    })
    .sort((a, b) => (a.kind === b.kind ? a.length - b.length : a.kind === 'win' ? -1 : 1));

  return {
    pnl,
    r,
    duration,
    setup: [...setups.values()].sort((a, b) => b.netCents - a.netCents),
    streaks,
    longestWin,
    longestLoss,
    closed: rows.length,
  };
}
