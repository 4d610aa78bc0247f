import type { Sqlite } from '../db/client';
import { dayNumberToDay, dayToDayNumber } from '../../../../shared/domain/zone-calendar';
import { DEMO_EVALUATION } from './catalog';

const DAY_MS = 86_400_000;

const insertSql = `INSERT INTO prop_evaluations (account_id, firm, name, phase, status, start_balance_cents,
  profit_target_cents, daily_loss_limit_cents, max_drawdown_cents, drawdown_mode, min_trading_days,
  alert_threshold, started_on, ended_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The running phase-1 evaluation on the evaluation account (its trades keep every rule). */
export function insertActiveEvaluation(sqlite: Sqlite, accountId: number, startDay: number): void {
  const e = DEMO_EVALUATION;
  sqlite.prepare(insertSql).run(
    accountId, e.firm, e.evaluationName, 'phase1', 'active', e.account.startingBalanceCents, e.profitTargetCents,
    e.dailyLossLimitCents, e.maxDrawdownCents, 'trailing', e.minTradingDays, 0.8, dayNumberToDay(startDay), null,
    startDay * DAY_MS,
  );
}

const roundUp = (cents: number, step: number) => Math.ceil(cents / step) * step;

/**
 * A past evaluation that the account really passed: limits are scaled to the account's
 * typical day, then the first stretch of days that reaches the target without breaking
 * a limit is recorded. Returns false when no stretch qualifies (then none is written).
 */
export function insertPassedEvaluation(sqlite: Sqlite, accountId: number, startingBalanceCents: number): boolean {
  const days = sqlite
    .prepare('SELECT day, net_pnl_cents AS net, ending_equity_cents AS ending FROM daily_equity WHERE account_id = ? ORDER BY day')
    .all(accountId) as { day: string; net: number; ending: number }[];
  if (days.length < 20) return false;
  const magnitudes = days.map((d) => Math.abs(d.net)).sort((a, b) => a - b);
  const typical = magnitudes[Math.floor(magnitudes.length / 2)] ?? 0;
  const target = roundUp(Math.max(3_000_00, typical * 5), 500_00);
  const dailyLimit = roundUp(Math.max(1_000_00, typical * 2.5), 500_00);
  const maxDrawdown = roundUp(Math.max(2_000_00, typical * 4), 500_00);
  const minDays = 5;

  for (let start = 0; start < days.length * 0.6; start++) {
    let profit = 0;
    for (let i = start; i < Math.min(days.length, start + 60); i++) {
      const net = days[i]?.net ?? 0;
      profit += net;
      if (net < -dailyLimit || profit < -maxDrawdown) break;
      if (profit >= target && i - start + 1 >= minDays) {
        const startDay = days[start]?.day ?? '';
        sqlite.prepare(insertSql).run(
          accountId, 'Northgate Prop', 'Phase 1 challenge', 'phase1', 'passed',
          start === 0 ? startingBalanceCents : (days[start - 1]?.ending ?? startingBalanceCents),
          target, dailyLimit, maxDrawdown, 'static', minDays, 0.8, startDay, days[i]?.day ?? null,
          dayToDayNumber(startDay) * DAY_MS,
        );
        return true;
      }
    }
  }
  return false;
}
