import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_MMAP_BYTES, openDb, type Sqlite } from '../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../electron/main/services/db/migrations-folder';
import { validateAndRecord } from '../../electron/main/services/equity/validation-run';
import { createEquityValidator, sourceValidationWorker, type EquityValidator, type ValidationTimings } from '../../electron/main/services/equity/validation-threads';
import { createMemoryLogger } from '../../electron/main/services/logging';
import { rebuildDailyEquity } from '../../electron/main/services/equity/rebuild';
import { refreshAccountEquity } from '../../electron/main/services/equity/maintain';
import { computeSummary } from '../../electron/main/services/analytics/summary';
import { scanFactsSource } from '../../electron/main/services/analytics/facts-source';
import { seedJournalFile } from '../seed/seed-file';

/**
 * Equity validation of a million seeded trades against one raw scan of the trades table,
 * timed in the same process, alternating, after one warm-up each. The raw scans run on the
 * main connection; validation runs the way the app runs it (its worker_threads, each with its
 * own connection, the run persisted on the main connection), and on one thread for reference.
 * The journal is the demo generator's (same trades, seed and now as the trades-page bench),
 * cached in .bench-cache/equity-1m.db and re-seeded when the migrations change.
 *
 *   npm run bench:equity [-- --repeats 5 --reseed]
 */

const CACHE_DIR = resolve('.bench-cache');
const TRADES = 1_000_000;
const SEED = 42;
const NOW = Date.UTC(2025, 5, 30, 12, 0, 0);

function migrationTags(): string[] {
  const journal = JSON.parse(readFileSync(join(SOURCE_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
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

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;

/**
 * Raw scans of the trades table, cheapest first. (1) reads one column of every row: the floor
 * for any pass over the table, on the app's main connection. (1m) is the same scan on a
 * read-only connection with the file mapped, as the validation threads read: the fair floor
 * for their settings. (2) reads every row to its last column inside SQLite. (3) steps every
 * row, every column, into JavaScript: what a per-trade loop would pay.
 */
const RAW_SCAN_MIN_SQL = 'SELECT COUNT(*) AS n, SUM(net_pnl_cents) AS net FROM trades NOT INDEXED';
const RAW_SCAN_FULL_SQL = 'SELECT COUNT(*) AS n, MAX(updated_at) AS last FROM trades NOT INDEXED';
const RAW_SCAN_JS_SQL = 'SELECT * FROM trades';

function plan(sqlite: Sqlite, sql: string): string {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
    .map((r) => r.detail)
    .filter((d) => /trades|t USING|TEMP/.test(d) && !/CO-ROUTINE/.test(d))
    .join('; ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { repeats: { type: 'string', default: '5' }, reseed: { type: 'boolean', default: false } },
    strict: true,
  });
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error('--repeats must be a positive whole number');

  const dbPath = join(CACHE_DIR, 'equity-1m.db');
  ensureJournal(dbPath, join(CACHE_DIR, 'equity-1m.json'), values.reseed ?? false);
  const { sqlite, close } = openDb(dbPath, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
  const logger = createMemoryLogger();
  // The app's validator (its default thread plan), and the same work on one thread for reference.
  const validator = createEquityValidator({ sqlite, dbPath, entry: sourceValidationWorker(), logger });
  const oneThread = createEquityValidator({ sqlite, dbPath, entry: sourceValidationWorker(), logger, plan: { parts: 1 } });
  // The raw scan also the way the validation threads read: a read-only connection with the file mapped.
  const mapped = openDb(dbPath, { readonly: true }).sqlite;
  mapped.pragma(`mmap_size = ${MAX_MMAP_BYTES}`);
  try {
    const counts = sqlite
      .prepare(`SELECT (SELECT COUNT(*) FROM trades) AS trades, (SELECT COUNT(*) FROM trades WHERE status = 'closed') AS closed,
                (SELECT COUNT(*) FROM daily_equity) AS days, (SELECT COUNT(*) FROM accounts) AS accounts`)
      .get() as { trades: number; closed: number; days: number; accounts: number };
    console.log(
      `Journal: ${counts.trades.toLocaleString('en-US')} trades (${counts.closed.toLocaleString('en-US')} closed), ` +
        `${counts.accounts} accounts, ${counts.days.toLocaleString('en-US')} account-days in daily_equity.`,
    );
    console.log(`Raw scan plan:   ${plan(sqlite, RAW_SCAN_MIN_SQL)}`);
    const ranges = validator.plan(null);
    console.log(`Validation: ${ranges.length} thread(s) over account-day ranges ${ranges.map((r) => `[${key(r.from)}, ${key(r.to)})`).join(' ')}`);

    const now = () => Date.now();
    const scanMin = () => sqlite.prepare(RAW_SCAN_MIN_SQL).get();
    const scanMapped = () => mapped.prepare(RAW_SCAN_MIN_SQL).get();
    const scanFull = () => sqlite.prepare(RAW_SCAN_FULL_SQL).get();
    const scanJs = () => {
      let n = 0;
      for (const _row of sqlite.prepare(RAW_SCAN_JS_SQL).raw().iterate()) n += 1;
      return n;
    };
    const validateWith = (v: EquityValidator) => async () => {
      const { run, timings } = await validateAndRecord({ sqlite, validator: v, now }, 'manual', null);
      if (v === validator) stages.push(timings);
      return run;
    };
    const stages: ValidationTimings[] = [];
    const validate = validateWith(validator);
    const validateOneThread = validateWith(oneThread);
    // Warm the page cache (and start the threads) for every contender before timing.
    scanMin();
    scanMapped();
    scanFull();
    await validate();
    await validateOneThread();
    const times = { min: [] as number[], mapped: [] as number[], full: [] as number[], js: [] as number[], validation: [] as number[], oneThread: [] as number[] };
    let last = await validate();
    for (let i = 0; i < repeats; i += 1) {
      times.min.push(time(scanMin).ms);
      times.mapped.push(time(scanMapped).ms);
      times.full.push(time(scanFull).ms);
      const v = await timeAsync(validate);
      times.validation.push(v.ms);
      last = v.value;
      times.oneThread.push((await timeAsync(validateOneThread)).ms);
      if (i < 2) times.js.push(time(scanJs).ms);
    }
    const row = (label: string, xs: number[]) =>
      console.log(`${label.padEnd(64)}${fmt(median(xs))}   [${xs.map((m) => m.toFixed(0)).join(', ')}]`);
    console.log('');
    console.log(`Medians (ms), alternating runs in one process; ${repeats} repeats (${times.js.length} for the JS scan):`);
    row('Raw scan (1): one column of every row (COUNT + SUM, in SQLite)', times.min);
    row('Raw scan (1m): the same on a mapped read-only connection', times.mapped);
    row('Raw scan (2): every row read to its last column (in SQLite)', times.full);
    row('Raw scan (3): every row and column stepped into JavaScript', times.js);
    row(`Equity validation: recompute + compare + persist (${ranges.length} threads)`, times.validation);
    row('  the same validation on one thread', times.oneThread);
    const timed = stages.slice(-repeats);
    console.log(
      `  stages (medians): per-thread snapshot, sums and stored rows ${median(timed.map((t) => Math.max(...t.readMs)))} ms (slowest thread), ` +
        `comparison (main thread) ${median(timed.map((t) => t.compareMs))} ms, whole call ${median(timed.map((t) => t.wallMs))} ms`,
    );
    console.log(
      `Validation result: ${last.status}, ${last.daysChecked.toLocaleString('en-US')} account-days checked, ${last.discrepancyCount} discrepancies.`,
    );
    for (const [label, xs] of [['(1)', times.min], ['(1m)', times.mapped], ['(2)', times.full], ['(3)', times.js]] as const) {
      const ratio = median(times.validation) / median(xs);
      // Each repeat times the scan and the validation back to back: a pair shares the host's load of the moment.
      const pairs = xs.length === repeats ? `; no longer in ${xs.filter((scan, i) => times.validation[i]! <= scan).length} of ${repeats} back-to-back pairs` : '';
      console.log(`Validation / raw scan ${label} = ${ratio.toFixed(2)} -> ${ratio <= 1 ? 'no longer than the scan' : 'LONGER than the scan'}${pairs}`);
    }
    console.log('');
    console.log('For reference (not part of the target):');
    const groupNoIndex = `SELECT t.account_id, t.close_day, SUM(t.gross_pnl_cents), SUM(t.fees_cents), SUM(t.net_pnl_cents), COUNT(*)
      FROM trades t NOT INDEXED WHERE t.status = 'closed' AND t.close_day IS NOT NULL GROUP BY t.account_id, t.close_day`;
    console.log(`  per-day GROUP BY without the covering index: ${fmt(median([0, 1, 2].map(() => time(() => sqlite.prepare(groupNoIndex).all()).ms)))}`);
    const lastDay = sqlite.prepare('SELECT account_id AS a, MAX(day) AS d FROM daily_equity GROUP BY account_id ORDER BY 2 DESC LIMIT 1').get() as { a: number; d: string };
    const refresh = time(() => sqlite.transaction(() => refreshAccountEquity(sqlite, lastDay.a, lastDay.d))());
    console.log(`  refreshAccountEquity for a trade write on the latest day (account ${lastDay.a}, ${lastDay.d}): ${fmt(refresh.ms)}`);
    const fullAccount = time(() => sqlite.transaction(() => refreshAccountEquity(sqlite, lastDay.a))());
    console.log(`  refreshAccountEquity of that whole account (${fullAccount.value.days} days): ${fmt(fullAccount.ms)}`);
    const rebuild = time(() => rebuildDailyEquity(sqlite));
    console.log(`  full rebuild of daily_equity (${rebuild.value.days.toLocaleString('en-US')} days): ${fmt(rebuild.ms)}`);
    console.log(`  analytics summary over every trade: ${fmt(time(() => computeSummary(sqlite, scanFactsSource(sqlite), {})).ms)}`);
    const after = await validate();
    console.log(`  validation after rebuild: ${after.status}, ${after.discrepancyCount} discrepancies`);
  } finally {
    await validator.close();
    await oneThread.close();
    mapped.close();
    close();
  }
}

const key = (k: { accountId: number; day: string | null } | null) => (k === null ? '…' : `${k.accountId}/${k.day ?? 'start'}`);

await main();
