import { reachesLimit } from './limits';
import type { PropRules } from './prop-rules';
import { sessionTradingDay } from './session-day';
import { createZoneCalendar } from './zone-calendar';

/** A closed trade as the rules see it: when it closed and its net P&L in the account's currency. */
export interface RuleTrade {
  closedAt: number;
  netCents: number;
}

export interface RuleBreach {
  rule: 'drawdown' | 'daily_loss';
  day: string;
  /** Close time of the trade that broke it. */
  at: number;
  /** True: the evaluation fails; false: only that trading day is over (a soft breach). */
  fails: boolean;
  message: string;
}

export interface PropVerdict {
  status: 'active' | 'passed' | 'failed';
  breaches: RuleBreach[];
  balanceCents: number;
  /** Highest balance the trailing rule has counted (end-of-day or after any trade, per the rule). */
  highWaterCents: number;
  floorCents: number;
  /** The trailing floor has reached its lock and will not rise further. */
  floorLocked: boolean;
  totalProfitCents: number;
  tradingDays: number;
  days: { day: string; netCents: number; lowCents: number }[];
  bestDay: { day: string; netCents: number } | null;
  targetMet: boolean;
  /** null without a consistency rule; else whether the best day is within the allowed share. */
  consistencyMet: boolean | null;
  /** What is still missing to pass, in plain words (empty once passed or failed). */
  missing: string[];
}

/**
 * Applies a firm's rules to the account's closed trades in close-time order, after every
 * trade: the daily loss on the day's running realized P&L, the drawdown floor (static,
 * end-of-day trailing moved after each completed day, or intraday trailing moved after each
 * trade; a lock caps it), then target, minimum days and consistency. Reaching a limit breaks
 * it (limits.ts). `asOf` decides whether the last trading day is over (its close moves an
 * end-of-day floor).
 */
export function evaluatePropRules(
  rules: PropRules,
  startBalanceCents: number,
  trades: readonly RuleTrade[],
  asOf: number,
  money: (cents: number) => string = (c) => (c / 100).toFixed(2),
): PropVerdict {
  const calendar = createZoneCalendar(rules.dayBoundary.timeZone);
  const dayOf = (ms: number) => sessionTradingDay(calendar, ms, rules.dayBoundary.startMinute);
  const dd = rules.drawdown;
  const lock = dd.lock === 'start' ? startBalanceCents : dd.lock === 'start_plus' ? startBalanceCents + dd.lockAboveStartCents : Number.POSITIVE_INFINITY;
  const floorOf = (high: number) => (dd.kind === 'static' ? startBalanceCents - dd.amountCents : Math.min(high - dd.amountCents, lock));

  let balance = startBalanceCents;
  let high = startBalanceCents;
  let floor = floorOf(high);
  let day: string | null = null;
  let dayStart = startBalanceCents;
  let dayNet = 0;
  let dayLow = 0;
  let lockedOutDay: string | null = null;
  let failed = false;
  const breaches: RuleBreach[] = [];
  const days: PropVerdict['days'] = [];
  const closeDay = () => {
    if (day === null) return;
    days.push({ day, netCents: dayNet, lowCents: dayLow });
    if (dd.kind === 'eod_trailing') {
      high = Math.max(high, balance);
      floor = floorOf(high);
    }
  };
  const m = money;

  for (const trade of trades) {
    if (failed) break;
    const tradeDay = dayOf(trade.closedAt);
    if (tradeDay !== day) {
      closeDay();
      day = tradeDay;
      dayStart = balance;
      dayNet = 0;
      dayLow = 0;
    }
    balance += trade.netCents;
    dayNet += trade.netCents;
    dayLow = Math.min(dayLow, dayNet);

    const dl = rules.dailyLoss;
    if (dl && lockedOutDay !== day) {
      const limit =
        dl.basis === 'fixed' ? dl.amountCents! : dl.basis === 'pct_start' ? Math.round((startBalanceCents * dl.pct!) / 100) : Math.round((dayStart * dl.pct!) / 100);
      if (reachesLimit(-dayNet, limit)) {
        const fails = dl.consequence === 'fail';
        breaches.push({
          rule: 'daily_loss',
          day,
          at: trade.closedAt,
          fails,
          message: `On ${day} the running loss reached ${m(-dayNet)} against the ${m(limit)} daily limit${fails ? '' : ': trading ends for that day'}.`,
        });
        if (fails) failed = true;
        else lockedOutDay = day;
      }
    }
    if (dd.kind === 'intraday_trailing') {
      high = Math.max(high, balance);
      floor = floorOf(high);
    }
    // Drawdown used = (floor + allowance) - balance; reaching the allowance breaks it.
    if (!failed && reachesLimit(floor + dd.amountCents - balance, dd.amountCents)) {
      breaches.push({ rule: 'drawdown', day, at: trade.closedAt, fails: true, message: `On ${day} the balance fell to ${m(balance)}, at or below the ${m(floor)} floor.` });
      failed = true;
    }
  }
  if (day !== null && (failed || dayOf(asOf) > day)) closeDay();
  else if (day !== null) days.push({ day, netCents: dayNet, lowCents: dayLow });

  const total = balance - startBalanceCents;
  const bestDay = days.reduce<PropVerdict['bestDay']>((best, d) => (best === null || d.netCents > best.netCents ? { day: d.day, netCents: d.netCents } : best), null);
  const targetMet = rules.profitTargetCents !== null && total >= rules.profitTargetCents;
  const consistencyMet =
    rules.consistencyMaxBestDayPct === null ? null : total > 0 && bestDay !== null && bestDay.netCents * 100 <= rules.consistencyMaxBestDayPct * total;
  const missing: string[] = [];
  if (!failed) {
    if (rules.profitTargetCents !== null && !targetMet) missing.push(`${m(rules.profitTargetCents - total)} more profit`);
    if (days.length < rules.minTradingDays) missing.push(`${rules.minTradingDays - days.length} more trading day(s)`);
    if (consistencyMet === false) missing.push(`the best day (${m(bestDay?.netCents ?? 0)}) must be at most ${rules.consistencyMaxBestDayPct} % of the total profit`);
  }
  const passed = !failed && rules.profitTargetCents !== null && missing.length === 0;
  return {
    status: failed ? 'failed' : passed ? 'passed' : 'active',
    breaches,
    balanceCents: balance,
    highWaterCents: high,
    floorCents: floor,
    floorLocked: dd.kind !== 'static' && floor === lock,
    totalProfitCents: total,
    tradingDays: days.length,
    days,
    bestDay,
    targetMet,
    consistencyMet,
    missing,
  };
}
