// Closed sets shared by the schema, the IPC contract and the UI.
export const ASSET_CLASSES = ['stock', 'future', 'fx', 'option', 'crypto', 'cfd'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

export const DIRECTIONS = ['long', 'short'] as const;
export type Direction = (typeof DIRECTIONS)[number];

// 'needs_rate': closed, but its P&L is in a currency the journal has no rate for yet, so it
// stays out of every money total (all of them sum status = 'closed') until it gets one.
export const TRADE_STATUSES = ['open', 'closed', 'needs_rate'] as const;
export type TradeStatus = (typeof TRADE_STATUSES)[number];

export const GOAL_KINDS = [
  'profit_target',
  'max_daily_loss',
  'max_trades_per_day',
  'win_rate',
] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const GOAL_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type GoalPeriod = (typeof GOAL_PERIODS)[number];

export const PROP_PHASES = ['phase1', 'phase2', 'funded'] as const;
export type PropPhase = (typeof PROP_PHASES)[number];

export const PROP_STATUSES = ['active', 'passed', 'failed'] as const;
export type PropStatus = (typeof PROP_STATUSES)[number];

export const DRAWDOWN_MODES = ['static', 'trailing'] as const;
export type DrawdownMode = (typeof DRAWDOWN_MODES)[number];

export const EXPORT_TYPES = ['trades', 'goals', 'dailyPnl', 'tagPerformance', 'propEvaluation', 'dailyNotes'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

export const EXPORT_FORMATS = ['csv', 'json', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number];

export const ERROR_CLASSES = ['validation', 'terminal', 'transient', 'cancelled'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export const VALIDATION_STATUSES = ['running', 'ok', 'discrepancies', 'error'] as const;
export type ValidationStatus = (typeof VALIDATION_STATUSES)[number];

export const VALIDATION_TRIGGERS = ['manual', 'scheduled', 'startup', 'rebuild', 'restore'] as const;
export type ValidationTrigger = (typeof VALIDATION_TRIGGERS)[number];

export const IMPORT_BATCH_STATUSES = ['committed', 'undone'] as const;
export type ImportBatchStatus = (typeof IMPORT_BATCH_STATUSES)[number];
