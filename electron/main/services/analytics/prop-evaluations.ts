import type { Sqlite } from '../db/client';
import { dayInZone, type Day } from '../../../../shared/domain/day';
import { formatCents } from '../../../../shared/domain/money';
import type { PropStatus } from '../../../../shared/domain/enums';
import type { PropAlert, PropEvaluation, PropEvaluationProgress } from '../../../../shared/domain/prop';

export const PROP_SELECT = `
  SELECT p.id, p.account_id AS accountId, p.firm, p.name, p.phase, p.status,
         p.start_balance_cents AS startBalanceCents, p.profit_target_cents AS profitTargetCents,
         p.daily_loss_limit_cents AS dailyLossLimitCents, p.max_drawdown_cents AS maxDrawdownCents,
         p.drawdown_mode AS drawdownMode, p.min_trading_days AS minTradingDays,
         p.alert_threshold AS alertThreshold, p.started_on AS startedOn, p.ended_on AS endedOn,
         p.created_at AS createdAt, a.name AS accountName, a.timezone AS timezone, a.currency AS currency
  FROM prop_evaluations p JOIN accounts a ON a.id = p.account_id`;

interface PropRow extends PropEvaluation {
  accountName: string;
  timezone: string;
  currency: string;
}

interface DayFigures {
  day: Day;
  net: number;
  trades: number;
}

const pct = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;

/** The figures of one evaluation from its account's per-day net P&L (one row per trading day). */
export function evaluateProp(row: PropRow, days: DayFigures[], today: Day): PropEvaluationProgress {
  const { timezone: _zone, currency, ...evaluation } = row;
  const money = (cents: number) => formatCents(cents, currency, 'en-US');
  const throughDay = evaluation.endedOn && evaluation.endedOn < today ? evaluation.endedOn : today;

  let equity = evaluation.startBalanceCents;
  let peak = evaluation.startBalanceCents;
  let tradingDays = 0;
  const breaches: string[] = [];
  const floorFor = (highWater: number) =>
    (evaluation.drawdownMode === 'trailing' ? highWater : evaluation.startBalanceCents) - evaluation.maxDrawdownCents;
  for (const d of days) {
    equity += d.net;
    peak = Math.max(peak, equity);
    if (d.trades > 0) tradingDays += 1;
    if (-d.net >= evaluation.dailyLossLimitCents) {
      breaches.push(`On ${d.day} the day lost ${money(-d.net)}, reaching the ${money(evaluation.dailyLossLimitCents)} daily loss limit.`);
    }
    const floor = floorFor(peak);
    if (equity <= floor) {
      breaches.push(`On ${d.day} equity closed at ${money(equity)}, at or below the ${money(floor)} drawdown floor.`);
    }
  }

  const cumulative = equity - evaluation.startBalanceCents;
  const inWindow = today >= evaluation.startedOn && today <= throughDay;
  const todayPnl = inWindow ? (days.find((d) => d.day === today)?.net ?? 0) : 0;
  const dailyUsed = Math.max(0, -todayPnl) / evaluation.dailyLossLimitCents;
  const floor = floorFor(peak);
  const drawdownUsed = Math.max(0, evaluation.maxDrawdownCents - (equity - floor)) / evaluation.maxDrawdownCents;

  const alerts: PropAlert[] = [];
  const remainingDaily = Math.max(0, evaluation.dailyLossLimitCents + todayPnl);
  if (dailyUsed >= evaluation.alertThreshold) {
    alerts.push({
      limit: 'daily_loss',
      severity: dailyUsed >= 1 ? 'breached' : 'warning',
      usedFraction: dailyUsed,
      message:
        dailyUsed >= 1
          ? `Daily loss limit reached: today lost ${money(-todayPnl)} of the ${money(evaluation.dailyLossLimitCents)} allowed. Stop trading for today.`
          : `Daily loss is close to the limit: today lost ${money(-todayPnl)}, ${pct(dailyUsed)} of the ${money(evaluation.dailyLossLimitCents)} allowed; ${money(remainingDaily)} left.`,
    });
  }
  const remainingDrawdown = Math.max(0, equity - floor);
  if (drawdownUsed >= evaluation.alertThreshold) {
    alerts.push({
      limit: 'max_drawdown',
      severity: drawdownUsed >= 1 ? 'breached' : 'warning',
      usedFraction: drawdownUsed,
      message:
        drawdownUsed >= 1
          ? `Maximum drawdown reached: equity ${money(equity)} is at or below the ${money(floor)} floor.`
          : `Drawdown is close to the limit: equity ${money(equity)} is ${money(remainingDrawdown)} above the ${money(floor)} floor (${pct(drawdownUsed)} of the ${money(evaluation.maxDrawdownCents)} allowance used).`,
    });
  }

  let computedStatus: PropStatus = 'active';
  if (breaches.length > 0) computedStatus = 'failed';
  else if (cumulative >= evaluation.profitTargetCents && tradingDays >= evaluation.minTradingDays) computedStatus = 'passed';

  return {
    ...evaluation,
    today,
    throughDay,
    cumulativeProfitCents: cumulative,
    progressPct: Math.max(0, Math.round((cumulative / evaluation.profitTargetCents) * 10_000) / 100),
    remainingProfitCents: Math.max(0, evaluation.profitTargetCents - cumulative),
    currentEquityCents: equity,
    peakEquityCents: peak,
    todayPnlCents: todayPnl,
    remainingDailyLossCents: remainingDaily,
    dailyLossUsedFraction: dailyUsed,
    drawdownFloorCents: floor,
    remainingDrawdownCents: remainingDrawdown,
    drawdownUsedFraction: drawdownUsed,
    tradingDays,
    tradingDaysRemaining: Math.max(0, evaluation.minTradingDays - tradingDays),
    computedStatus,
    breaches,
    alerts,
  };
}

/**
 * Progress of every prop evaluation at `now`, from the daily_equity pre-aggregate of its account
 * over startedOn..(endedOn or today), today taken in the account's time zone.
 */
export function computePropEvaluations(sqlite: Sqlite, options: { now: number }): PropEvaluationProgress[] {
  const rows = sqlite.prepare(`${PROP_SELECT} ORDER BY p.id`).all() as PropRow[];
  const perDay = sqlite.prepare(
    `SELECT day, net_pnl_cents AS net, trade_count AS trades FROM daily_equity
     WHERE account_id = ? AND day BETWEEN ? AND ? ORDER BY day`,
  );
  return rows.map((row) => {
    const today = dayInZone(options.now, row.timezone);
    const through = row.endedOn && row.endedOn < today ? row.endedOn : today;
    return evaluateProp(row, perDay.all(row.accountId, row.startedOn, through) as DayFigures[], today);
  });
}
