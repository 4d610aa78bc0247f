import type { Sqlite } from '../db/client';
import { dayInZone } from '../../../../shared/domain/day';
import { reachesLimit } from '../../../../shared/domain/limits';
import { evaluatePropRules, type RuleTrade } from '../../../../shared/domain/prop-engine';
import { PropRulesSchema, describePropRules, type PropRules } from '../../../../shared/domain/prop-rules';
import { sessionTradingDay } from '../../../../shared/domain/session-day';
import { createZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { formatCents } from '../../../../shared/domain/money';
import type { PropStatus } from '../../../../shared/domain/enums';
import type { PropAlert, PropEvaluation, PropEvaluationProgress } from '../../../../shared/domain/prop';

export const PROP_SELECT = `
  SELECT p.id, p.account_id AS accountId, p.firm, p.name, p.phase, p.status,
         p.start_balance_cents AS startBalanceCents, p.profit_target_cents AS profitTargetCents,
         p.daily_loss_limit_cents AS dailyLossLimitCents, p.max_drawdown_cents AS maxDrawdownCents,
         p.drawdown_mode AS drawdownMode, p.min_trading_days AS minTradingDays,
         p.alert_threshold AS alertThreshold, p.started_on AS startedOn, p.ended_on AS endedOn,
         p.created_at AS createdAt, p.rules_json AS rulesJson, a.name AS accountName, a.timezone AS timezone, a.currency AS currency
  FROM prop_evaluations p JOIN accounts a ON a.id = p.account_id`;

interface PropRow extends PropEvaluation {
  accountName: string;
  timezone: string;
  currency: string;
  rulesJson: string | null;
}

const pct = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;

/**
 * The rules an evaluation is judged by: its own rule data (rules_json), or the legacy columns
 * read as rules (static or end-of-day trailing drawdown, a fixed daily loss that fails it, the
 * account's midnight as the day boundary).
 */
export function rulesOf(row: PropRow): PropRules {
  if (row.rulesJson) return PropRulesSchema.parse(JSON.parse(row.rulesJson));
  return {
    drawdown: { kind: row.drawdownMode === 'trailing' ? 'eod_trailing' : 'static', amountCents: row.maxDrawdownCents, lock: 'none', lockAboveStartCents: 0 },
    dailyLoss: { basis: 'fixed', amountCents: row.dailyLossLimitCents, consequence: 'fail' },
    dayBoundary: { timeZone: row.timezone, startMinute: 0 },
    profitTargetCents: row.profitTargetCents,
    minTradingDays: row.minTradingDays,
    consistencyMaxBestDayPct: null,
  };
}

/**
 * The figures of one evaluation from its account's closed trades, in close order, judged
 * after every trade by the firm's rules (shared/domain/prop-engine.ts).
 */
export function evaluateProp(row: PropRow, trades: RuleTrade[], now: number): PropEvaluationProgress {
  const { timezone, currency, rulesJson: _rules, ...evaluation } = row;
  const rules = rulesOf(row);
  const money = (cents: number) => formatCents(cents, currency, 'en-US');
  const today = dayInZone(now, timezone);
  const throughDay = evaluation.endedOn && evaluation.endedOn < today ? evaluation.endedOn : today;
  const verdict = evaluatePropRules(rules, evaluation.startBalanceCents, trades, now, money);

  const sessionToday = sessionTradingDay(createZoneCalendar(rules.dayBoundary.timeZone), now, rules.dayBoundary.startMinute);
  const todayFigures = verdict.days.find((d) => d.day === sessionToday);
  const todayPnl = todayFigures?.netCents ?? 0;
  const dayStartBalance = verdict.balanceCents - todayPnl;
  const dl = rules.dailyLoss;
  const dailyLimit = !dl
    ? null
    : dl.basis === 'fixed'
      ? dl.amountCents!
      : Math.round(((dl.basis === 'pct_start' ? evaluation.startBalanceCents : dayStartBalance) * dl.pct!) / 100);
  const dailyUsed = dailyLimit === null ? 0 : Math.max(0, -todayPnl) / dailyLimit;
  const remainingDaily = dailyLimit === null ? 0 : Math.max(0, dailyLimit + todayPnl);
  const allowance = rules.drawdown.amountCents;
  const floor = verdict.floorCents;
  const equity = verdict.balanceCents;
  const drawdownUsed = Math.max(0, allowance - (equity - floor)) / allowance;
  const remainingDrawdown = Math.max(0, equity - floor);

  const alerts: PropAlert[] = [];
  if (dailyLimit !== null && dailyUsed >= evaluation.alertThreshold) {
    alerts.push({
      limit: 'daily_loss',
      severity: reachesLimit(-todayPnl, dailyLimit) ? 'breached' : 'warning',
      usedFraction: dailyUsed,
      message: reachesLimit(-todayPnl, dailyLimit)
        ? `Daily loss limit reached: today lost ${money(-todayPnl)} of the ${money(dailyLimit)} allowed. Stop trading for today.`
        : `Daily loss is close to the limit: today lost ${money(-todayPnl)}, ${pct(dailyUsed)} of the ${money(dailyLimit)} allowed; ${money(remainingDaily)} left.`,
    });
  }
  if (drawdownUsed >= evaluation.alertThreshold) {
    alerts.push({
      limit: 'max_drawdown',
      severity: drawdownUsed >= 1 ? 'breached' : 'warning',
      usedFraction: drawdownUsed,
      message:
        drawdownUsed >= 1
          ? `Maximum drawdown reached: equity ${money(equity)} is at or below the ${money(floor)} floor.`
          : `Drawdown is close to the limit: equity ${money(equity)} is ${money(remainingDrawdown)} above the ${money(floor)} floor (${pct(drawdownUsed)} of the ${money(allowance)} allowance used).`,
    });
  }
  const target = rules.profitTargetCents ?? evaluation.profitTargetCents;
  const cumulative = verdict.totalProfitCents;
  const computedStatus: PropStatus = verdict.status;

  return {
    ...evaluation,
    rules,
    ruleWords: describePropRules(rules, evaluation.startBalanceCents, currency),
    today,
    throughDay,
    cumulativeProfitCents: cumulative,
    progressPct: Math.max(0, Math.round((cumulative / target) * 10_000) / 100),
    remainingProfitCents: Math.max(0, target - cumulative),
    currentEquityCents: equity,
    peakEquityCents: verdict.highWaterCents,
    todayPnlCents: todayPnl,
    remainingDailyLossCents: remainingDaily,
    dailyLossUsedFraction: dailyUsed,
    drawdownFloorCents: floor,
    remainingDrawdownCents: remainingDrawdown,
    drawdownUsedFraction: drawdownUsed,
    tradingDays: verdict.tradingDays,
    tradingDaysRemaining: Math.max(0, rules.minTradingDays - verdict.tradingDays),
    computedStatus,
    breaches: verdict.breaches.map((b) => b.message),
    alerts,
  };
}

/**
 * Progress of every prop evaluation at `now`, from its account's closed trades on trading days
 * startedOn..(endedOn or today) in the account's zone, each judged trade by trade.
 */
export function computePropEvaluations(sqlite: Sqlite, options: { now: number }): PropEvaluationProgress[] {
  const rows = sqlite.prepare(`${PROP_SELECT} ORDER BY p.id`).all() as PropRow[];
  const trades = sqlite.prepare(
    `SELECT closed_at AS closedAt, net_pnl_cents AS netCents FROM trades
     WHERE account_id = ? AND status = 'closed' AND close_day BETWEEN ? AND ? ORDER BY closed_at, id`,
  );
  return rows.map((row) => {
    const today = dayInZone(options.now, row.timezone);
    const through = row.endedOn && row.endedOn < today ? row.endedOn : today;
    return evaluateProp(row, trades.all(row.accountId, row.startedOn, through) as RuleTrade[], options.now);
  });
}
