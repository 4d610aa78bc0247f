import { z } from 'zod';
import { DRAWDOWN_MODES, PROP_PHASES, PROP_STATUSES, type DrawdownMode, type PropPhase, type PropStatus } from './enums';
import { DaySchema, type Day } from './day';
import { PropRulesSchema, type PropRules } from './prop-rules';

export interface PropEvaluation {
  id: number;
  accountId: number;
  firm: string;
  name: string;
  phase: PropPhase;
  /** What the user recorded (the firm's verdict). */
  status: PropStatus;
  startBalanceCents: number;
  profitTargetCents: number;
  dailyLossLimitCents: number;
  maxDrawdownCents: number;
  drawdownMode: DrawdownMode;
  minTradingDays: number;
  /** Alert once this fraction of a limit is used (0.8 = 80 %). */
  alertThreshold: number;
  startedOn: Day;
  endedOn: Day | null;
  createdAt: number;
}

export type PropLimit = 'daily_loss' | 'max_drawdown';

export interface PropAlert {
  limit: PropLimit;
  /** warning: the alert threshold is reached; breached: the whole limit is used. */
  severity: 'warning' | 'breached';
  usedFraction: number;
  message: string;
}

/**
 * Where an evaluation stands, from the account's closed trades on days startedOn..(endedOn or today).
 * Equity is realized (closed trades only). Daily loss is measured against the day's starting
 * equity, so a profit earlier in the day adds room. The drawdown floor is startBalance - maxDrawdown
 * (static) or peakEquity - maxDrawdown (trailing, peak of end-of-day equity, starting at startBalance).
 */
export interface PropEvaluationProgress extends PropEvaluation {
  accountName: string;
  /** The rules it is judged by (its own, or the legacy fields read as rules) and each in plain words. */
  rules: PropRules;
  ruleWords: string[];
  /** Today in the account's time zone. */
  today: Day;
  /** The last day counted: endedOn when it is before today, else today. */
  throughDay: Day;
  cumulativeProfitCents: number;
  /** cumulativeProfit / profitTarget x 100, never below 0, rounded to 0.01. */
  progressPct: number;
  remainingProfitCents: number;
  currentEquityCents: number;
  peakEquityCents: number;
  /** Net P&L of today (0 when today is outside the evaluation). */
  todayPnlCents: number;
  /** dailyLossLimit + today's P&L, never below 0. */
  remainingDailyLossCents: number;
  dailyLossUsedFraction: number;
  drawdownFloorCents: number;
  /** currentEquity - floor, never below 0. */
  remainingDrawdownCents: number;
  drawdownUsedFraction: number;
  tradingDays: number;
  tradingDaysRemaining: number;
  /** What the rules say: failed when a limit was ever broken, passed when the target and minimum days are met. */
  computedStatus: PropStatus;
  /** Plain words for each broken rule (empty when none). */
  breaches: string[];
  alerts: PropAlert[];
}

const Id = z.number().int().positive();
const PositiveCents = z.number().int('must be whole cents').positive('must be greater than zero').max(Number.MAX_SAFE_INTEGER);

const propFields = {
  accountId: Id,
  firm: z.string().trim().min(1, 'must not be empty').max(100),
  name: z.string().trim().min(1, 'must not be empty').max(100),
  phase: z.enum(PROP_PHASES),
  status: z.enum(PROP_STATUSES),
  startBalanceCents: PositiveCents,
  profitTargetCents: PositiveCents,
  dailyLossLimitCents: PositiveCents,
  maxDrawdownCents: PositiveCents,
  drawdownMode: z.enum(DRAWDOWN_MODES),
  minTradingDays: z.number().int().min(0).max(3650),
  alertThreshold: z.number().min(0.05, 'must be at least 0.05 (5 %)').max(1, 'must be at most 1 (100 %)'),
  startedOn: DaySchema,
  endedOn: DaySchema.nullable(),
  /** The firm's rules as data (a template's, edited); null = judged by the fields above. */
  rules: PropRulesSchema.nullable(),
};

/** The rules that need more than one field; the service re-checks them on a merged update. */
export function propEvaluationIssues(
  evaluation: Pick<PropEvaluation, 'startedOn' | 'endedOn' | 'maxDrawdownCents' | 'startBalanceCents'>,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (evaluation.endedOn && evaluation.endedOn < evaluation.startedOn) {
    issues.push({ path: 'endedOn', message: 'must be on or after startedOn' });
  }
  if (evaluation.maxDrawdownCents >= evaluation.startBalanceCents) {
    issues.push({ path: 'maxDrawdownCents', message: 'must be smaller than the start balance' });
  }
  return issues;
}

export const PropEvaluationCreateSchema = z
  .object({
    ...propFields,
    status: propFields.status.default('active'),
    minTradingDays: propFields.minTradingDays.default(0),
    alertThreshold: propFields.alertThreshold.default(0.8),
    endedOn: propFields.endedOn.default(null),
    rules: propFields.rules.default(null),
  })
  .strict()
  .superRefine((evaluation, ctx) => {
    for (const issue of propEvaluationIssues(evaluation)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  });
export type PropEvaluationCreate = z.output<typeof PropEvaluationCreateSchema>;

export const PropEvaluationPatchSchema = z.object(propFields).partial().strict();
export type PropEvaluationPatch = z.output<typeof PropEvaluationPatchSchema>;
