import type { ExportType } from './enums';

/**
 * How a column's values are stored and rendered. Data is always kept in its stored unit
 * (money in integer cents, times in epoch ms, days as 'YYYY-MM-DD', rates as fractions 0..1);
 * each writer renders the kind its own way (CSV text, XLSX typed cell, PDF display string).
 */
export const COLUMN_KINDS = ['text', 'list', 'integer', 'number', 'money', 'datetime', 'day', 'percent', 'boolean'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** Separates the items of a 'list' value in row data (SQLite group_concat uses it too). */
export const LIST_SEPARATOR = '\u001f';

export interface ExportColumnDef {
  key: string;
  /** Default header; the user may give an alias per export. */
  header: string;
  kind: ColumnKind;
  /** Part of the default selection when the request names no columns. */
  default: boolean;
}

const col = <K extends string>(key: K, header: string, kind: ColumnKind, isDefault = true): ExportColumnDef & { key: K } => ({
  key,
  header,
  kind,
  default: isDefault,
});

export const TRADE_EXPORT_COLUMNS = [
  col('id', 'Trade ID', 'integer'),
  col('account', 'Account', 'text'),
  col('accountId', 'Account ID', 'integer', false),
  // Default: a spreadsheet of trades in several accounts must say which currency each amount is in.
  col('currency', 'Currency', 'text'),
  col('symbol', 'Symbol', 'text'),
  col('assetClass', 'Asset class', 'text', false),
  col('direction', 'Direction', 'text'),
  col('status', 'Status', 'text'),
  col('openedAt', 'Opened (UTC)', 'datetime'),
  col('closedAt', 'Closed (UTC)', 'datetime'),
  col('closeDay', 'Trading day', 'day'),
  col('qty', 'Quantity', 'number'),
  col('entryPrice', 'Entry price', 'number'),
  col('exitPrice', 'Exit price', 'number'),
  col('stopPrice', 'Stop price', 'number', false),
  col('targetPrice', 'Target price', 'number', false),
  col('grossPnl', 'Gross P&L', 'money'),
  col('fees', 'Fees', 'money'),
  col('netPnl', 'Net P&L', 'money'),
  col('rMultiple', 'R multiple', 'number'),
  col('setup', 'Setup', 'text', false),
  col('tags', 'Tags', 'list'),
  col('notes', 'Notes', 'text'),
  col('externalId', 'External ID', 'text', false),
  // Last, so files written positionally against the older catalog still line up.
  col('plannedRisk', 'Planned risk', 'money', false),
  // What rebuilding the journal from its own export needs besides the trade itself.
  col('multiplier', 'Multiplier', 'number', false),
  col('instrumentCurrency', 'Instrument currency', 'text', false),
  col('accountTimezone', 'Account time zone', 'text', false),
  col('startingBalance', 'Account starting balance', 'money', false),
  /** The trade's executions as a JSON array ({at, side, qty, price, fees, exec, order, key}); empty when none are kept. */
  col('fills', 'Fills', 'text', false),
] as const satisfies readonly ExportColumnDef[];

export const DAILY_PNL_EXPORT_COLUMNS = [
  col('day', 'Trading day', 'day'),
  col('account', 'Account', 'text'),
  col('accountId', 'Account ID', 'integer', false),
  col('currency', 'Currency', 'text', false),
  col('tradeCount', 'Trades', 'integer'),
  col('winCount', 'Wins', 'integer'),
  col('winRate', 'Win rate', 'percent'),
  col('grossPnl', 'Gross P&L', 'money'),
  col('fees', 'Fees', 'money'),
  col('netPnl', 'Net P&L', 'money'),
  col('endingEquity', 'Ending equity', 'money'),
  col('peakEquity', 'Peak equity', 'money'),
  col('drawdown', 'Drawdown', 'money'),
] as const satisfies readonly ExportColumnDef[];

export const TAG_PERFORMANCE_EXPORT_COLUMNS = [
  col('tag', 'Tag', 'text'),
  col('tagId', 'Tag ID', 'integer', false),
  // A tag used in accounts of different currencies gets one row per currency.
  col('currency', 'Currency', 'text'),
  col('trades', 'Trades', 'integer'),
  col('wins', 'Wins', 'integer'),
  col('losses', 'Losses', 'integer'),
  col('winRate', 'Win rate', 'percent'),
  col('grossPnl', 'Gross P&L', 'money'),
  col('fees', 'Fees', 'money'),
  col('netPnl', 'Net P&L', 'money'),
  col('avgNetPnl', 'Average net P&L', 'money'),
  col('bestTrade', 'Best trade', 'money'),
  col('worstTrade', 'Worst trade', 'money'),
  col('firstDay', 'First day', 'day', false),
  col('lastDay', 'Last day', 'day', false),
] as const satisfies readonly ExportColumnDef[];

export const GOAL_EXPORT_COLUMNS = [
  col('id', 'Goal ID', 'integer', false),
  col('name', 'Goal', 'text'),
  col('account', 'Account', 'text'),
  col('kind', 'Kind', 'text'),
  col('period', 'Period', 'text'),
  col('unit', 'Unit', 'text'),
  // Target and current value are in the goal's natural unit: currency amount, trades, or a fraction.
  col('target', 'Target', 'number'),
  col('currentValue', 'Current value', 'number'),
  col('progress', 'Progress', 'percent'),
  col('status', 'Status', 'text'),
  col('periodStart', 'Period start', 'day'),
  col('periodEnd', 'Period end', 'day'),
  col('periodComplete', 'Period complete', 'boolean', false),
  col('tradeCount', 'Trades', 'integer'),
  col('tradingDays', 'Trading days', 'integer', false),
  col('startsOn', 'Starts on', 'day', false),
  col('endsOn', 'Ends on', 'day', false),
  col('active', 'Active', 'boolean', false),
  col('message', 'Summary', 'text'),
] as const satisfies readonly ExportColumnDef[];

export const PROP_EVALUATION_EXPORT_COLUMNS = [
  col('id', 'Evaluation ID', 'integer', false),
  col('name', 'Evaluation', 'text'),
  col('firm', 'Firm', 'text'),
  col('account', 'Account', 'text'),
  col('phase', 'Phase', 'text'),
  col('status', 'Recorded status', 'text'),
  col('computedStatus', 'Status by the rules', 'text'),
  col('startBalance', 'Start balance', 'money', false),
  col('profitTarget', 'Profit target', 'money'),
  col('cumulativeProfit', 'Cumulative profit', 'money'),
  col('progress', 'Progress', 'percent'),
  col('remainingProfit', 'Remaining to target', 'money', false),
  col('currentEquity', 'Current equity', 'money', false),
  col('todayPnl', 'Today P&L', 'money', false),
  col('dailyLossLimit', 'Daily loss limit', 'money', false),
  col('remainingDailyLoss', 'Remaining daily loss', 'money'),
  col('dailyLossUsed', 'Daily loss used', 'percent', false),
  col('maxDrawdown', 'Max drawdown', 'money', false),
  col('drawdownMode', 'Drawdown mode', 'text', false),
  col('drawdownFloor', 'Drawdown floor', 'money', false),
  col('remainingDrawdown', 'Remaining drawdown', 'money'),
  col('drawdownUsed', 'Drawdown used', 'percent', false),
  col('tradingDays', 'Trading days', 'integer'),
  col('minTradingDays', 'Minimum trading days', 'integer', false),
  col('startedOn', 'Started on', 'day', false),
  col('throughDay', 'Through', 'day', false),
  col('alerts', 'Alerts', 'list'),
  col('breaches', 'Breaches', 'list', false),
] as const satisfies readonly ExportColumnDef[];

export const DAILY_NOTE_EXPORT_COLUMNS = [
  col('day', 'Trading day', 'day'),
  col('account', 'Account', 'text'),
  col('accountId', 'Account ID', 'integer', false),
  col('plan', 'Plan', 'text'),
  col('review', 'Review', 'text'),
  col('tags', 'Tags', 'list'),
  col('updatedAt', 'Updated (UTC)', 'datetime', false),
] as const satisfies readonly ExportColumnDef[];

export const EXPORT_COLUMN_CATALOGS = {
  trades: TRADE_EXPORT_COLUMNS,
  dailyPnl: DAILY_PNL_EXPORT_COLUMNS,
  tagPerformance: TAG_PERFORMANCE_EXPORT_COLUMNS,
  goals: GOAL_EXPORT_COLUMNS,
  propEvaluation: PROP_EVALUATION_EXPORT_COLUMNS,
  dailyNotes: DAILY_NOTE_EXPORT_COLUMNS,
} as const satisfies Record<ExportType, readonly ExportColumnDef[]>;

export type ExportColumnKey<T extends ExportType> = (typeof EXPORT_COLUMN_CATALOGS)[T][number]['key'];

/** A column picked for one export: its catalog entry with the header actually written. */
export interface SelectedColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** The user renamed it: JSON then uses the header as the key too. */
  aliased: boolean;
}

export interface ColumnChoice {
  key: string;
  header?: string | undefined;
}

/** The columns an export writes, in order: the user's choice, or the catalog's defaults. */
export function selectColumns(type: ExportType, choice: readonly ColumnChoice[] | null | undefined): SelectedColumn[] {
  const catalog: readonly ExportColumnDef[] = EXPORT_COLUMN_CATALOGS[type];
  if (!choice || choice.length === 0) {
    return catalog.filter((c) => c.default).map(({ key, header, kind }) => ({ key, header, kind, aliased: false }));
  }
  return choice.map(({ key, header }) => {
    const def = catalog.find((c) => c.key === key);
    if (!def) throw new Error(`Unknown ${type} export column "${key}"`);
    return { key, header: header ?? def.header, kind: def.kind, aliased: header !== undefined };
  });
}

export const EXPORT_TYPE_LABELS: Record<ExportType, string> = {
  trades: 'Trades',
  goals: 'Goals',
  dailyPnl: 'Daily P&L',
  tagPerformance: 'Tag performance',
  propEvaluation: 'Prop evaluations',
  dailyNotes: 'Daily notes',
};
