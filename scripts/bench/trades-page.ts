import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../electron/main/services/db/migrations-folder';
import { createTradesQuery } from '../../electron/main/services/journal/trades-query';
import { tradeFilterSql } from '../../electron/main/services/journal/trade-filter-sql';
import { cursorOf, type TradeCursor, type TradeFilter, type TradeSort } from '../../shared/domain/trade';
import { seedJournalFile } from '../seed/seed-file';

/**
 * Times the Trades page's query (the real createTradesQuery) on a million-trade journal:
 * filtered pages of 100 rows, first and deep pages, median and p95 over repeats.
 * The journal is seeded once with the demo generator and cached in .bench-cache/.
 */

const TARGET_MS = 25;
const CACHE_DIR = resolve('.bench-cache');
const TRADES = 1_000_000;
const SEED = 42;
// A fixed "now" keeps the cached journal identical from run to run and machine to machine.
const NOW = Date.UTC(2025, 5, 30, 12, 0, 0);

interface CacheMeta {
  trades: number;
  seed: number;
  now: number;
  migrations: string[];
}

/** One hash per migration file: a changed or added migration means a stale cache. */
function migrationTags(): string[] {
  const journal = JSON.parse(readFileSync(join(SOURCE_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => {
    const sql = readFileSync(join(SOURCE_MIGRATIONS_FOLDER, `${e.tag}.sql`));
    return `${e.tag}:${createHash('sha256').update(sql).digest('hex').slice(0, 16)}`;
  });
}

/** Reuses the cached journal when it was seeded with the same inputs and schema. */
function ensureJournal(dbPath: string, metaPath: string, reseed: boolean): void {
  const wanted: CacheMeta = { trades: TRADES, seed: SEED, now: NOW, migrations: migrationTags() };
  if (!reseed && existsSync(dbPath) && existsSync(metaPath)) {
    if (readFileSync(metaPath, 'utf8') === JSON.stringify(wanted)) {
      console.log(`Reusing ${dbPath} (${TRADES.toLocaleString('en-US')} trades, seed ${SEED}).`);
      return;
    }
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  console.log(`Seeding ${TRADES.toLocaleString('en-US')} trades into ${dbPath} ...`);
  const result = seedJournalFile(dbPath, { trades: TRADES, seed: SEED, now: NOW, force: true });
  console.log(
    `Seeded ${result.trades.toLocaleString('en-US')} trades, ${result.tagLinks.toLocaleString('en-US')} tag links in ${result.durationMs} ms ` +
      `(${(result.fileBytes / 1048576).toFixed(0)} MiB).`,
  );
  writeFileSync(metaPath, JSON.stringify(wanted));
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      repeats: { type: 'string', default: '25' },
      reseed: { type: 'boolean', default: false },
      plan: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error('--repeats must be a positive whole number');

  const dbPath = join(CACHE_DIR, 'trades-1m.db');
  ensureJournal(dbPath, join(CACHE_DIR, 'trades-1m.json'), values.reseed ?? false);

  const handle = openDb(dbPath, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
  const { sqlite } = handle;
  const query = createTradesQuery(sqlite);
  const idOf = (sql: string, name: string) => {
    const id = sqlite.prepare(sql).pluck().get(name) as number | undefined;
    if (id === undefined) throw new Error(`The benchmark journal has no "${name}"; rerun with --reseed.`);
    return id;
  };
  const futures = idOf('SELECT id FROM accounts WHERE name = ?', 'Futures Day Trading');
  const london = idOf('SELECT id FROM accounts WHERE name = ?', 'London FX & Index');
  const es = idOf('SELECT id FROM instruments WHERE symbol = ?', 'ES');
  const nvda = idOf('SELECT id FROM instruments WHERE symbol = ?', 'NVDA');
  const fomo = idOf('SELECT id FROM tags WHERE name = ?', 'FOMO');
  const aPlus = idOf('SELECT id FROM tags WHERE name = ?', 'A+ setup');
  const lastDay = sqlite.prepare('SELECT MAX(close_day) FROM trades').pluck().get() as string;
  const daysBefore = (n: number) => new Date(Date.parse(`${lastDay}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  const recent: TradeSort = { key: 'closedAt', dir: 'desc' };
  const cases: { name: string; filter: TradeFilter; sort: TradeSort; offset: number }[] = [
    { name: 'no filter, newest first', filter: {}, sort: recent, offset: 0 },
    { name: 'no filter, deep page (row 50,000)', filter: {}, sort: recent, offset: 50_000 },
    { name: 'last 30 days', filter: { dateFrom: daysBefore(30), dateTo: lastDay }, sort: recent, offset: 0 },
    { name: 'one year, oldest first', filter: { dateFrom: daysBefore(365), dateTo: lastDay }, sort: { key: 'closedAt', dir: 'asc' }, offset: 0 },
    { name: 'one account', filter: { accountIds: [futures] }, sort: recent, offset: 0 },
    { name: 'one account, deep page (row 20,000)', filter: { accountIds: [futures] }, sort: recent, offset: 20_000 },
    { name: 'one account + 90 days', filter: { accountIds: [london], dateFrom: daysBefore(90), dateTo: lastDay }, sort: recent, offset: 0 },
    { name: 'instrument ES', filter: { instrumentIds: [es] }, sort: recent, offset: 0 },
    { name: 'instrument NVDA, deep page (row 5,000)', filter: { instrumentIds: [nvda] }, sort: recent, offset: 5_000 },
    { name: 'tag FOMO', filter: { tagIds: [fomo] }, sort: recent, offset: 0 },
    { name: 'tag A+ setup, deep page (row 10,000)', filter: { tagIds: [aPlus] }, sort: recent, offset: 10_000 },
    { name: 'short trades', filter: { direction: 'short' }, sort: recent, offset: 0 },
    { name: 'open trades', filter: { status: 'open' }, sort: recent, offset: 0 },
    {
      name: 'account + ES + short + 1 year',
      filter: { accountIds: [futures], instrumentIds: [es], direction: 'short', dateFrom: daysBefore(365), dateTo: lastDay },
      sort: recent,
      offset: 0,
    },
    { name: 'account + tag FOMO + 1 year', filter: { accountIds: [futures], tagIds: [fomo], dateFrom: daysBefore(365) }, sort: recent, offset: 0 },
    { name: 'one account, by net P&L', filter: { accountIds: [futures] }, sort: { key: 'netPnl', dir: 'desc' }, offset: 0 },
    { name: 'last 30 days, by symbol', filter: { dateFrom: daysBefore(30) }, sort: { key: 'symbol', dir: 'asc' }, offset: 0 },
    { name: 'no filter, by net P&L', filter: {}, sort: { key: 'netPnl', dir: 'desc' }, offset: 0 },
  ];

  console.log(
    `\nPage of 100 rows via createTradesQuery().list(), ${repeats} timed runs each after 2 warm-ups. Target: <= ${TARGET_MS} ms.\n` +
      'Deep pages are reached as the Trades page scrolls to them: keyset, after the previous page\'s last row.\n' +
      'cold = first request for a filter (fresh query object: total, plan and page); warm = next request for the same\n' +
      'filter (total cached until the database changes).\n',
  );
  const header = `${'case'.padEnd(42)} ${'total'.padStart(9)}  ${'cold p50'.padStart(9)} ${'cold p95'.padStart(9)}  ${'warm p50'.padStart(9)} ${'warm p95'.padStart(9)}`;
  console.log(header);
  console.log('-'.repeat(header.length + 6));
  const ms = (v: number) => `${v.toFixed(2)}ms`.padStart(9);
  let misses = 0;
  for (const c of cases) {
    const time = (run: () => number) => {
      for (let i = 0; i < 2; i++) run();
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const started = performance.now();
        run();
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b);
    };
    // The row before the page, as the page before it delivered it (not timed).
    let after: TradeCursor | undefined;
    if (c.offset > 0) {
      const previous = query.list(c.filter, c.sort, c.offset - 1, 1).rows[0];
      if (!previous) throw new Error(`${c.name}: no row at ${c.offset - 1}`);
      after = cursorOf(previous, c.sort.key);
    }
    const cold = time(() => createTradesQuery(sqlite).list(c.filter, c.sort, c.offset, 100, after).total);
    const warm = time(() => query.list(c.filter, c.sort, c.offset, 100, after).total);
    const check = query.list(c.filter, c.sort, c.offset, 100, after);
    const total = check.total;
    if (after) {
      // Keyset and OFFSET must deliver the same page.
      const same = query.list(c.filter, c.sort, c.offset, 100).rows.map((r) => r.id).join();
      if (same !== check.rows.map((r) => r.id).join()) throw new Error(`${c.name}: the keyset page differs from the OFFSET page`);
    }
    const miss = percentile(cold, 95) > TARGET_MS;
    if (miss) misses++;
    console.log(
      `${c.name.padEnd(42)} ${total.toLocaleString('en-US').padStart(9)}  ${ms(percentile(cold, 50))} ${ms(percentile(cold, 95))}  ${ms(percentile(warm, 50))} ${ms(percentile(warm, 95))}${miss ? '  MISS' : ''}`,
    );
    if (values.plan) {
      const { where, params } = tradeFilterSql(c.filter);
      const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT t.id FROM trades t WHERE ${where}`).all(...params) as { detail: string }[];
      console.log(`    count plan: ${plan.map((p) => p.detail).join(' | ')}`);
    }
  }
  console.log(`\n${misses === 0 ? `PASS: all ${cases.length} cases at most ${TARGET_MS} ms at cold p95.` : `MISS: ${misses} of ${cases.length} cases over ${TARGET_MS} ms at cold p95.`}`);

  // Jumps (the scrollbar dragged far away) still skip rows with OFFSET: timed for reference.
  console.log('\nJumps with OFFSET (no previous page at hand), for reference:');
  for (const c of cases.filter((k) => k.offset > 0)) {
    const times: number[] = [];
    for (let i = 0; i < Math.min(repeats, 10); i++) {
      const started = performance.now();
      createTradesQuery(sqlite).list(c.filter, c.sort, c.offset, 100);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`${c.name.padEnd(42)} cold p50 ${ms(percentile(times, 50))} p95 ${ms(percentile(times, 95))}`);
  }
  handle.close();
}

main();
