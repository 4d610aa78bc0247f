import { sql } from 'drizzle-orm';
import {
  sqliteTable,
  blob,
  integer,
  text,
  real,
  index,
  uniqueIndex,
  primaryKey,
} from 'drizzle-orm/sqlite-core';
import {
  ASSET_CLASSES,
  DIRECTIONS,
  TRADE_STATUSES,
  GOAL_KINDS,
  GOAL_PERIODS,
  PROP_PHASES,
  PROP_STATUSES,
  DRAWDOWN_MODES,
  EXPORT_TYPES,
  EXPORT_FORMATS,
  EXPORT_JOB_STATUSES,
  ERROR_CLASSES,
  VALIDATION_STATUSES,
  VALIDATION_TRIGGERS,
  IMPORT_BATCH_STATUSES,
} from '../../../../shared/domain/enums';
import { PNL_SOURCES, RATE_SOURCES } from '../../../../shared/domain/fx-booking';

// Money columns end in _cents and are INTEGER minor units: sums reconcile exactly.
// Time columns end in _at and are INTEGER epoch milliseconds (UTC).
// Day columns are 'YYYY-MM-DD' in the owning account's IANA time zone.

const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

export const accounts = sqliteTable('accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  broker: text('broker'),
  currency: text('currency').notNull().default('USD'),
  timezone: text('timezone').notNull().default('UTC'),
  startingBalanceCents: integer('starting_balance_cents').notNull().default(0),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull().default(now),
});

export const instruments = sqliteTable('instruments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  symbol: text('symbol').notNull().unique(),
  assetClass: text('asset_class', { enum: ASSET_CLASSES }).notNull(),
  multiplier: real('multiplier').notNull().default(1),
  tickSize: real('tick_size'),
  currency: text('currency').notNull().default('USD'),
  description: text('description'),
});

export const importBatches = sqliteTable('import_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  accountId: integer('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  sourceName: text('source_name').notNull(),
  preset: text('preset').notNull(),
  fileSha256: text('file_sha256').notNull(),
  rowCount: integer('row_count').notNull().default(0),
  acceptedCount: integer('accepted_count').notNull().default(0),
  skippedCount: integer('skipped_count').notNull().default(0),
  duplicateCount: integer('duplicate_count').notNull().default(0),
  status: text('status', { enum: IMPORT_BATCH_STATUSES }).notNull().default('committed'),
  createdAt: integer('created_at').notNull().default(now),
  undoneAt: integer('undone_at'),
});

export const trades = sqliteTable(
  'trades',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    instrumentId: integer('instrument_id')
      .notNull()
      .references(() => instruments.id),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    status: text('status', { enum: TRADE_STATUSES }).notNull(),
    openedAt: integer('opened_at').notNull(),
    closedAt: integer('closed_at'),
    // Trading day of the close in the account's time zone; null while open.
    closeDay: text('close_day'),
    qty: real('qty').notNull(),
    entryPrice: real('entry_price').notNull(),
    exitPrice: real('exit_price'),
    stopPrice: real('stop_price'),
    targetPrice: real('target_price'),
    grossPnlCents: integer('gross_pnl_cents').notNull().default(0),
    feesCents: integer('fees_cents').notNull().default(0),
    // gross - fees, kept in the row so every aggregate is a plain SUM.
    netPnlCents: integer('net_pnl_cents').notNull().default(0),
    // The currency P&L is computed in (the instrument's, GBP for prices in pence) and that
    // P&L; gross_pnl_cents is it converted into the account's currency at fx_rate (account
    // units per quote unit) from fx_rate_source. A closed trade with no rate has status
    // 'needs_rate' and stays out of every money total until it gets one.
    pnlCurrency: text('pnl_currency'),
    quoteGrossPnlCents: integer('quote_gross_pnl_cents'),
    fxRate: real('fx_rate'),
    fxRateSource: text('fx_rate_source', { enum: RATE_SOURCES }),
    pnlSource: text('pnl_source', { enum: PNL_SOURCES }).notNull().default('prices'),
    rMultiple: real('r_multiple'),
    // The money the trader meant to risk; when set, R is measured against it instead of entry-to-stop.
    plannedRiskCents: integer('planned_risk_cents'),
    setup: text('setup'),
    notes: text('notes').notNull().default(''),
    // Import dedupe key (broker execution id or content hash); never an editable field.
    externalId: text('external_id'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, {
      onDelete: 'set null',
    }),
    createdAt: integer('created_at').notNull().default(now),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [
    index('trades_closed_at_idx').on(t.closedAt, t.id),
    index('trades_account_closed_idx').on(t.accountId, t.closedAt, t.id),
    index('trades_instrument_closed_idx').on(t.instrumentId, t.closedAt),
    index('trades_account_day_idx').on(t.accountId, t.closeDay),
    index('trades_close_day_idx').on(t.closeDay, t.id),
    index('trades_status_idx').on(t.status),
    index('trades_import_batch_idx').on(t.importBatchId),
    uniqueIndex('trades_account_external_uq').on(t.accountId, t.externalId),
    // Covers the per-account, per-day sums of closed trades (equity rebuild and validation),
    // so that GROUP BY reads a narrow index in order instead of the wide table rows. Net P&L
    // comes third so that each day's winners (net > 0) and the rest are two contiguous
    // ranges: validation sums them apart and gets the win count without a per-trade test.
    // Gross P&L is left out: the schema holds net = gross - fees on every row (migration
    // 0007's triggers), so a day's gross is its net plus its fees, one sum fewer per trade.
    index('trades_equity_cover_idx')
      .on(t.accountId, t.closeDay, t.netPnlCents, t.feesCents)
      .where(sql`status = 'closed'`),
    // The Trades page's default order (close time, open trades by open time) with every
    // filter column, so a page walks this index alone and stops after offset + limit
    // matches. The expression must stay identical to trades-query.ts's sort key.
    // drizzle-kit 0.31 splits an expression at its comma when writing the SQL: the
    // CREATE INDEX lines in 0003_trades_page_indexes.sql were corrected by hand.
    index('trades_page_sort_idx').on(
      sql`coalesce(${t.closedAt}, ${t.openedAt})`,
      t.id,
      t.accountId,
      t.instrumentId,
      t.direction,
      t.status,
      t.closeDay,
    ),
    // The same per account, the Trades page's most common filter: no skew between
    // accounts (a new account's trades all lie at the end) can make its walk long.
    index('trades_account_sort_idx').on(
      t.accountId,
      sql`coalesce(${t.closedAt}, ${t.openedAt})`,
      t.id,
      t.instrumentId,
      t.direction,
      t.status,
      t.closeDay,
    ),
    index('trades_net_pnl_idx').on(t.netPnlCents, t.id),
    index('trades_account_net_pnl_idx').on(t.accountId, t.netPnlCents, t.id),
    index('trades_opened_at_idx').on(t.openedAt, t.id),
  ],
);

/**
 * How many trades share each (account, close day, instrument, direction, status):
 * the Trades page's total for any filter without tags is a SUM over these few rows
 * instead of a COUNT over up to millions of trades. Maintained by triggers on trades
 * (migration 0003), so every write path keeps it exact without knowing it exists.
 */
export const tradeFilterCounts = sqliteTable(
  'trade_filter_counts',
  {
    accountId: integer('account_id').notNull(),
    closeDay: text('close_day'),
    instrumentId: integer('instrument_id').notNull(),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    status: text('status', { enum: TRADE_STATUSES }).notNull(),
    trades: integer('trades').notNull(),
  },
  (t) => [index('trade_filter_counts_key_idx').on(t.accountId, t.closeDay, t.instrumentId, t.direction, t.status)],
);

/**
 * The same per-key counts for each tag's trades, so a one-tag filter combined with
 * others also totals as a SUM over a few rows. Only exact for one tag at a time: a trade
 * carrying two of the filtered tags sits in both tags' rows. Maintained by triggers on
 * trades and trade_tags (migration 0004). Column names match trades' so the Trades
 * page's filter SQL applies unchanged.
 * A migration that rebuilds trades as drizzle-kit does (copy to a new table, drop, rename)
 * must drop the count triggers (COUNT_TRIGGERS, journal/trade-filter-counts.ts) first and
 * recreate them after: the trade_tags ones read trades, so the rename fails while they
 * exist, and the trades ones would silently go with the dropped table.
 */
export const tradeTagFilterCounts = sqliteTable(
  'trade_tag_filter_counts',
  {
    tagId: integer('tag_id').notNull(),
    accountId: integer('account_id').notNull(),
    closeDay: text('close_day'),
    instrumentId: integer('instrument_id').notNull(),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    status: text('status', { enum: TRADE_STATUSES }).notNull(),
    trades: integer('trades').notNull(),
  },
  (t) => [
    index('trade_tag_filter_counts_key_idx').on(t.tagId, t.accountId, t.closeDay, t.instrumentId, t.direction, t.status),
  ],
);

/**
 * Mergeable per-day analytics (DESIGN.md 7, "Analytics merge day aggregates"): for each
 * account and trading day, one row over all its closed trades (dim 'all', key 0) and one
 * per instrument, direction (0 long, 1 short), local open hour, tag (0 = no tag) and setup
 * (key 0, the setup in `setup`, NULL = none). Every column merges associatively: sums and
 * counts add, extremes take the max/min, and the streak columns describe the day's sign
 * sequence in close order (first/last sign, the runs at both edges, the longest inner
 * runs, and the first/last (closed_at, id) so views can tell whether segments interleave).
 * Kept exact by the triggers of migration 0013 (they recompute a touched day from its
 * trades); see analytics/day-facts-maintenance.ts. Hold times and close times are NULL only
 * for a closed trade without a close time, which no write path makes (sums then skip it, as
 * the scan's do).
 */
export const analyticsDayFacts = sqliteTable(
  'analytics_day_facts',
  {
    dim: text('dim', { enum: ['all', 'instrument', 'direction', 'hour', 'tag', 'setup'] }).notNull(),
    key: integer('key').notNull(),
    setup: text('setup'),
    accountId: integer('account_id').notNull(),
    day: text('day').notNull(),
    trades: integer('trades').notNull(),
    wins: integer('wins').notNull(),
    losses: integer('losses').notNull(),
    netPnlCents: integer('net_pnl_cents').notNull(),
    grossPnlCents: integer('gross_pnl_cents').notNull(),
    feesCents: integer('fees_cents').notNull(),
    grossProfitCents: integer('gross_profit_cents').notNull(),
    grossLossCents: integer('gross_loss_cents').notNull(),
    maxNetCents: integer('max_net_cents').notNull(),
    minNetCents: integer('min_net_cents').notNull(),
    holdMs: integer('hold_ms'),
    holdWinMs: integer('hold_win_ms'),
    holdLossMs: integer('hold_loss_ms'),
    rSum: real('r_sum'),
    rCount: integer('r_count').notNull(),
    rWins: integer('r_wins').notNull(),
    rLosses: integer('r_losses').notNull(),
    rWinSum: real('r_win_sum').notNull(),
    rLossSum: real('r_loss_sum').notNull(),
    firstClosedAt: integer('first_closed_at'),
    firstId: integer('first_id').notNull(),
    lastClosedAt: integer('last_closed_at'),
    lastId: integer('last_id').notNull(),
    firstSign: integer('first_sign').notNull(),
    leadRun: integer('lead_run').notNull(),
    lastSign: integer('last_sign').notNull(),
    trailRun: integer('trail_run').notNull(),
    maxWinRun: integer('max_win_run').notNull(),
    maxLossRun: integer('max_loss_run').notNull(),
  },
  (t) => [
    index('analytics_day_facts_key_idx').on(t.dim, t.key, t.accountId, t.day),
    index('analytics_day_facts_day_idx').on(t.accountId, t.day),
  ],
);

/**
 * The sign sequence of the closed trades per UTC day of their close (day number since the
 * epoch), with the range of trading days they hold: over every trade (dim 'all', key 0) and
 * per instrument, direction (0 long, 1 short) and tag (0 = no tag). Streaks across accounts
 * whose trades interleave merge these instead (see analytics/day-facts-query.ts). Migration 0013.
 */
export const analyticsUtcDays = sqliteTable(
  'analytics_utc_days',
  {
    dim: text('dim', { enum: ['all', 'instrument', 'direction', 'tag'] }).notNull(),
    key: integer('key').notNull(),
    utcDay: integer('utc_day').notNull(),
    trades: integer('trades').notNull(),
    minCloseDay: text('min_close_day').notNull(),
    maxCloseDay: text('max_close_day').notNull(),
    firstSign: integer('first_sign').notNull(),
    leadRun: integer('lead_run').notNull(),
    lastSign: integer('last_sign').notNull(),
    trailRun: integer('trail_run').notNull(),
    maxWinRun: integer('max_win_run').notNull(),
    maxLossRun: integer('max_loss_run').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.key, t.utcDay] }), index('analytics_utc_days_day_idx').on(t.utcDay)],
);

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  color: text('color').notNull().default('#6b7280'),
});

export const tradeTags = sqliteTable(
  'trade_tags',
  {
    tradeId: integer('trade_id')
      .notNull()
      .references(() => trades.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.tradeId, t.tagId] }), index('trade_tags_tag_idx').on(t.tagId, t.tradeId)],
);

/**
 * Dedupe keys of imported rows, kept apart from the trade's editable fields so editing a
 * trade (notes, tags, even its times) never makes a later import see its rows as new.
 * A fill row also keeps its execution facts: an open trade can be extended by the fills of
 * a later import, and undoing that import recomputes it from the fills that remain.
 * A fill that reverses a position splits into two rows (one per trade), same key.
 */
export const importKeys = sqliteTable(
  'import_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    tradeId: integer('trade_id')
      .notNull()
      .references(() => trades.id, { onDelete: 'cascade' }),
    batchId: integer('batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
    /** 'fill' for an execution. ('trade' is reserved: trade-per-row imports keep their key in trades.external_id.) */
    kind: text('kind', { enum: ['trade', 'fill'] }).notNull(),
    /** +1 buy, -1 sell (fills only). */
    side: integer('side'),
    qty: real('qty'),
    price: real('price'),
    executedAt: integer('executed_at'),
    feesCents: integer('fees_cents'),
  },
  (t) => [
    uniqueIndex('import_keys_account_key_trade_uq').on(t.accountId, t.key, t.tradeId),
    index('import_keys_trade_idx').on(t.tradeId),
    index('import_keys_batch_idx').on(t.batchId),
  ],
);

/**
 * Every execution (fill) a trade was built from: what the broker reported, kept so a trade can be
 * reviewed fill by fill and the journal's export can carry fills back in. One row per part of a
 * fill that belongs to one trade: a reversal fill is split across the trade it closes and the one
 * it opens (qty and fees in proportion), like import_keys' 'fill' rows, which stay the dedupe keys.
 */
export const executions = sqliteTable(
  'executions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tradeId: integer('trade_id')
      .notNull()
      .references(() => trades.id, { onDelete: 'cascade' }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    executedAt: integer('executed_at').notNull(),
    side: text('side', { enum: ['buy', 'sell'] }).notNull(),
    qty: real('qty').notNull(),
    price: real('price').notNull(),
    feesCents: integer('fees_cents').notNull().default(0),
    brokerExecId: text('broker_exec_id'),
    brokerOrderId: text('broker_order_id'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
    /** The import dedupe key of the fill (import_keys.key), so an export carries it and a re-import of the broker file still knows the fill. */
    importKey: text('import_key'),
    /** Order within the trade (execution order; equal times keep the file's order). */
    seq: integer('seq').notNull(),
  },
  (t) => [index('executions_trade_idx').on(t.tradeId, t.seq), index('executions_batch_idx').on(t.importBatchId)],
);

/** The time zone the user last chose for a file's times, per layout ('preset:<id>') and per account ('account:<id>'). */
export const importZones = sqliteTable('import_zones', {
  scope: text('scope').primaryKey(),
  zone: text('zone').notNull(),
  updatedAt: integer('updated_at').notNull().default(now),
});

/** Column mappings the user saved for reuse (the built-in layouts live in code). */
export const importPresets = sqliteTable('import_presets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  definitionJson: text('definition_json').notNull(),
  createdAt: integer('created_at').notNull().default(now),
  updatedAt: integer('updated_at').notNull().default(now),
});

/** Export forms the user saved for reuse (exports:presets, exports:savePreset, exports:deletePreset); names unique ignoring case. */
export const exportPresets = sqliteTable('export_presets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  formJson: text('form_json').notNull(),
  createdAt: integer('created_at').notNull().default(now),
  updatedAt: integer('updated_at').notNull().default(now),
});

export const goals = sqliteTable('goals', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  kind: text('kind', { enum: GOAL_KINDS }).notNull(),
  period: text('period', { enum: GOAL_PERIODS }).notNull(),
  // Cents for money kinds, a count for trade counts, a fraction (0..1) for rates.
  target: real('target').notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull().default(now),
});

export const propEvaluations = sqliteTable('prop_evaluations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  accountId: integer('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  firm: text('firm').notNull(),
  name: text('name').notNull(),
  phase: text('phase', { enum: PROP_PHASES }).notNull(),
  status: text('status', { enum: PROP_STATUSES }).notNull().default('active'),
  startBalanceCents: integer('start_balance_cents').notNull(),
  profitTargetCents: integer('profit_target_cents').notNull(),
  dailyLossLimitCents: integer('daily_loss_limit_cents').notNull(),
  maxDrawdownCents: integer('max_drawdown_cents').notNull(),
  drawdownMode: text('drawdown_mode', { enum: DRAWDOWN_MODES }).notNull(),
  minTradingDays: integer('min_trading_days').notNull().default(0),
  // Alert when this fraction of a limit is used (0.8 = 80 %).
  alertThreshold: real('alert_threshold').notNull().default(0.8),
  startedOn: text('started_on').notNull(),
  endedOn: text('ended_on'),
  // The firm's rules as data (shared/domain/prop-rules.ts PropRules); null = the legacy columns above.
  rulesJson: text('rules_json'),
  createdAt: integer('created_at').notNull().default(now),
});

/** Editable prop-firm rule templates (built-ins are seeded from shared/domain/prop-templates.ts). */
export const propRuleTemplates = sqliteTable('prop_rule_templates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  firm: text('firm').notNull(),
  name: text('name').notNull(),
  rulesJson: text('rules_json').notNull(),
  /** Where the rules were read and when, shown beside the template. */
  source: text('source').notNull().default(''),
  updatedAt: integer('updated_at').notNull().default(now),
});

/**
 * Reference exchange rates: 1 base = rate quote on a day (e.g. an ECB series EUR/USD 1.08).
 * A trade's conversion uses the latest rate on or before its trading day.
 */
export const fxRates = sqliteTable(
  'fx_rates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    day: text('day').notNull(),
    base: text('base').notNull(),
    quote: text('quote').notNull(),
    rate: real('rate').notNull(),
    source: text('source').notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('fx_rates_pair_day_uq').on(t.base, t.quote, t.day)],
);

export const dailyEquity = sqliteTable(
  'daily_equity',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    grossPnlCents: integer('gross_pnl_cents').notNull(),
    feesCents: integer('fees_cents').notNull(),
    netPnlCents: integer('net_pnl_cents').notNull(),
    tradeCount: integer('trade_count').notNull(),
    winCount: integer('win_count').notNull(),
    endingEquityCents: integer('ending_equity_cents').notNull(),
    peakEquityCents: integer('peak_equity_cents').notNull(),
    drawdownCents: integer('drawdown_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] }), index('daily_equity_day_idx').on(t.day)],
);

export const equityValidationRuns = sqliteTable('equity_validation_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  trigger: text('trigger', { enum: VALIDATION_TRIGGERS }).notNull(),
  accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
  status: text('status', { enum: VALIDATION_STATUSES }).notNull(),
  daysChecked: integer('days_checked').notNull().default(0),
  discrepancyCount: integer('discrepancy_count').notNull().default(0),
  startedAt: integer('started_at').notNull(),
  finishedAt: integer('finished_at'),
  durationMs: integer('duration_ms'),
  errorMessage: text('error_message'),
  /** The trades and first day that explain the discrepancies, named before their knock-on days. */
  rootCause: text('root_cause'),
});

export const equityDiscrepancies = sqliteTable(
  'equity_discrepancies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => equityValidationRuns.id, { onDelete: 'cascade' }),
    accountId: integer('account_id').notNull(),
    day: text('day').notNull(),
    field: text('field').notNull(),
    storedCents: integer('stored_cents'),
    expectedCents: integer('expected_cents'),
    differenceCents: integer('difference_cents').notNull(),
    /** The trade a per-trade finding is about (trade_close_day, trade_net_pnl). */
    tradeId: integer('trade_id'),
  },
  (t) => [index('equity_discrepancies_run_idx').on(t.runId, t.accountId, t.day)],
);

export const exportJobs = sqliteTable(
  'export_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: text('request_id').notNull(),
    type: text('type', { enum: EXPORT_TYPES }).notNull(),
    format: text('format', { enum: EXPORT_FORMATS }).notNull(),
    paramsJson: text('params_json').notNull(),
    columnsJson: text('columns_json'),
    optionsJson: text('options_json').notNull().default('{}'),
    targetPath: text('target_path').notNull(),
    status: text('status', { enum: EXPORT_JOB_STATUSES }).notNull().default('queued'),
    attempt: integer('attempt').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    nextAttemptAt: integer('next_attempt_at'),
    errorClass: text('error_class', { enum: ERROR_CLASSES }),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    rowsWritten: integer('rows_written').notNull().default(0),
    rowsTotal: integer('rows_total'),
    bytesWritten: integer('bytes_written').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    updatedAt: integer('updated_at').notNull(),
    // The lease of the process running the job (null unless running): which process
    // (a random id per queue, its pid and host), which run (names its partial file),
    // when it last said it is alive and when another process may take the job over.
    ownerId: text('owner_id'),
    ownerPid: integer('owner_pid'),
    ownerHost: text('owner_host'),
    runToken: text('run_token'),
    heartbeatAt: integer('heartbeat_at'),
    leaseExpiresAt: integer('lease_expires_at'),
  },
  (t) => [
    index('export_jobs_status_idx').on(t.status, t.nextAttemptAt, t.id),
    // A target is reserved by at most one job that has not ended: two jobs never write one file.
    uniqueIndex('export_jobs_active_target_idx').on(t.targetPath).where(sql`status IN ('queued', 'running')`),
  ],
);

export const exportJobPerformance = sqliteTable(
  'export_job_performance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id').references(() => exportJobs.id, { onDelete: 'set null' }),
    type: text('type', { enum: EXPORT_TYPES }).notNull(),
    format: text('format', { enum: EXPORT_FORMATS }).notNull(),
    outcome: text('outcome', { enum: EXPORT_JOB_STATUSES }).notNull(),
    attempt: integer('attempt').notNull(),
    queueWaitMs: integer('queue_wait_ms').notNull(),
    durationMs: integer('duration_ms').notNull(),
    rows: integer('rows').notNull(),
    bytes: integer('bytes').notNull(),
    rowsPerSec: real('rows_per_sec').notNull(),
    chunkP50Ms: real('chunk_p50_ms'),
    chunkP95Ms: real('chunk_p95_ms'),
    chunkMaxMs: real('chunk_max_ms'),
    peakHeapBytes: integer('peak_heap_bytes'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('export_perf_created_idx').on(t.createdAt), index('export_perf_kind_idx').on(t.format, t.type, t.createdAt)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: integer('updated_at').notNull().default(now),
});

/**
 * Screenshots and files per trade, kept inside the journal so one SQLite file still holds
 * everything and backups carry them. `size` is the byte length, kept apart so listings
 * never read the blob.
 */
export const tradeAttachments = sqliteTable(
  'trade_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tradeId: integer('trade_id')
      .notNull()
      .references(() => trades.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    size: integer('size').notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [index('trade_attachments_trade_idx').on(t.tradeId, t.id)],
);

/**
 * The trader's note for a trading day: a plan before, a review after, free tags. One per
 * day per account, plus one per day for the whole journal (account_id null).
 */
export const dailyNotes = sqliteTable(
  'daily_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    day: text('day').notNull(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    plan: text('plan').notNull().default(''),
    review: text('review').notNull().default(''),
    // Tags joined by ';' (the journal's tag separator), kept plain so search is one LIKE.
    tags: text('tags').notNull().default(''),
    createdAt: integer('created_at').notNull().default(now),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('daily_notes_day_account_uq').on(t.day, t.accountId).where(sql`account_id IS NOT NULL`),
    uniqueIndex('daily_notes_day_global_uq').on(t.day).where(sql`account_id IS NULL`),
  ],
);

/** A setup the trader plays, with its checklist of rules. Trades name it in trades.setup. */
export const playbooks = sqliteTable('playbooks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdAt: integer('created_at').notNull().default(now),
  updatedAt: integer('updated_at').notNull().default(now),
});

export const playbookRules = sqliteTable(
  'playbook_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    playbookId: integer('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('playbook_rules_playbook_idx').on(t.playbookId, t.position)],
);

/** Per trade, whether each rule of its setup's playbook was followed (a missing row = not reviewed). */
export const tradeRuleChecks = sqliteTable(
  'trade_rule_checks',
  {
    tradeId: integer('trade_id')
      .notNull()
      .references(() => trades.id, { onDelete: 'cascade' }),
    ruleId: integer('rule_id')
      .notNull()
      .references(() => playbookRules.id, { onDelete: 'cascade' }),
    followed: integer('followed', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tradeId, t.ruleId] }), index('trade_rule_checks_rule_idx').on(t.ruleId)],
);

/** OHLC bars the user imported for an instrument (price context without a data vendor). */
export const bars = sqliteTable(
  'bars',
  {
    instrumentId: integer('instrument_id')
      .notNull()
      .references(() => instruments.id, { onDelete: 'cascade' }),
    /** Bar length in seconds (60 = one-minute bars). */
    barSeconds: integer('bar_seconds').notNull(),
    /** Bar open time, epoch ms UTC. */
    time: integer('time').notNull(),
    open: real('open').notNull(),
    high: real('high').notNull(),
    low: real('low').notNull(),
    close: real('close').notNull(),
    volume: real('volume'),
  },
  (t) => [primaryKey({ columns: [t.instrumentId, t.barSeconds, t.time] })],
);
