import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { TRADE_EXPORT_COLUMNS } from '../../../../shared/domain/export-columns';
import { SPARK_TRADES_PRESET_ID } from '../../../../shared/domain/import-presets';
import { equityInStep } from './journal-state';
import { expectFilterCountsExact } from '../../../helpers/filter-counts';
import { expectDayFactsExact } from '../../../helpers/day-facts';

/** A Spark Journal export of `rows` closed trades over two accounts. */
function writeExport(path: string, rows: number, firstId = 1): void {
  const lines = [TRADE_EXPORT_COLUMNS.map((c) => c.header.includes(',') ? `"${c.header}"` : c.header).join(',')];
  for (let i = 0; i < rows; i++) {
    const opened = Date.UTC(2025, 0, 2, 14, 30) + i * 3_600_000;
    const gross = ((i * 7919) % 20_001) - 9_000;
    const fees = 100 + (i % 5) * 25;
    lines.push(
      [firstId + i, i % 3 ? 'Main' : 'Prop', '', 'USD', ['ESZ5', 'AAPL', 'EURUSD'][i % 3], '', i % 2 ? 'short' : 'long', 'closed',
        new Date(opened).toISOString(), new Date(opened + 600_000).toISOString(), '', 1 + (i % 3), 100 + (i % 50), 101 + (i % 40), '', '',
        (gross / 100).toFixed(2), (fees / 100).toFixed(2), ((gross - fees) / 100).toFixed(2), '', '', i % 4 ? 'a; b' : '', `n${i}`, ''].join(','),
    );
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
}

describe('bulk imports (deferred indexes and filter-count triggers)', () => {
  let ctx: TestServices;
  beforeEach(() => {
    ctx = createTestServices();
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  const run = (path: string) =>
    ctx.services.imports.run({
      path, presetId: SPARK_TRADES_PRESET_ID, onError: 'abort', instruments: {},
      newAccounts: { currency: 'USD', timezone: 'America/New_York' }, dryRun: false,
    });
  const schema = () => ctx.services.db.sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all();
  const countsExact = (label: string) => {
    expectFilterCountsExact(ctx.services.db.sqlite, label);
    expectDayFactsExact(ctx.services.db.sqlite, label);
  };
  const tagCountRows = () => ctx.services.db.sqlite.prepare('SELECT COUNT(*) FROM trade_tag_filter_counts').pluck().get() as number;

  it('leaves the same indexes, triggers, filter counts and equity as row-by-row writes would', async () => {
    const before = schema();
    const first = join(ctx.dir, 'first.csv');
    writeExport(first, 6_000);
    expect(await run(first)).toMatchObject({ status: 'committed', tradesCreated: 6_000 });
    expect(schema()).toEqual(before);
    countsExact('first bulk import');
    expect(tagCountRows()).toBeGreaterThan(0);
    expect(equityInStep(ctx.services.db.sqlite).stored).toEqual(equityInStep(ctx.services.db.sqlite).expected);
    expect(ctx.services.db.sqlite.prepare('SELECT COUNT(*) AS n FROM trade_tags').get()).toEqual({ n: 9_000 });

    // Nothing new: no bulk work at all.
    expect(await run(first)).toMatchObject({ status: 'nothing_new', duplicateRows: 6_000 });

    // A second bulk import, smaller than the journal: triggers deferred, indexes kept.
    const second = join(ctx.dir, 'second.csv');
    writeExport(second, 5_500, 10_001);
    expect(await run(second)).toMatchObject({ status: 'committed', tradesCreated: 5_500 });
    expect(schema()).toEqual(before);
    countsExact('second bulk import');
    expect(equityInStep(ctx.services.db.sqlite).stored).toEqual(equityInStep(ctx.services.db.sqlite).expected);
    // The unique (account, external id) index is back and enforcing.
    const sample = ctx.services.db.sqlite.prepare('SELECT account_id, external_id FROM trades LIMIT 1').get() as { account_id: number; external_id: string };
    expect(() =>
      ctx.services.db.sqlite
        .prepare(`INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, qty, entry_price, external_id) VALUES (?, 1, 'long', 'open', 0, 1, 1, ?)`)
        .run(sample.account_id, sample.external_id),
    ).toThrow(/UNIQUE/);
  });

  it('keeps both filter-count tables exact through a small import (row by row), a bulk one and undoing each', async () => {
    const small = join(ctx.dir, 'small.csv');
    writeExport(small, 300);
    const first = await run(small);
    expect(first).toMatchObject({ status: 'committed', tradesCreated: 300 });
    countsExact('small import');
    const big = join(ctx.dir, 'big.csv');
    writeExport(big, 5_000, 1_001);
    const second = await run(big);
    expect(second).toMatchObject({ status: 'committed', tradesCreated: 5_000 });
    countsExact('bulk import');
    // The Trades page's one-tag total (from the tag counts) against a plain count.
    const sqlite = ctx.services.db.sqlite;
    const tag = sqlite.prepare("SELECT id FROM tags WHERE name = 'a'").pluck().get() as number;
    const account = sqlite.prepare("SELECT id FROM accounts WHERE name = 'Main'").pluck().get() as number;
    const plain = sqlite
      .prepare(
        `SELECT COUNT(*) FROM trades t JOIN trade_tags tt ON tt.trade_id = t.id
         WHERE tt.tag_id = ? AND t.account_id = ? AND t.direction = 'short'`,
      )
      .pluck()
      .get(tag, account) as number;
    expect(plain).toBeGreaterThan(0);
    expect(ctx.services.trades.list({ tagIds: [tag], accountIds: [account], direction: 'short' }, { key: 'closedAt', dir: 'desc' }, 0, 10).total).toBe(plain);

    for (const batchId of second.batchIds) ctx.services.imports.undo(batchId);
    countsExact('bulk import undone');
    expect(tagCountRows()).toBeGreaterThan(0);
    for (const batchId of first.batchIds) ctx.services.imports.undo(batchId);
    countsExact('small import undone');
    expect(tagCountRows()).toBe(0);
  });

  it('keeps the count triggers for a bulk import that is small next to the journal, exact all the same', async () => {
    const journal = join(ctx.dir, 'journal.csv');
    writeExport(journal, 20_001);
    expect(await run(journal)).toMatchObject({ status: 'committed', tradesCreated: 20_001 });
    const sqlite = ctx.services.db.sqlite;
    // Trigger runs update counts in place; a rebuild only deletes and inserts.
    sqlite.exec(`
      CREATE TEMP TABLE count_updates (n INTEGER NOT NULL);
      INSERT INTO count_updates VALUES (0);
      CREATE TEMP TRIGGER watch_count_updates AFTER UPDATE ON main.trade_tag_filter_counts BEGIN
        UPDATE count_updates SET n = n + 1;
      END;`);
    try {
      const more = join(ctx.dir, 'more.csv');
      writeExport(more, 5_000, 30_001);
      expect(await run(more)).toMatchObject({ status: 'committed', tradesCreated: 5_000 });
      expect(sqlite.prepare('SELECT n FROM count_updates').pluck().get()).toBeGreaterThan(5_000);
    } finally {
      sqlite.exec('DROP TRIGGER temp.watch_count_updates; DROP TABLE temp.count_updates;');
    }
    countsExact('triggers kept');
  });
});
