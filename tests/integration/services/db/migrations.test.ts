import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { expectFilterCountsExact } from '../../../helpers/filter-counts';
import { expectDayFactsExact } from '../../../helpers/day-facts';

const EXPECTED_TABLES = [
  'accounts',
  'daily_equity',
  'equity_discrepancies',
  'equity_validation_runs',
  'export_job_performance',
  'export_jobs',
  'goals',
  'import_batches',
  'instruments',
  'prop_evaluations',
  'settings',
  'tags',
  'trade_filter_counts',
  'trade_tag_filter_counts',
  'trade_tags',
  'trades',
];

describe('database migrations', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-db-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the whole data model from an empty file with WAL and foreign keys on', () => {
    const handle = openDb(join(tempDir(), 'j.db'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    const tables = (
      handle.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
        .all() as { name: string }[]
    ).map((t) => t.name);
    for (const table of EXPECTED_TABLES) expect(tables).toContain(table);
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    handle.close();
  });

  it('stores money as integers and enforces foreign keys', () => {
    const handle = openDb(join(tempDir(), 'j.db'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    const columns = handle.sqlite.prepare("SELECT name, type FROM pragma_table_info('trades')").all() as {
      name: string;
      type: string;
    }[];
    for (const money of ['gross_pnl_cents', 'fees_cents', 'net_pnl_cents', 'opened_at', 'closed_at']) {
      expect(columns.find((c) => c.name === money)?.type.toLowerCase()).toBe('integer');
    }
    expect(() =>
      handle.sqlite
        .prepare(
          "INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, qty, entry_price) VALUES (999, 999, 'long', 'open', 0, 1, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    handle.close();
  });

  it('is idempotent on re-open and backs up an existing journal before pending migrations', () => {
    const dir = tempDir();
    const path = join(dir, 'j.db');
    const first = openDb(path, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    first.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Main')").run();
    // Pretend the last migration has not been applied yet, as after an app upgrade.
    first.sqlite.prepare('DELETE FROM __drizzle_migrations').run();
    first.close();
    expect(() =>
      openDb(path, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => Date.UTC(2026, 0, 2) }),
    ).toThrow();
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toEqual(['j-pre-migration-2026-01-02T00-00-00-000Z.db']);
    const backup = openDb(join(dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.sqlite.prepare('SELECT name FROM accounts').all()).toEqual([{ name: 'Main' }]);
    backup.close();
  });

  /** The migrations as they stood up to `lastTag`, so that a journal can be written by an old schema. */
  const migrationsUpTo = (dir: string, lastTag: string) => {
    const before = join(dir, `migrations-${lastTag}`);
    cpSync(SOURCE_MIGRATIONS_FOLDER, before, { recursive: true });
    const journalPath = join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const last = journal.entries.findIndex((e) => e.tag === lastTag);
    expect(last).toBeGreaterThanOrEqual(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
    return before;
  };

  it('fills trade_tag_filter_counts from the tagged trades of a journal written before it existed', () => {
    const dir = tempDir();
    const before = migrationsUpTo(dir, '0003_trades_page_indexes');

    const path = join(dir, 'j.db');
    const old = openDb(path, { migrationsFolder: before });
    const { sqlite } = old;
    expect(sqlite.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'trade_tag_filter_counts'").pluck().get()).toBe(0);
    const account = Number(sqlite.prepare("INSERT INTO accounts (name) VALUES ('Main')").run().lastInsertRowid);
    const instrument = Number(sqlite.prepare("INSERT INTO instruments (symbol, asset_class) VALUES ('ES', 'future')").run().lastInsertRowid);
    const trade = sqlite.prepare(
      `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty, entry_price)
       VALUES (?, ?, ?, ?, 0, ?, ?, 1, 1)`,
    );
    const ids = [
      trade.run(account, instrument, 'long', 'closed', 1, '2025-01-02').lastInsertRowid,
      trade.run(account, instrument, 'long', 'closed', 1, '2025-01-02').lastInsertRowid,
      trade.run(account, instrument, 'short', 'open', null, null).lastInsertRowid,
    ].map(Number);
    const tag = (name: string) => Number(sqlite.prepare('INSERT INTO tags (name) VALUES (?)').run(name).lastInsertRowid);
    const [fomo, late] = [tag('FOMO'), tag('late')];
    const link = sqlite.prepare('INSERT INTO trade_tags (trade_id, tag_id) VALUES (?, ?)');
    for (const id of ids) link.run(id, fomo);
    link.run(ids[2], late);
    old.close();

    const current = openDb(path, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    expect(
      current.sqlite.prepare('SELECT tag_id, close_day, direction, status, trades FROM trade_tag_filter_counts ORDER BY 1, 2').raw(true).all(),
    ).toEqual([
      [fomo, null, 'short', 'open', 1],
      [fomo, '2025-01-02', 'long', 'closed', 2],
      [late, null, 'short', 'open', 1],
    ]);
    expectFilterCountsExact(current.sqlite);
    expectDayFactsExact(current.sqlite);
    // And the triggers keep it so from here on.
    current.sqlite.prepare('DELETE FROM trades WHERE id = ?').run(ids[2]);
    expectFilterCountsExact(current.sqlite);
    expectDayFactsExact(current.sqlite);
    current.close();
  });

  it('holds net = gross - fees on every trade: brings an old journal in line, then refuses a row that breaks it', () => {
    const dir = tempDir();
    const path = join(dir, 'j.db');
    const old = openDb(path, { migrationsFolder: migrationsUpTo(dir, '0006_equity_cover_net_first') });
    const account = Number(old.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Main')").run().lastInsertRowid);
    const instrument = Number(old.sqlite.prepare("INSERT INTO instruments (symbol, asset_class) VALUES ('ES', 'future')").run().lastInsertRowid);
    const insert = (db: typeof old.sqlite, status: string, gross: number, fees: number, net: number) =>
      Number(
        db
          .prepare(
            `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty, entry_price,
               gross_pnl_cents, fees_cents, net_pnl_cents)
             VALUES (?, ?, 'long', ?, 0, 1, '2025-01-02', 1, 1, ?, ?, ?)`,
          )
          .run(account, instrument, status, gross, fees, net).lastInsertRowid,
      );
    const consistent = insert(old.sqlite, 'closed', 5_000, 250, 4_750);
    const openWithFees = insert(old.sqlite, 'open', 0, 120, -120);
    // Only a hand edit of the file could write this: the old schema let it through.
    const edited = insert(old.sqlite, 'closed', 3_000, 100, 9_999);
    old.close();

    const { sqlite, close } = openDb(path, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    const pnl = (id: number) => sqlite.prepare('SELECT gross_pnl_cents, fees_cents, net_pnl_cents FROM trades WHERE id = ?').raw(true).get(id);
    expect(pnl(consistent)).toEqual([5_000, 250, 4_750]);
    expect(pnl(openWithFees)).toEqual([0, 120, -120]);
    expect(pnl(edited)).toEqual([3_000, 100, 2_900]);
    // The original stays in the copy taken before the migration.
    const [backup] = readdirSync(join(dir, 'backups'));
    const copy = openDb(join(dir, 'backups', backup!), { readonly: true });
    expect(copy.sqlite.prepare('SELECT net_pnl_cents FROM trades WHERE id = ?').pluck().get(edited)).toBe(9_999);
    copy.close();

    const rule = /net_pnl_cents must equal gross_pnl_cents - fees_cents/;
    expect(() => insert(sqlite, 'closed', 1_000, 10, 1_000)).toThrow(rule);
    expect(() => sqlite.prepare('UPDATE trades SET gross_pnl_cents = 6_000 WHERE id = ?').run(consistent)).toThrow(rule);
    expect(() => sqlite.prepare('UPDATE trades SET fees_cents = NULL WHERE id = ?').run(consistent)).toThrow();
    expect(pnl(consistent)).toEqual([5_000, 250, 4_750]);
    // Writes that keep the rule go through, as every write path of the app does.
    expect(sqlite.prepare('UPDATE trades SET gross_pnl_cents = 6_000, net_pnl_cents = 5_750 WHERE id = ?').run(consistent).changes).toBe(1);
    expect(insert(sqlite, 'closed', -1_000, 10, -1_010)).toBeGreaterThan(0);
    expect(sqlite.prepare('SELECT COUNT(*) FROM trades WHERE net_pnl_cents IS NOT gross_pnl_cents - fees_cents').pluck().get()).toBe(0);
    close();
  });

  it('0010 reads quote currencies from symbols and flags trades that were booked unconverted', () => {
    const dir = tempDir();
    const path = join(dir, 'j.db');
    const old = openDb(path, { migrationsFolder: migrationsUpTo(dir, '0007_net_is_gross_minus_fees') });
    const account = Number(old.sqlite.prepare("INSERT INTO accounts (name, currency) VALUES ('Main', 'USD')").run().lastInsertRowid);
    const instrument = (symbol: string, cls: string, multiplier: number) =>
      Number(old.sqlite.prepare('INSERT INTO instruments (symbol, asset_class, multiplier) VALUES (?, ?, ?)').run(symbol, cls, multiplier).lastInsertRowid);
    const usdjpy = instrument('USDJPY', 'fx', 1);
    const vod = instrument('VOD.L', 'stock', 1);
    const es = instrument('ES', 'future', 50);
    const trade = (inst: number, entry: number, exit: number, qty: number, gross: number, batch: number | null) =>
      Number(
        old.sqlite
          .prepare(
            `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty, entry_price, exit_price,
               gross_pnl_cents, fees_cents, net_pnl_cents, import_batch_id)
             VALUES (?, ?, 'long', 'closed', 0, 1, '1970-01-01', ?, ?, ?, ?, 0, ?, ?)`,
          )
          .run(account, inst, qty, entry, exit, gross, gross, batch).lastInsertRowid,
      );
    const batch = Number(old.sqlite.prepare("INSERT INTO import_batches (account_id, source_name, preset, file_sha256) VALUES (?, 'f', 'p', 'x')").run(account).lastInsertRowid);
    // +¥100,000 booked as +$100,000 (the bug); 100 VOD shares +12.5p booked as +£1,250; ES +10 points from prices;
    // ES with the broker's own $498 (not what its prices give).
    const yen = trade(usdjpy, 150, 151, 100_000, 10_000_000, null);
    const pence = trade(vod, 250, 262.5, 100, 125_000, null);
    const priced = trade(es, 6000, 6010, 1, 50_000, batch);
    const broker = trade(es, 6000, 6010, 1, 49_800, batch);
    old.close();

    const { sqlite, close } = openDb(path, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    expect(sqlite.prepare('SELECT symbol, currency FROM instruments ORDER BY id').raw(true).all()).toEqual([['USDJPY', 'JPY'], ['VOD.L', 'GBp'], ['ES', 'USD']]);
    const row = (id: number) =>
      sqlite.prepare('SELECT status, pnl_currency, quote_gross_pnl_cents, gross_pnl_cents, fx_rate, fx_rate_source, pnl_source FROM trades WHERE id = ?').raw(true).get(id);
    expect(row(yen)).toEqual(['needs_rate', 'JPY', 10_000_000, 0, null, null, 'prices']);
    expect(row(pence)).toEqual(['needs_rate', 'GBP', 1_250, 0, null, null, 'prices']);
    expect(row(priced)).toEqual(['closed', 'USD', 50_000, 50_000, 1, 'same-currency', 'prices']);
    expect(row(broker)).toEqual(['closed', 'USD', 49_800, 49_800, 1, 'same-currency', 'broker']);
    close();
  });

  it('lets the tables the count triggers read be renamed (and renamed back), the counts still exact after', () => {
    const handle = openDb(join(tempDir(), 'j.db'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    const { sqlite } = handle;
    // SQLite re-parses every trigger on a rename; some trigger forms (an aliased UPDATE
    // target) fail that even though they run fine.
    for (const [table, column] of [['trades', 'close_day'], ['trade_tags', 'tag_id'], ['trade_tag_filter_counts', 'trades']] as const) {
      sqlite.exec(`ALTER TABLE ${table} RENAME TO ${table}_renamed; ALTER TABLE ${table}_renamed RENAME TO ${table}`);
      sqlite.exec(`ALTER TABLE ${table} RENAME COLUMN ${column} TO renamed; ALTER TABLE ${table} RENAME COLUMN renamed TO ${column}`);
    }
    const account = Number(sqlite.prepare("INSERT INTO accounts (name) VALUES ('Main')").run().lastInsertRowid);
    const instrument = Number(sqlite.prepare("INSERT INTO instruments (symbol, asset_class) VALUES ('ES', 'future')").run().lastInsertRowid);
    const trade = Number(
      sqlite
        .prepare(`INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, qty, entry_price) VALUES (?, ?, 'long', 'open', 0, 1, 1)`)
        .run(account, instrument).lastInsertRowid,
    );
    const tag = Number(sqlite.prepare("INSERT INTO tags (name) VALUES ('FOMO')").run().lastInsertRowid);
    sqlite.prepare('INSERT INTO trade_tags (trade_id, tag_id) VALUES (?, ?)').run(trade, tag);
    sqlite.prepare("UPDATE trades SET status = 'closed', close_day = '2025-01-02' WHERE id = ?").run(trade);
    expect(sqlite.prepare('SELECT close_day, trades FROM trade_tag_filter_counts').raw(true).all()).toEqual([['2025-01-02', 1]]);
    expectFilterCountsExact(sqlite);
    expectDayFactsExact(sqlite);
    handle.close();
  });

  it('re-opening a current journal applies nothing and takes no backup', () => {
    const dir = tempDir();
    const path = join(dir, 'j.db');
    openDb(path, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER }).close();
    const again = openDb(path, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    again.close();
    expect(() => readdirSync(join(dir, 'backups'))).toThrow(/ENOENT/);
  });
});
