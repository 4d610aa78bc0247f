import type { Sqlite } from '../db/client';
import { dayInZone, type Day } from '../../../../shared/domain/day';
import type { GoalKind, GoalPeriod } from '../../../../shared/domain/enums';
import {
  GOAL_AT_RISK_FRACTION,
  GOAL_UNITS,
  type Goal,
  type GoalProgress,
  type GoalStatus,
} from '../../../../shared/domain/goals';
import { daysInclusive, maxDay, minDay, periodContaining } from './period';
import { journalTimeZone } from './time-zone';
import { formatCents } from '../../../../shared/domain/money';
import { reachesLimit } from '../../../../shared/domain/limits';

interface GoalRow extends Omit<Goal, 'active'> {
  active: number;
  accountName: string | null;
  timezone: string | null;
  currency: string | null;
}

export const GOAL_SELECT = `
  SELECT g.id, g.name, g.kind, g.period, g.account_id AS accountId, g.target, g.starts_on AS startsOn,
         g.ends_on AS endsOn, g.active, g.created_at AS createdAt,
         a.name AS accountName, a.timezone AS timezone, a.currency AS currency
  FROM goals g LEFT JOIN accounts a ON a.id = g.account_id`;

interface DayFigures {
  day: Day;
  net: number;
  trades: number;
  wins: number;
}

interface Measured {
  currentValue: number | null;
  progress: number;
  status: Exclude<GoalStatus, 'not_started'>;
  message: string;
}

const pct = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;

/**
 * Measures one goal over the days of its period so far. Limit kinds are settled as missed the
 * moment a day breaks the limit; target kinds are settled when reached or when the period ends.
 */
function measure(
  kind: GoalKind,
  target: number,
  days: DayFigures[],
  elapsed: { done: number; total: number; complete: boolean },
  money: (cents: number) => string,
): Measured {
  const trades = days.reduce((n, d) => n + d.trades, 0);
  switch (kind) {
    case 'profit_target': {
      const net = days.reduce((n, d) => n + d.net, 0);
      const progress = Math.max(0, net / target);
      if (net >= target) return { currentValue: net, progress, status: 'achieved', message: `Target of ${money(target)} reached with ${money(net)}.` };
      if (elapsed.complete) return { currentValue: net, progress, status: 'missed', message: `Ended at ${money(net)} of the ${money(target)} target.` };
      // On track while no more than one day behind a straight-line pace to the target.
      const pace = (target * (elapsed.done - 1)) / elapsed.total;
      const status = net >= pace ? 'on_track' : 'at_risk';
      return {
        currentValue: net,
        progress,
        status,
        message: `${money(net)} of ${money(target)} (${pct(progress)}) with ${elapsed.total - elapsed.done} day(s) left${status === 'at_risk' ? ', behind pace' : ''}.`,
      };
    }
    case 'max_daily_loss': {
      const worst = days.reduce((w, d) => Math.max(w, -d.net), 0);
      const progress = worst / target;
      // A day losing exactly the limit breaks it, as a prop evaluation's daily loss does (limits.ts).
      if (worst > 0 && reachesLimit(worst, target)) return { currentValue: worst, progress, status: 'missed', message: `A day lost ${money(worst)}, reaching the ${money(target)} limit.` };
      if (elapsed.complete) return { currentValue: worst, progress, status: 'achieved', message: `No day lost more than ${money(target)}; the worst lost ${money(worst)}.` };
      const status = progress >= GOAL_AT_RISK_FRACTION ? 'at_risk' : 'on_track';
      return {
        currentValue: worst,
        progress,
        status,
        message: worst === 0 ? `No losing day yet; the limit is ${money(target)}.` : `Worst day lost ${money(worst)}, ${pct(progress)} of the ${money(target)} limit.`,
      };
    }
    case 'max_trades_per_day': {
      const busiest = days.reduce((w, d) => Math.max(w, d.trades), 0);
      const progress = busiest / target;
      if (busiest > target) return { currentValue: busiest, progress, status: 'missed', message: `A day had ${busiest} trades, more than the limit of ${target}.` };
      if (elapsed.complete) return { currentValue: busiest, progress, status: 'achieved', message: `Every day stayed within ${target} trades; the busiest had ${busiest}.` };
      const status = progress >= GOAL_AT_RISK_FRACTION ? 'at_risk' : 'on_track';
      return { currentValue: busiest, progress, status, message: `Busiest day so far: ${busiest} of ${target} trades allowed.` };
    }
    case 'win_rate': {
      const wins = days.reduce((n, d) => n + d.wins, 0);
      const rate = trades === 0 ? null : wins / trades;
      const progress = rate === null ? 0 : rate / target;
      if (elapsed.complete) {
        const reached = rate !== null && rate >= target;
        return {
          currentValue: rate,
          progress,
          status: reached ? 'achieved' : 'missed',
          message: rate === null ? 'The period ended without a closed trade.' : `Ended at ${pct(rate)} wins against a ${pct(target)} target (${trades} trades).`,
        };
      }
      if (rate === null) return { currentValue: null, progress, status: 'on_track', message: `No closed trade yet; the target is ${pct(target)} wins.` };
      const status = rate >= target ? 'on_track' : 'at_risk';
      return { currentValue: rate, progress, status, message: `${pct(rate)} wins over ${trades} trades against a ${pct(target)} target.` };
    }
  }
}

/**
 * Progress of every goal (active or not) at `now`: the period containing today in the goal's
 * zone, clipped to the goal's start and end days; a goal that has ended is judged on its last
 * period. Reads the daily_equity pre-aggregate, so it costs one small range query per goal.
 */
export function computeGoalProgress(sqlite: Sqlite, options: { now: number }): GoalProgress[] {
  const rows = sqlite.prepare(`${GOAL_SELECT} ORDER BY g.active DESC, g.id`).all() as GoalRow[];
  if (rows.length === 0) return [];
  const perDay = sqlite.prepare(
    `SELECT day, SUM(net_pnl_cents) AS net, SUM(trade_count) AS trades, SUM(win_count) AS wins
     FROM daily_equity
     WHERE (?1 IS NULL OR account_id = ?1) AND day BETWEEN ?2 AND ?3
       AND (?4 IS NULL OR account_id IN (SELECT id FROM accounts WHERE currency = ?4))
     GROUP BY day ORDER BY day`,
  );
  const otherCurrencies = sqlite.prepare('SELECT DISTINCT currency FROM accounts WHERE currency <> ? ORDER BY currency').pluck();
  const commonZone = journalTimeZone(sqlite);
  const commonCurrency =
    (sqlite.prepare('SELECT currency FROM accounts GROUP BY currency ORDER BY COUNT(*) DESC LIMIT 1').get() as { currency: string } | undefined)
      ?.currency ?? 'USD';

  return rows.map((row): GoalProgress => {
    const { timezone, currency, active, ...goal } = row;
    const today = dayInZone(options.now, timezone ?? commonZone);
    const money = (cents: number) => formatCents(cents, currency ?? commonCurrency, 'en-US');
    const base = { ...goal, active: active === 1, unit: GOAL_UNITS[goal.kind], today, currency: currency ?? commonCurrency };
    if (today < goal.startsOn) {
      const first = clip(periodContaining(goal.period as GoalPeriod, goal.startsOn), goal);
      return {
        ...base,
        currentValue: goal.kind === 'win_rate' ? null : 0,
        progress: 0,
        status: 'not_started',
        periodStart: first.start,
        periodEnd: first.end,
        periodComplete: false,
        tradeCount: 0,
        tradingDays: 0,
        message: `Starts on ${goal.startsOn}.`,
      };
    }
    const asOf = goal.endsOn && goal.endsOn < today ? goal.endsOn : today;
    const period = clip(periodContaining(goal.period, asOf), goal);
    const complete = period.end < today;
    // A money goal over all accounts counts the accounts of its currency only: amounts in
    // different currencies are never added (counts and win rates take every account).
    const moneyKind = goal.kind === 'profit_target' || goal.kind === 'max_daily_loss';
    const goalCurrency = currency ?? commonCurrency;
    const onlyCurrency = goal.accountId === null && moneyKind ? goalCurrency : null;
    const days = perDay.all({ 1: goal.accountId, 2: period.start, 3: period.end, 4: onlyCurrency }) as DayFigures[];
    const left = onlyCurrency ? (otherCurrencies.all(onlyCurrency) as string[]) : [];
    const through = complete ? period.end : minDay(today, period.end);
    const measured = measure(
      goal.kind,
      goal.target,
      days,
      { done: daysInclusive(period.start, through), total: daysInclusive(period.start, period.end), complete },
      money,
    );
    if (left.length > 0) measured.message += ` Counts the ${goalCurrency} accounts only; ${left.join(', ')} accounts are not added in.`;
    return {
      ...base,
      ...measured,
      currency: goalCurrency,
      periodStart: period.start,
      periodEnd: period.end,
      periodComplete: complete,
      tradeCount: days.reduce((n, d) => n + d.trades, 0),
      tradingDays: days.filter((d) => d.trades > 0).length,
    };
  });
}

function clip(period: { start: Day; end: Day }, goal: { startsOn: Day; endsOn: Day | null }): { start: Day; end: Day } {
  return {
    start: maxDay(period.start, goal.startsOn),
    end: goal.endsOn ? minDay(period.end, goal.endsOn) : period.end,
  };
}
