import { z } from 'zod';
import { GOAL_KINDS, GOAL_PERIODS, type GoalKind, type GoalPeriod } from './enums';
import { DaySchema, type Day } from './day';

/**
 * How a goal stands in its current period.
 * - not_started: today is before the goal's start day.
 * - on_track / at_risk: the period is running; at_risk means the pace or a limit needs attention.
 * - achieved / missed: the outcome is settled (the period is over, a target was reached, or a limit was broken).
 */
export const GOAL_STATUSES = ['not_started', 'on_track', 'at_risk', 'achieved', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** What `target` and `currentValue` are measured in, per kind. */
export type GoalUnit = 'cents' | 'count' | 'fraction';
export const GOAL_UNITS: Record<GoalKind, GoalUnit> = {
  profit_target: 'cents',
  max_daily_loss: 'cents',
  max_trades_per_day: 'count',
  win_rate: 'fraction',
};

/** A limit goal (max daily loss, max trades a day) is at risk once this share of the limit is used. */
export const GOAL_AT_RISK_FRACTION = 0.8;

export interface Goal {
  id: number;
  name: string;
  kind: GoalKind;
  period: GoalPeriod;
  /** null = all accounts together. */
  accountId: number | null;
  /** Cents for money kinds (a positive loss amount for max_daily_loss), a count, or a fraction 0..1. */
  target: number;
  startsOn: Day;
  endsOn: Day | null;
  active: boolean;
  createdAt: number;
}

export interface GoalProgress extends Goal {
  accountName: string | null;
  /**
   * The currency of the goal's money: its account's; for a goal over all accounts the most
   * common account currency, and then only accounts in it are counted (never added across currencies).
   */
  currency: string;
  unit: GoalUnit;
  /**
   * profit_target: net P&L of the period (cents); max_daily_loss: the worst day's loss (positive cents);
   * max_trades_per_day: the busiest day's trade count; win_rate: wins / closed trades (null before any trade).
   */
  currentValue: number | null;
  /**
   * Target kinds: currentValue / target (0 when negative; above 1 when exceeded).
   * Limit kinds: the share of the limit used (above 1 when broken).
   */
  progress: number;
  status: GoalStatus;
  /** The evaluated period, clipped to the goal's start and end days. */
  periodStart: Day;
  periodEnd: Day;
  /** Today in the goal's time zone (the account's, else the accounts' common zone, else UTC). */
  today: Day;
  periodComplete: boolean;
  tradeCount: number;
  tradingDays: number;
  /** One plain-words sentence about where the goal stands. */
  message: string;
}

const Id = z.number().int().positive();

const goalFields = {
  name: z.string().trim().min(1, 'must not be empty').max(100),
  kind: z.enum(GOAL_KINDS),
  period: z.enum(GOAL_PERIODS),
  accountId: Id.nullable(),
  target: z.number().finite().positive('must be greater than zero'),
  startsOn: DaySchema,
  endsOn: DaySchema.nullable(),
  active: z.boolean(),
};

/** The rules that need more than one field; the service re-checks them on a merged update. */
export function goalIssues(goal: Pick<Goal, 'kind' | 'target' | 'startsOn' | 'endsOn'>): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (goal.endsOn && goal.endsOn < goal.startsOn) issues.push({ path: 'endsOn', message: 'must be on or after startsOn' });
  if (goal.kind === 'win_rate' && goal.target > 1) {
    issues.push({ path: 'target', message: 'a win-rate target is a fraction between 0 and 1 (0.55 = 55 %)' });
  }
  if (goal.kind !== 'win_rate' && !Number.isInteger(goal.target)) {
    issues.push({
      path: 'target',
      message: goal.kind === 'max_trades_per_day' ? 'must be a whole number of trades' : 'must be whole cents',
    });
  }
  return issues;
}

export const GoalCreateSchema = z
  .object({
    ...goalFields,
    accountId: goalFields.accountId.default(null),
    endsOn: goalFields.endsOn.default(null),
    active: goalFields.active.default(true),
  })
  .strict()
  .superRefine((goal, ctx) => {
    for (const issue of goalIssues(goal)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type GoalCreate = z.output<typeof GoalCreateSchema>;

/** Fields left out stay as they are; the merged goal is checked with goalIssues. */
export const GoalPatchSchema = z.object(goalFields).partial().strict();
export type GoalPatch = z.output<typeof GoalPatchSchema>;
