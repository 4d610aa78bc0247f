import type Database from 'better-sqlite3';
import { offsetSpans, type OffsetSpan } from '../analytics/zone-offsets';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// Offsets are looked up in spans computed per zone and per block of this many ms.
const BLOCK_MS = 64 * DAY_MS;

/**
 * A sequence of trade signs in close order, as the streak columns of analytics_day_facts
 * describe it. Runs count equal signs in a row; a breakeven (0) ends a win and a loss run.
 */
export interface StreakRun {
  count: number;
  firstSign: number;
  /** Length of the run the sequence starts with (equals count when every sign is the same). */
  leadRun: number;
  lastSign: number;
  /** Length of the run the sequence ends with. */
  trailRun: number;
  maxWinRun: number;
  maxLossRun: number;
}

export interface StreakBuilder extends StreakRun {
  /** Null only for a closed trade without a close time (no write path makes one). */
  firstClosedAt: number | null;
  firstId: number;
  lastClosedAt: number | null;
  lastId: number;
}

/** Appends one trade (its P&L sign, close time and id, in close order) to a sequence. */
export function streakStep(state: StreakBuilder | null, sign: number, closedAt: number | null, id: number): StreakBuilder {
  if (state === null) {
    return {
      count: 1, firstSign: sign, leadRun: 1, lastSign: sign, trailRun: 1,
      maxWinRun: sign > 0 ? 1 : 0, maxLossRun: sign < 0 ? 1 : 0,
      firstClosedAt: closedAt, firstId: id, lastClosedAt: closedAt, lastId: id,
    };
  }
  if (sign === state.lastSign) {
    if (state.leadRun === state.count) state.leadRun += 1;
    state.trailRun += 1;
  } else {
    state.lastSign = sign;
    state.trailRun = 1;
  }
  state.count += 1;
  if (sign > 0 && state.trailRun > state.maxWinRun) state.maxWinRun = state.trailRun;
  if (sign < 0 && state.trailRun > state.maxLossRun) state.maxLossRun = state.trailRun;
  state.lastClosedAt = closedAt;
  state.lastId = id;
  return state;
}

/** Two consecutive sequences as one (associative; the empty sequence is null). */
export function mergeStreakRuns(a: StreakRun | null, b: StreakRun | null): StreakRun | null {
  if (a === null) return b;
  if (b === null) return a;
  const joinWin = a.lastSign > 0 && b.firstSign > 0 ? a.trailRun + b.leadRun : 0;
  const joinLoss = a.lastSign < 0 && b.firstSign < 0 ? a.trailRun + b.leadRun : 0;
  return {
    count: a.count + b.count,
    firstSign: a.firstSign,
    leadRun: a.leadRun === a.count && b.firstSign === a.firstSign ? a.count + b.leadRun : a.leadRun,
    lastSign: b.lastSign,
    trailRun: b.trailRun === b.count && a.lastSign === b.lastSign ? b.count + a.trailRun : b.trailRun,
    maxWinRun: Math.max(a.maxWinRun, b.maxWinRun, joinWin),
    maxLossRun: Math.max(a.maxLossRun, b.maxLossRun, joinLoss),
  };
}

/** The local hour (0-23) of an instant in a zone, DST-exact, as localHourSql computes it. */
export function createLocalHour(): (epochMs: number, timeZone: string) => number {
  const blocks = new Map<string, OffsetSpan[]>();
  return (epochMs, timeZone) => {
    const block = Math.floor(epochMs / BLOCK_MS);
    const cacheKey = `${timeZone}|${block}`;
    let spans = blocks.get(cacheKey);
    if (spans === undefined) {
      spans = offsetSpans(timeZone, block * BLOCK_MS, (block + 1) * BLOCK_MS);
      blocks.set(cacheKey, spans);
    }
    let offset = spans[0]!.offsetMs;
    for (const span of spans) if (span.from <= epochMs) offset = span.offsetMs;
    // Integer arithmetic as in SQL: % keeps the dividend's sign, / truncates.
    return Math.trunc((((epochMs + offset) % DAY_MS) + DAY_MS) % DAY_MS / HOUR_MS);
  };
}

/**
 * The SQL functions the analytics triggers of migration 0013 call. Registered on every
 * connection openDb makes, before migrations run (the migration fills the tables with them).
 * A connection without them can read the journal but not write trades.
 */
export function registerJournalFunctions(sqlite: Database.Database): void {
  const localHour = createLocalHour();
  sqlite.function('sj_local_hour', { deterministic: true }, (epochMs: unknown, timeZone: unknown) =>
    localHour(Number(epochMs), String(timeZone)),
  );
  sqlite.aggregate('sj_streak', {
    start: () => null,
    // (sign, closed_at, id), called in close order (the triggers pass ORDER BY closed_at, id).
    // better-sqlite3 takes the SQL arity from the step function's declared parameters.
    step: ((state: StreakBuilder | null, sign: unknown, closedAt: unknown, id: unknown) =>
      streakStep(state, Number(sign), closedAt === null ? null : Number(closedAt), Number(id))) as (state: StreakBuilder | null, ...args: unknown[]) => StreakBuilder,
    result: (state: StreakBuilder | null) =>
      state === null
        ? null
        : JSON.stringify([
            state.firstSign, state.leadRun, state.lastSign, state.trailRun, state.maxWinRun, state.maxLossRun,
            state.firstClosedAt, state.firstId, state.lastClosedAt, state.lastId,
          ]),
  });
}
