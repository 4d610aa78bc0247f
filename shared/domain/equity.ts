import type { ValidationStatus, ValidationTrigger } from './enums';

/** The daily_equity figures validation compares, by column name. */
export const EQUITY_FIELDS = [
  'gross_pnl_cents',
  'fees_cents',
  'net_pnl_cents',
  'trade_count',
  'win_count',
  'ending_equity_cents',
  'peak_equity_cents',
  'drawdown_cents',
] as const;
export type EquityField = (typeof EQUITY_FIELDS)[number];

/**
 * day_missing: the trades imply a row for the day but none is stored (values are the day's net P&L).
 * day_unexpected: a row is stored for a day without closed trades (values are the stored net P&L).
 * analytics_day_facts: the analytics day facts of the day disagree with it (values are net P&L:
 * the facts' as stored, daily_equity's as expected); a rebuild recomputes them.
 */
/**
 * trade_close_day: a trade stored on another day than its close time gives; trade_net_pnl: net != gross - fees;
 * analytics_day_facts: the day's analytics aggregates disagree with its trades.
 */
export type DiscrepancyField = EquityField | 'day_missing' | 'day_unexpected' | 'trade_close_day' | 'trade_net_pnl' | 'analytics_day_facts';

export interface EquityDiscrepancy {
  accountId: number;
  accountName: string | null;
  day: string;
  field: DiscrepancyField;
  /** Cents, or a count for trade_count / win_count; null when the row is absent on that side. */
  stored: number | null;
  expected: number | null;
  /** expected - stored, with an absent side counted as 0. */
  difference: number;
}

export interface EquityValidationRun {
  id: number;
  trigger: ValidationTrigger;
  /** null = every account. */
  accountId: number | null;
  status: ValidationStatus;
  /** Account-days compared (stored and expected together). */
  daysChecked: number;
  /** Discrepancy rows (one per field that differs, one per missing or extra day). */
  discrepancyCount: number;
  /** Distinct account-days with at least one discrepancy. */
  daysWithDiscrepancies: number;
  startedAt: number;
  finishedAt: number | null;
  durationMs: number | null;
  errorMessage: string | null;
  /** The trades and first day that explain the discrepancies, before their knock-on days. */
  rootCause: string | null;
}

export interface AccountEquitySummary {
  accountId: number;
  accountName: string;
  startingBalanceCents: number;
  days: number;
  firstDay: string | null;
  lastDay: string | null;
  endingEquityCents: number;
  peakEquityCents: number;
  drawdownCents: number;
  maxDrawdownCents: number;
}

export interface EquityStatus {
  lastRun: EquityValidationRun | null;
  /** When the scheduler will validate next (null when it is not running). */
  nextRunAt: number | null;
  intervalHours: number;
  accounts: AccountEquitySummary[];
}

export interface EquityRebuildResult {
  days: number;
  durationMs: number;
  /** The validation run made right after the rebuild (trigger 'rebuild'). */
  validation: EquityValidationRun;
  /** Trades whose stored day or net was put right before the rebuild. */
  tradesRepaired: number;
}

export interface DiscrepancyPage {
  run: EquityValidationRun | null;
  rows: EquityDiscrepancy[];
  total: number;
  offset: number;
  limit: number;
}
