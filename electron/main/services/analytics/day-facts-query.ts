import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import type { BreakdownDimension } from '../../../../shared/domain/analytics';
import { mergeStreakRuns, streakStep, type StreakBuilder, type StreakRun } from '../db/journal-functions';
import type { DayFacts } from './daily-facts';
import type { GroupFacts } from './facts-types';

type FactsDim = 'all' | 'instrument' | 'direction' | 'tag' | 'hour';

/** The day-facts rows that hold exactly a filter's trades: one dimension, any of its keys. */
export interface FactsPlan {
  dim: FactsDim;
  keys: number[];
}

const unique = (ids: number[] | undefined): number[] => [...new Set(ids ?? [])];

/**
 * Which rows of analytics_day_facts hold exactly the closed trades a filter selects, or
 * null when no set of rows does and the views must scan the trades (stated here, once):
 * - status 'open': nothing counts; the scan's WHERE is a constant false and costs nothing.
 * - two or more of tags, instruments and direction at once: every row is keyed by one of them.
 * - two or more tags: a trade carrying both sits in both tags' rows and would count twice.
 * Days and accounts narrow any plan (every row has both).
 */
export function factsPlan(filter: TradeFilter): FactsPlan | null {
  if (filter.status === 'open') return null;
  const tags = unique(filter.tagIds);
  const instruments = unique(filter.instrumentIds);
  const keyed = [tags.length > 0, instruments.length > 0, filter.direction !== undefined].filter(Boolean).length;
  if (keyed > 1 || tags.length > 1) return null;
  if (tags.length === 1) return { dim: 'tag', keys: tags };
  if (instruments.length > 0) return { dim: 'instrument', keys: instruments };
  if (filter.direction) return { dim: 'direction', keys: [filter.direction === 'long' ? 0 : 1] };
  return { dim: 'all', keys: [0] };
}

/** The rows of a plan within the filter's accounts and days; keys null = every key of the dimension. */
function planWhere(plan: { dim: FactsDim; keys: number[] | null }, filter: TradeFilter): { where: string; params: (string | number)[] } {
  const clauses = ['f.dim = ?'];
  const params: (string | number)[] = [plan.dim];
  if (plan.keys !== null) {
    clauses.push('f.key IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(plan.keys));
  }
  if (filter.accountIds?.length) {
    clauses.push('f.account_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(unique(filter.accountIds)));
  }
  if (filter.dateFrom) {
    clauses.push('f.day >= ?');
    params.push(filter.dateFrom);
  }
  if (filter.dateTo) {
    clauses.push('f.day <= ?');
    params.push(filter.dateTo);
  }
  return { where: clauses.join(' AND '), params };
}

/** The merge of TRADE_FACTS_SQL's sums: sums add, extremes take their extreme. */
const MERGED_FACTS_SQL = `
  SUM(f.trades) AS trades, SUM(f.wins) AS wins, SUM(f.losses) AS losses,
  SUM(f.net_pnl_cents) AS net, SUM(f.gross_pnl_cents) AS gross, SUM(f.fees_cents) AS fees,
  SUM(f.gross_profit_cents) AS grossProfit, SUM(f.gross_loss_cents) AS grossLoss,
  MAX(f.max_net_cents) AS maxNet, MIN(f.min_net_cents) AS minNet,
  SUM(f.hold_ms) AS holdSum, SUM(f.hold_win_ms) AS holdWinSum, SUM(f.hold_loss_ms) AS holdLossSum,
  SUM(f.r_count) AS rTrades, TOTAL(f.r_sum) AS rSum, SUM(f.r_wins) AS rWins, SUM(f.r_losses) AS rLosses,
  TOTAL(f.r_win_sum) AS rWinSum, TOTAL(f.r_loss_sum) AS rLossSum`;

/** dailyFacts (daily-facts.ts) from the day facts; null when the filter needs the scan. */
export function dayFactsDaily(sqlite: Sqlite, filter: TradeFilter): DayFacts[] | null {
  const plan = factsPlan(filter);
  if (!plan) return null;
  const { where, params } = planWhere(plan, filter);
  return sqlite
    .prepare(`SELECT f.day AS day, ${MERGED_FACTS_SQL} FROM analytics_day_facts f WHERE ${where} GROUP BY f.day ORDER BY f.day`)
    .all(...params) as DayFacts[];
}

interface GroupSql {
  dim: FactsDim;
  join: string;
  key: string;
  label: string;
  order: string;
}

/** How a breakdown groups day-facts rows, mirroring breakdown.ts's grouping over trades. */
function groupSql(dimension: BreakdownDimension, plan: FactsPlan): GroupSql | null {
  switch (dimension) {
    case 'account':
      return { dim: plan.dim, join: 'JOIN accounts a ON a.id = f.account_id', key: 'f.account_id', label: 'a.name', order: 'a.name, f.account_id' };
    case 'weekday':
      return { dim: plan.dim, join: '', key: "(CAST(strftime('%w', f.day) AS INTEGER) + 6) % 7 + 1", label: "''", order: '1' };
    case 'instrument':
      return { dim: 'instrument', join: 'JOIN instruments i ON i.id = f.key', key: 'f.key', label: 'i.symbol', order: 'i.symbol, f.key' };
    case 'direction':
      return { dim: 'direction', join: '', key: "CASE f.key WHEN 0 THEN 'long' ELSE 'short' END", label: "CASE f.key WHEN 0 THEN 'long' ELSE 'short' END", order: 'f.key' };
    case 'tag':
      return { dim: 'tag', join: 'LEFT JOIN tags g ON g.id = f.key', key: 'NULLIF(f.key, 0)', label: "COALESCE(g.name, '(no tag)')", order: "f.key = 0, COALESCE(g.name, '(no tag)'), f.key" };
    case 'hour':
      return { dim: 'hour', join: '', key: 'f.key', label: "''", order: 'f.key' };
    case 'setup':
      // Setup rows are kept, but the breakdown labels setups by their playbook text (breakdown.ts): scan.
      return null;
  }
}

/**
 * The per-group sums of a breakdown from the day facts; null when the filter needs the scan:
 * a plan's rows break down by account and weekday (every row has both), but by another
 * dimension only when the filter has no key of its own, or is keyed by that same dimension
 * (instruments broken down by instrument): no row holds, say, one tag's trades per hour.
 */
export function dayFactsGroups(sqlite: Sqlite, filter: TradeFilter, dimension: BreakdownDimension): GroupFacts[] | null {
  const plan = factsPlan(filter);
  if (!plan) return null;
  const g = groupSql(dimension, plan);
  if (!g) return null;
  let rows: { dim: FactsDim; keys: number[] | null } = plan;
  if (g.dim !== plan.dim) {
    if (plan.dim !== 'all') return null;
    rows = { dim: g.dim, keys: null };
  } else if (dimension === 'tag') {
    // A tag's trades broken down by tag: their other tags are in no row of that tag.
    return null;
  }
  const { where, params } = planWhere(rows, filter);
  return sqlite
    .prepare(
      `SELECT ${g.key} AS key, ${g.label} AS label, ${MERGED_FACTS_SQL}
       FROM analytics_day_facts f ${g.join} WHERE ${where} GROUP BY 1 ORDER BY ${g.order}`,
    )
    .all(...params) as GroupFacts[];
}

interface SegmentRow extends StreakRun {
  firstClosedAt: number | null;
  firstId: number;
  lastClosedAt: number | null;
  lastId: number;
}

const STREAK_COLUMNS = `trades AS count, first_sign AS firstSign, lead_run AS leadRun, last_sign AS lastSign,
  trail_run AS trailRun, max_win_run AS maxWinRun, max_loss_run AS maxLossRun`;

const longest = (run: StreakRun | null) => ({ win: run?.maxWinRun ?? 0, loss: run?.maxLossRun ?? 0 });

function coversEveryAccount(sqlite: Sqlite, filter: TradeFilter): boolean {
  if (!filter.accountIds?.length) return true;
  const chosen = new Set(filter.accountIds);
  const all = sqlite.prepare('SELECT id FROM accounts').pluck().all() as number[];
  return all.every((id) => chosen.has(id));
}

/**
 * The plan's closed trades' signs (one key: every trade, one instrument, one direction or
 * one tag) merged from the UTC-day rows. A UTC day whose trades all lie
 * within the filter's trading days is taken whole; one that straddles a bound of the range
 * (accounts in different zones give one UTC day several trading days) is read from its
 * trades, in close order, by the close-time index: at most a few days at each end.
 */
function utcStreaks(sqlite: Sqlite, filter: TradeFilter, plan: FactsPlan): { win: number; loss: number } {
  const from = filter.dateFrom ?? null;
  const to = filter.dateTo ?? null;
  const key = plan.keys[0]!;
  const rows = sqlite
    .prepare(
      `SELECT utc_day AS utcDay, min_close_day AS lo, max_close_day AS hi, ${STREAK_COLUMNS} FROM analytics_utc_days
       WHERE dim = @dim AND key = @key AND (@from IS NULL OR max_close_day >= @from) AND (@to IS NULL OR min_close_day <= @to)
       ORDER BY utc_day`,
    )
    .all({ dim: plan.dim, key, from, to }) as (StreakRun & { utcDay: number; lo: string; hi: string })[];
  // The trades of a straddling day that belong to the plan's key, as the day's rows were built.
  const keyed = {
    all: '1',
    instrument: 't.instrument_id = @key',
    direction: "t.direction = CASE @key WHEN 0 THEN 'long' ELSE 'short' END",
    tag: 't.id IN (SELECT trade_id FROM trade_tags WHERE tag_id = @key)',
    hour: '0',
  }[plan.dim];
  const partial = sqlite
    .prepare(
      `SELECT sign(t.net_pnl_cents) AS sign, t.closed_at AS closedAt, t.id AS id FROM trades t
       WHERE t.closed_at >= @day * 86400000 AND t.closed_at < (@day + 1) * 86400000 AND +t.status = 'closed'
         AND t.close_day IS NOT NULL AND (@from IS NULL OR t.close_day >= @from) AND (@to IS NULL OR t.close_day <= @to)
         AND ${keyed}
       ORDER BY t.closed_at, t.id`,
    )
    .raw(true);
  let run: StreakRun | null = null;
  for (const row of rows) {
    if ((from === null || row.lo >= from) && (to === null || row.hi <= to)) {
      run = mergeStreakRuns(run, row);
      continue;
    }
    let day: StreakBuilder | null = null;
    for (const [sign, closedAt, id] of partial.iterate({ day: row.utcDay, from, to, ...(plan.dim === 'all' ? {} : { key }) }) as IterableIterator<[number, number | null, number]>) {
      day = streakStep(day, sign, closedAt, id);
    }
    run = mergeStreakRuns(run, day);
  }
  return longest(run);
}

/**
 * Longest win and loss streaks (streaks.ts) from the day facts, or null for the scan.
 * Each row's signs are one stretch of the close order; stretches merge when they follow
 * one another. A filter over every account and at most one key reads the UTC-day rows of
 * that key, which never interleave. Otherwise the rows merge when no two of them overlap in close order (one
 * account, or accounts trading at different times); when they do (several accounts or
 * keys trading at once), only the trades' own order can say, and the scan answers.
 */
export function dayFactsStreaks(sqlite: Sqlite, filter: TradeFilter): { win: number; loss: number } | null {
  const plan = factsPlan(filter);
  if (!plan) return null;
  // (The unary + on status and close_day keeps the planner on the close-time index: there
  // are few trades without a close time, and half the journal is 'closed'.)
  // A closed trade without a close time (which no write path makes) has no UTC day and no
  // place in the close order a segment check could trust: the scan orders it as SQL does.
  const undated = sqlite.prepare("SELECT 1 FROM trades t WHERE t.closed_at IS NULL AND +t.status = 'closed' AND +t.close_day IS NOT NULL LIMIT 1");
  if (undated.get() !== undefined) return null;
  // One key over every account: the UTC-day rows of that key never interleave.
  if (plan.keys.length === 1 && coversEveryAccount(sqlite, filter)) return utcStreaks(sqlite, filter, plan);
  const { where, params } = planWhere(plan, filter);
  const rows = sqlite
    .prepare(
      `SELECT first_closed_at AS firstClosedAt, first_id AS firstId, last_closed_at AS lastClosedAt, last_id AS lastId,
         ${STREAK_COLUMNS} FROM analytics_day_facts f WHERE ${where} ORDER BY first_closed_at, first_id`,
    )
    .all(...params) as SegmentRow[];
  let run: StreakRun | null = null;
  let previous: SegmentRow | null = null;
  for (const row of rows) {
    const first = row.firstClosedAt!;
    const last = previous?.lastClosedAt ?? null;
    if (previous && last !== null && (first < last || (first === last && row.firstId < previous.lastId))) {
      return null;
    }
    run = mergeStreakRuns(run, row);
    previous = row;
  }
  return longest(run);
}
