import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../electron/main/services/db/migrations-folder';
import { createAnalyticsService } from '../../electron/main/services/analytics/analytics-service';
import { computeGoalProgress } from '../../electron/main/services/analytics/goals';
import { computePropEvaluations } from '../../electron/main/services/analytics/prop-evaluations';
import { factsPlan } from '../../electron/main/services/analytics/day-facts-query';
import type { TradeFilter } from '../../shared/domain/trade';
import { seedJournalFile } from '../seed/seed-file';

/**
 * Every analytics view over a million seeded trades, each timed against one raw scan of
 * the trades table in the same run: the day-facts path the app answers with, and the scan
 * of the trades it replaced (for reference). Targets: each view at most 50 ms and at most
 * 0.1x the raw scan. Medians of --repeats runs after one warm-up, on a read-only connection
 * as the analytics worker opens it. The journal is cached in .bench-cache/analytics-1m.db
 * and re-seeded when the migrations change.
 *
 *   npm run bench:analytics [-- --repeats 7 --reseed --no-scan]
 */

const CACHE_DIR = resolve('.bench-cache');
const TRADES = 1_000_000;
const SEED = 42;
const NOW = Date.UTC(2025, 5, 30, 12, 0, 0);
const BUDGET_MS = 50;
const BUDGET_RATIO = 0.1;

function migrationTags(): string[] {
  const journal = JSON.parse(readFileSync(join(SOURCE_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

function ensureJournal(dbPath: string, metaPath: string, reseed: boolean): void {
  const wanted = JSON.stringify({ trades: TRADES, seed: SEED, now: NOW, migrations: migrationTags() });
  if (!reseed && existsSync(dbPath) && existsSync(metaPath) && readFileSync(metaPath, 'utf8') === wanted) {
    console.log(`Reusing ${dbPath}.`);
    return;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  console.log(`Seeding ${TRADES.toLocaleString('en-US')} trades into ${dbPath} ...`);
  const result = seedJournalFile(dbPath, { trades: TRADES, seed: SEED, now: NOW, force: true });
  console.log(`Seeded ${result.trades.toLocaleString('en-US')} trades in ${result.durationMs} ms.`);
  writeFileSync(metaPath, wanted);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeMedian(fn: () => unknown, repeats: number): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

function timeOnce(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { repeats: { type: 'string', default: '7' }, reseed: { type: 'boolean', default: false }, 'no-scan': { type: 'boolean', default: false } },
  });
  const repeats = Math.max(1, Number(values.repeats));
  const dbPath = join(CACHE_DIR, 'analytics-1m.db');
  ensureJournal(dbPath, join(CACHE_DIR, 'analytics-1m.json'), values.reseed);

  const { sqlite, close } = openDb(dbPath, { readonly: true });
  const facts = createAnalyticsService(sqlite);
  const scan = createAnalyticsService(sqlite, { source: 'scan' });
  const accounts = sqlite.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
  const lastDay = sqlite.prepare('SELECT MAX(day) FROM daily_equity').pluck().get() as string;
  const month = lastDay.slice(0, 7);
  const tag = sqlite.prepare('SELECT tag_id FROM trade_tags GROUP BY tag_id ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as number;
  const instrument = sqlite.prepare('SELECT id FROM instruments ORDER BY id LIMIT 1').pluck().get() as number;
  const yearAgo = `${Number(lastDay.slice(0, 4)) - 1}${lastDay.slice(4)}`;

  const rawScan = () => sqlite.prepare('SELECT COUNT(*) AS n, SUM(net_pnl_cents) AS net FROM trades NOT INDEXED').get();
  const raw = timeMedian(rawScan, repeats);
  console.log(`\n${TRADES.toLocaleString('en-US')} trades, ${accounts.length} accounts; medians of ${repeats} after a warm-up.`);
  console.log(`raw scan of the trades table (COUNT, SUM(net) NOT INDEXED): ${raw.toFixed(1)} ms\n`);

  const filters: [string, TradeFilter][] = [
    ['every trade', {}],
    ['last 12 months', { dateFrom: yearAgo, dateTo: lastDay }],
    ['one account', { accountIds: [accounts[0]!] }],
    ['one tag', { tagIds: [tag] }],
    ['one instrument', { instrumentIds: [instrument] }],
  ];
  type View = [string, () => unknown, (() => unknown) | null, boolean];
  const views: View[] = [];
  for (const [name, filter] of filters) {
    const answered = factsPlan(filter) !== null;
    views.push([`summary (${name})`, () => facts.summary(filter), () => scan.summary(filter), answered]);
  }
  for (const dimension of ['tag', 'instrument', 'weekday', 'hour', 'account', 'direction'] as const) {
    views.push([`breakdown by ${dimension}`, () => facts.breakdown({}, dimension), () => scan.breakdown({}, dimension), true]);
  }
  views.push(['equity curve (every trade)', () => facts.equityCurve({}), () => scan.equityCurve({}), true]);
  views.push(['equity curve (one account)', () => facts.equityCurve({ accountIds: [accounts[0]!] }), () => scan.equityCurve({ accountIds: [accounts[0]!] }), true]);
  views.push([`calendar (${month})`, () => facts.calendar({}, month), () => scan.calendar({}, month), true]);
  views.push(['calendar (every day)', () => facts.calendar({}), () => scan.calendar({}), true]);
  views.push(['goals (daily_equity)', () => computeGoalProgress(sqlite, { now: NOW }), null, true]);
  views.push(['prop progress (daily_equity)', () => computePropEvaluations(sqlite, { now: NOW }), null, true]);

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('view', 32)} ${'day facts'.padStart(10)} ${'x raw'.padStart(7)} ${'scan path'.padStart(10)}  target (<= ${BUDGET_MS} ms, <= ${BUDGET_RATIO}x raw)`);
  let misses = 0;
  for (const [name, run, reference, answered] of views) {
    const ms = timeMedian(run, repeats);
    // The scan path is the reference only: one run, no warm-up (it is seconds a view at 1M).
    const ref = reference && !values['no-scan'] ? timeOnce(reference) : null;
    const pass = ms <= BUDGET_MS && ms <= BUDGET_RATIO * raw;
    if (!pass) misses += 1;
    console.log(
      `${pad(name, 32)} ${`${ms.toFixed(1)} ms`.padStart(10)} ${(ms / raw).toFixed(3).padStart(7)} ${(ref === null ? '-' : `${ref.toFixed(0)} ms`).padStart(10)}  ${pass ? 'PASS' : 'MISS'}${answered ? '' : ' (scan fallback)'}`,
    );
  }
  console.log(`\n${views.length - misses} of ${views.length} views within the targets.`);
  close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
