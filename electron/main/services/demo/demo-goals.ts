import type { Sqlite } from '../db/client';
import { dayNumberToDay } from '../../../../shared/domain/zone-calendar';
import type { GoalKind, GoalPeriod } from '../../../../shared/domain/enums';

const DAY_MS = 86_400_000;

interface DemoGoal {
  /** Index into the demo accounts, or null for a goal over all accounts. */
  account: number | null;
  name: string;
  kind: GoalKind;
  period: GoalPeriod;
  target: number;
  /** Days after the account's first day that the goal starts / ends (null = open-ended). */
  startsAfter: number;
  endsAfter: number | null;
}

const DEMO_GOALS: readonly DemoGoal[] = [
  { account: 0, name: 'Make $4,000 a month', kind: 'profit_target', period: 'month', target: 4_000_00, startsAfter: 0, endsAfter: null },
  { account: 0, name: 'Stop at a $1,500 daily loss', kind: 'max_daily_loss', period: 'day', target: 1_500_00, startsAfter: 0, endsAfter: null },
  { account: 1, name: 'At most 12 trades a day', kind: 'max_trades_per_day', period: 'day', target: 12, startsAfter: 200, endsAfter: null },
  { account: 1, name: 'At most 20 trades a day', kind: 'max_trades_per_day', period: 'day', target: 20, startsAfter: 0, endsAfter: 199 },
  { account: 2, name: 'Stop at a £400 daily loss', kind: 'max_daily_loss', period: 'day', target: 400_00, startsAfter: 0, endsAfter: null },
  { account: 3, name: '¥500,000 a quarter', kind: 'profit_target', period: 'quarter', target: 500_000_00, startsAfter: 0, endsAfter: null },
  { account: null, name: 'Win 55 % of trades', kind: 'win_rate', period: 'month', target: 0.55, startsAfter: 0, endsAfter: null },
];

/** A monthly profit target, loss and trade-count limits and a win-rate target. */
export function insertDemoGoals(sqlite: Sqlite, accountIds: readonly number[], firstDays: readonly number[]): number {
  const insert = sqlite.prepare(
    `INSERT INTO goals (account_id, name, kind, period, target, starts_on, ends_on, active, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const earliest = Math.min(...firstDays);
  for (const goal of DEMO_GOALS) {
    const base = goal.account === null ? earliest : (firstDays[goal.account] ?? earliest);
    const starts = base + goal.startsAfter;
    insert.run(
      goal.account === null ? null : (accountIds[goal.account] ?? null),
      goal.name,
      goal.kind,
      goal.period,
      goal.target,
      dayNumberToDay(starts),
      goal.endsAfter === null ? null : dayNumberToDay(base + goal.endsAfter),
      goal.endsAfter === null ? 1 : 0,
      starts * DAY_MS,
    );
  }
  return DEMO_GOALS.length;
}
