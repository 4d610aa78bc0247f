import { createZoneCalendar, type ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { createRng, type Rng } from './prng';
import { DEMO_ACCOUNTS, DEMO_EVALUATION, DEMO_INSTRUMENTS, type DemoAccount } from './catalog';
import { createDemoTagSet, type DemoTagSet } from './demo-tags';
import { createPricePaths } from './price-paths';
import { createTrader, isWeekend, type DemoTrade, type Trader } from './trader';

const DAY_MS = 86_400_000;
/** About three years of history behind `now`. */
export const DEMO_HISTORY_DAYS = 3 * 365;

export interface DemoJournalShape {
  /** The regular accounts followed by the evaluation account (always last). */
  accounts: readonly DemoAccount[];
  evaluationIndex: number;
  tags: DemoTagSet;
  /** Per account: first and last local day numbers of its history. */
  firstDays: readonly number[];
  lastDays: readonly number[];
  /** The evaluation's first local trading day. */
  evaluationStartDay: number;
}

export interface DemoJournalSummary {
  closed: number;
  open: number;
  evaluationTrades: number;
}

/**
 * Where the generated journal's accounts and days lie for a given `now`; the writer
 * needs it before trades arrive (accounts, tags, goal dates).
 */
export function planDemoJournal(now: number): DemoJournalShape {
  const accounts = [...DEMO_ACCOUNTS, DEMO_EVALUATION.account];
  const calendars = new Map<string, ZoneCalendar>();
  const lastDays = accounts.map(({ timeZone }) => {
    let calendar = calendars.get(timeZone);
    if (!calendar) {
      calendar = createZoneCalendar(timeZone);
      calendars.set(timeZone, calendar);
    }
    // History ends with the last full weekday before today in the account's zone.
    let day = calendar.dayNumberOf(now) - 1;
    while (isWeekend(day)) day--;
    return day;
  });
  const evaluationIndex = accounts.length - 1;
  const evaluationLast = lastDays[evaluationIndex] ?? 0;
  let evaluationStartDay = evaluationLast;
  for (let counted = 1; counted < DEMO_EVALUATION.tradingDays; ) {
    evaluationStartDay--;
    if (!isWeekend(evaluationStartDay)) counted++;
  }
  return {
    accounts,
    evaluationIndex,
    tags: createDemoTagSet(),
    firstDays: accounts.map((_, i) => (i === evaluationIndex ? evaluationStartDay : (lastDays[i] ?? 0) - DEMO_HISTORY_DAYS)),
    lastDays,
    evaluationStartDay,
  };
}

/** Splits `total` by weights into integers that add up to exactly `total` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const index = order[k]?.i ?? 0;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/**
 * Trades per local day for one account: weekends and random days off get none; the
 * rest get a log-normal share of activity, rounded so the days add up to `quota`.
 */
function dailyCounts(quota: number, firstDay: number, lastDay: number, rng: Rng): Int32Array {
  const days = lastDay - firstDay + 1;
  const weights = new Float64Array(days);
  let total = 0;
  for (let d = 0; d < days; d++) {
    const off = isWeekend(firstDay + d) || rng.chance(0.07);
    weights[d] = off ? 0 : Math.exp(0.55 * rng.normal());
    total += weights[d] ?? 0;
  }
  const counts = new Int32Array(days);
  let running = 0;
  let assigned = 0;
  for (let d = 0; d < days; d++) {
    running += weights[d] ?? 0;
    const upTo = d === days - 1 ? quota : Math.floor((quota * running) / total);
    counts[d] = upTo - assigned;
    assigned = upTo;
  }
  return counts;
}

/**
 * The prop evaluation's trades: a trader who stops for the day after a bad morning,
 * stops altogether when near the drawdown or the target, and keeps every single trade
 * small, so the evaluation is provably still active (no limit broken, target not hit).
 */
function evaluationTrades(trader: Trader, shape: DemoJournalShape, budget: number, rng: Rng): DemoTrade[] {
  const trades: DemoTrade[] = [];
  const rules = DEMO_EVALUATION;
  let equity = 0;
  let peak = 0;
  const last = shape.lastDays[shape.evaluationIndex] ?? 0;
  for (let day = shape.evaluationStartDay; day <= last && trades.length < budget; day++) {
    if (isWeekend(day)) continue;
    trader.startDay();
    const count = Math.min(budget - trades.length, 1 + rng.int(rules.maxTradesPerDay));
    let dayNet = 0;
    let halted = false;
    for (const { openedAt, sessionEnd } of trader.planOpenings(day, count)) {
      const trade = trader.trade(day, openedAt, sessionEnd, false);
      trades.push(trade);
      equity += trade.netPnlCents;
      dayNet += trade.netPnlCents;
      peak = Math.max(peak, equity);
      if (peak - equity >= rules.maxDrawdownCents * 0.5 || equity >= rules.profitTargetCents * 0.7) halted = true;
      if (halted || dayNet <= -rules.dailyLossLimitCents * 0.45) break;
    }
    if (halted) break;
  }
  return trades;
}

/**
 * Generates the whole demo journal deterministically from `seed` and `now`, handing
 * trades to `write` in batches ordered by open time, so ids follow time.
 */
export function generateDemoJournal(
  options: { trades: number; seed: number; now: number },
  shape: DemoJournalShape,
  write: (batch: readonly DemoTrade[]) => void,
): DemoJournalSummary {
  const rng = createRng(options.seed);
  const firstDay = Math.min(...shape.firstDays);
  const lastDay = Math.max(...shape.lastDays);
  const price = createPricePaths(DEMO_INSTRUMENTS, firstDay, lastDay - firstDay + 1, rng.fork(300));
  const calendars = new Map<string, ZoneCalendar>();
  const traders = shape.accounts.map((account, accountIndex) => {
    let calendar = calendars.get(account.timeZone);
    if (!calendar) {
      calendar = createZoneCalendar(account.timeZone);
      calendars.set(account.timeZone, calendar);
    }
    const isEvaluation = accountIndex === shape.evaluationIndex;
    return createTrader({
      rng: rng.fork(100 + accountIndex),
      accountIndex,
      account,
      calendar,
      instruments: DEMO_INSTRUMENTS,
      price,
      tags: shape.tags,
      lastDay: shape.lastDays[accountIndex] ?? 0,
      ...(isEvaluation ? { limits: { maxLossR: 2, maxWinR: 6, maxRiskFactor: 1.3, allowOversize: false } } : {}),
    });
  });

  const evaluationTrader = traders[shape.evaluationIndex] as Trader;
  const evaluationBudget = Math.min(Math.floor(options.trades * 0.02), DEMO_EVALUATION.tradingDays * DEMO_EVALUATION.maxTradesPerDay);
  const pending: DemoTrade[] = evaluationTrades(evaluationTrader, shape, evaluationBudget, rng.fork(400));
  const evaluationCount = pending.length;

  const regular = traders.filter((_, i) => i !== shape.evaluationIndex);
  const openCount = Math.min(regular.length, Math.floor(options.trades / 50));
  const quotas = apportion(options.trades - evaluationCount - openCount, regular.map((t) => t.account.weight));
  const counts = regular.map((trader, i) =>
    dailyCounts(quotas[i] ?? 0, shape.firstDays[trader.accountIndex] ?? 0, shape.lastDays[trader.accountIndex] ?? 0, rng.fork(200 + i)),
  );

  const flush = (cutoff: number) => {
    const ready: DemoTrade[] = [];
    let keep = 0;
    for (const trade of pending) {
      if (trade.openedAt < cutoff) ready.push(trade);
      else pending[keep++] = trade;
    }
    pending.length = keep;
    if (ready.length === 0) return;
    // Stable sort: equal open times keep their generation order.
    ready.sort((a, b) => a.openedAt - b.openedAt);
    write(ready);
  };

  let closed = evaluationCount;
  for (let day = firstDay; day <= lastDay; day++) {
    for (let i = 0; i < regular.length; i++) {
      const trader = regular[i] as Trader;
      const accountFirst = shape.firstDays[trader.accountIndex] ?? 0;
      const count = day >= accountFirst ? (counts[i]?.[day - accountFirst] ?? 0) : 0;
      if (count === 0) continue;
      trader.startDay();
      for (const { openedAt, sessionEnd } of trader.planOpenings(day, count)) {
        pending.push(trader.trade(day, openedAt, sessionEnd, false));
      }
      closed += count;
    }
    // Local day `day + 1` opens no earlier than UTC day `day` (zones lie within UTC±14h
    // and sessions start after 07:00), so everything opened before it is final.
    flush(day * DAY_MS);
  }

  for (let i = 0; i < openCount; i++) {
    const trader = regular[i] as Trader;
    const day = shape.lastDays[trader.accountIndex] ?? 0;
    const [opening] = trader.planOpenings(day, 1);
    if (opening) pending.push(trader.trade(day, opening.openedAt, opening.sessionEnd, true));
  }
  flush(Number.POSITIVE_INFINITY);
  return { closed, open: openCount, evaluationTrades: evaluationCount };
}
