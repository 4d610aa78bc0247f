import { fileURLToPath } from 'node:url';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers } from '../../../../electron/main/services/handlers';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { openDb } from '../../../../electron/main/services/db/client';
import { NOT_RESTORED as NOT_COPIED } from '../../../../electron/main/services/backup/restore';

// A restore validates what it restored (one more validation run) before reporting success:
// compare the journal's own tables.
const NOT_RESTORED = new Set([...NOT_COPIED, 'equity_validation_runs', 'equity_discrepancies']);
import { ExportSpecSchema } from '../../../../shared/domain/export-params';
import { TRADE_EXPORT_COLUMNS } from '../../../../shared/domain/export-columns';
import { FakeClock } from '../equity/fake-clock';
import { tableStates, tradeViews } from '../import/journal-state';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/import/${name}`, import.meta.url));
const T0 = Date.parse('2025-10-15T12:00:00Z');

function statesOfFile(path: string, skip: ReadonlySet<string> = new Set()) {
  const db = new Database(path, { readonly: true });
  try {
    return tableStates(db, 'main', skip);
  } finally {
    db.close();
  }
}

/** A copy of the migrations folder holding only the first migration: an "older app version". */
function oldMigrationsFolder(dir: string): string {
  const folder = join(dir, 'old-migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  copyFileSync(join(SOURCE_MIGRATIONS_FOLDER, '0000_init.sql'), join(folder, '0000_init.sql'));
  const journal = JSON.parse(readFileSync(join(SOURCE_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
  return folder;
}

describe('backup and restore', () => {
  const open: TestServices[] = [];
  const make = (overrides: Parameters<typeof createTestServices>[0] = {}) => {
    const ctx = createTestServices(overrides);
    open.push(ctx);
    return ctx;
  };
  afterEach(async () => {
    while (open.length) await open.pop()!.cleanup();
  });

  it('a backup taken while an export is running restores to an identical journal', async () => {
    const ctx = make();
    const { services } = ctx;
    services.demo.load({ trades: 40_000, seed: 7 });
    await services.imports.run({
      path: fixture('ibkr-flex-trades.csv'), presetId: 'builtin:ibkr-flex-trades', accountId: services.lookups.accounts()[0]!.id,
      onError: 'abort', instruments: {}, newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false,
    });
    mkdirSync(join(ctx.dir, 'out'), { recursive: true });
    const job = services.exports.enqueue(
      ExportSpecSchema.parse({ type: 'trades', format: 'xlsx', columns: TRADE_EXPORT_COLUMNS.map((c) => ({ key: c.key })) }),
      join(ctx.dir, 'out', 'all-trades.xlsx'),
    );
    // Wait until the worker is streaming rows through its own read transaction.
    await vi.waitFor(() => expect(services.exports.get(job.id).rowsWritten).toBeGreaterThan(0), { timeout: 60_000, interval: 5 });
    const exportAtStart = services.exports.get(job.id).rowsWritten;

    const target = join(ctx.dir, 'manual', 'during-export.db');
    const backup = await services.backup.backupTo(target);
    // The journal at the instant the backup finished (nothing writes between here and there).
    const atBackup = tableStates(services.db.sqlite);
    // The export's worker was reading on its own connection for the whole backup.
    const exportProgress = services.exports.get(job.id);
    expect(exportProgress.status).toBe('running');
    expect(backup.bytes).toBeGreaterThan(1_000_000);
    expect(existsSync(`${target}.partial`)).toBe(false);
    // Every table of the backup file equals the live journal at that instant.
    expect(statesOfFile(target)).toEqual(atBackup);

    // Change the journal in every way, then restore.
    const some = services.trades.list({}, { key: 'id', dir: 'asc' }, 0, 50).rows.map((t) => t.id);
    services.journal.trades.delete(some);
    services.journal.tags.create({ name: 'after-backup', color: '#123456' });
    await services.imports.run({
      path: fixture('ninjatrader-executions.csv'), presetId: 'builtin:ninjatrader-executions', accountId: services.lookups.accounts()[0]!.id,
      onError: 'abort', instruments: {}, newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false,
    });
    services.journal.accounts.update(services.lookups.accounts()[0]!.id, { startingBalanceCents: 1 });
    expect(tableStates(services.db.sqlite)).not.toEqual(atBackup);

    const restored = await services.backup.restore(target);
    expect(restored).not.toBeNull();
    const after = tableStates(services.db.sqlite, 'main', NOT_RESTORED);
    const expected = Object.fromEntries(Object.entries(atBackup).filter(([table]) => !NOT_RESTORED.has(table)));
    expect(after).toEqual(expected);
    expect(restored!.tables.trades).toBe(atBackup.trades!.rows);
    // The backup's daily equity was right: validated, nothing rebuilt.
    expect(restored!.reconciled).toEqual({ daysRebuilt: 0, tradesRepaired: 0, validation: 'ok' });
    expect(atBackup.trades!.rows).toBeGreaterThan(40_000);

    const done = await services.exports.waitFor(job.id);
    expect(done.status).toBe('completed');
    console.log(
      `backup during export: ${atBackup.trades!.rows} trades, ${(backup.bytes / 1048576).toFixed(1)} MiB in ${backup.durationMs} ms ` +
        `(export at ${exportAtStart} -> ${exportProgress.rowsWritten} rows of ${exportProgress.rowsTotal}); restore ${restored!.durationMs} ms`,
    );
  }, 180_000);

  it('the pre-restore backup undoes a restore', async () => {
    const ctx = make();
    const { services } = ctx;
    const accountId = services.journal.accounts.create({ name: 'A', broker: null, currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 }).id;
    const empty = join(ctx.dir, 'empty.db');
    await services.backup.backupTo(empty);
    await services.imports.run({
      path: fixture('tradovate-fills.csv'), presetId: 'builtin:tradovate-fills', accountId, onError: 'abort',
      instruments: {}, newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false,
    });
    const withTrades = tableStates(services.db.sqlite, 'main', NOT_RESTORED);
    const events: string[] = [];
    services.events.subscribe((name, payload) => events.push(`${name}:${(payload as { reason?: string }).reason}`));
    const result = await services.backup.restore(empty);
    expect(tradeViews(services.db.sqlite)).toEqual([]);
    expect(events).toContain('journal:changed:restore');
    expect(services.backup.list().map((f) => f.kind)).toContain('pre-restore');
    await services.backup.restore(result!.preRestoreBackup);
    expect(tableStates(services.db.sqlite, 'main', NOT_RESTORED)).toEqual(withTrades);
  });

  it('refuses damaged, foreign and newer files before touching anything', async () => {
    const ctx = make();
    const { services } = ctx;
    services.journal.accounts.create({ name: 'Keep me', broker: null, currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 });
    const before = tableStates(services.db.sqlite);
    const backupsBefore = services.backup.list().length;

    const text = join(ctx.dir, 'notes.db');
    writeFileSync(text, 'this is not a database at all, just text that is long enough to look like a file');
    await expect(services.backup.restore(text)).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/not a SQLite database|cannot be opened/) });

    const foreign = join(ctx.dir, 'other-app.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'x\');');
    other.close();
    await expect(services.backup.restore(foreign)).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/not a Spark Journal database/) });

    // A real backup with a page overwritten by garbage.
    const good = join(ctx.dir, 'good.db');
    await services.backup.backupTo(good);
    const corrupt = join(ctx.dir, 'corrupt.db');
    const bytes = readFileSync(good);
    const pageSize = bytes.readUInt16BE(16);
    for (let i = pageSize * 3; i < pageSize * 3 + 300; i++) bytes[i] = (i * 37) & 0xff;
    writeFileSync(corrupt, bytes);
    await expect(services.backup.restore(corrupt)).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/damaged|not a SQLite database/) });

    const newer = join(ctx.dir, 'newer.db');
    copyFileSync(good, newer);
    const db = new Database(newer);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', 4_102_444_800_000);
    db.close();
    await expect(services.backup.restore(newer)).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/newer version/) });

    await expect(services.backup.restore(join(ctx.dir, 'missing.db'))).rejects.toMatchObject({ code: 'not_found' });
    expect(tableStates(services.db.sqlite)).toEqual(before);
    expect(services.backup.list()).toHaveLength(backupsBefore);
  });

  it('restores a backup written by an older app version (migrates a copy first)', async () => {
    const ctx = make();
    const oldPath = join(ctx.dir, 'old-version.db');
    const old = openDb(oldPath, { migrationsFolder: oldMigrationsFolder(ctx.dir) });
    old.sqlite.exec(`
      INSERT INTO accounts (name, currency, timezone, starting_balance_cents) VALUES ('Old', 'USD', 'UTC', 100000);
      INSERT INTO instruments (symbol, asset_class, multiplier) VALUES ('ESZ5', 'future', 50);
      INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty, entry_price,
        exit_price, gross_pnl_cents, fees_cents, net_pnl_cents, notes)
      VALUES (1, 1, 'long', 'closed', 1760531400000, 1760533200000, '2025-10-15', 1, 6650, 6651, 5000, 209, 4791, 'from v0');`);
    old.close();
    const result = await ctx.services.backup.restore(oldPath);
    expect(result!.tables.trades).toBe(1);
    expect(tradeViews(ctx.services.db.sqlite).map((t) => [t.account, t.symbol, t.netPnlCents, t.notes])).toEqual([['Old', 'ESZ5', 4791, 'from v0']]);
    // The chosen file itself was never changed (it is still at the old schema).
    const check = new Database(oldPath, { readonly: true });
    expect((check.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(1);
    check.close();
  });

  it('backup:create asks where to save; a cancelled dialog writes nothing', async () => {
    const ctx = make();
    const handlers = createHandlers(ctx.services);
    const target = join(ctx.dir, 'picked', 'my-backup.db');
    ctx.desktop.answerNextSave(target);
    const made = await handlers['backup:create']({});
    expect(made).toMatchObject({ ok: true, data: { path: target } });
    expect(ctx.desktop.saveRequests.at(-1)?.suggestedName).toMatch(/^spark-journal-backup-\d{4}-\d{2}-\d{2}\.db$/);
    ctx.desktop.answerNextSave(null);
    expect(await handlers['backup:create']({})).toEqual({ ok: true, data: null });
    ctx.desktop.answerNextOpen(null);
    expect(await handlers['backup:restore']({})).toEqual({ ok: true, data: null });
    expect(await handlers['backup:restore']({ name: 42 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('daily automatic backups run on the clock and rotate to backupKeep per kind', async () => {
    const clock = new FakeClock(T0);
    const ctx = make({ clock });
    const { services } = ctx;
    services.settings.update({ backupKeep: 2 });
    const daily = () => services.backup.list().filter((f) => f.kind === 'daily');
    expect(daily()).toHaveLength(0);
    clock.advance(5 * 60_000);
    await vi.waitFor(() => expect(daily()).toHaveLength(1));
    clock.advance(3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(daily()).toHaveLength(1);
    for (let day = 1; day <= 3; day++) {
      clock.advance(24 * 3_600_000);
      await vi.waitFor(() => expect(daily()[0]!.createdAt).toBeGreaterThanOrEqual(T0 + day * 24 * 3_600_000));
    }
    expect(daily()).toHaveLength(2);
    expect(daily()[0]!.fileName).toMatch(/^journal-daily-2025-10-1\dT\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/);
    expect(services.backup.folder()).toBe(join(ctx.dir, 'backups'));
  });

  it('pre-migration backups land in the backupFolder setting with the same naming, and are rotated and listed', async () => {
    const clock = new FakeClock(T0);
    const dir = make().dir;
    const dbPath = join(dir, 'journal-old.db');
    const chosen = join(dir, 'my-backups');
    const old = openDb(dbPath, { migrationsFolder: oldMigrationsFolder(dir) });
    old.sqlite.prepare("INSERT INTO settings (key, value_json) VALUES ('backupFolder', ?), ('backupKeep', '1')").run(JSON.stringify(chosen));
    old.sqlite.exec("INSERT INTO accounts (name) VALUES ('A')");
    old.close();
    mkdirSync(chosen, { recursive: true });
    // An older pre-migration backup that rotation (keep 1) must remove.
    writeFileSync(join(chosen, 'journal-old-pre-migration-2020-01-01T00-00-00-000Z.db'), '');
    const ctx = make({ dbPath, clock });
    expect(ctx.services.backup.folder()).toBe(chosen);
    const files = ctx.services.backup.list();
    expect(files.map((f) => f.fileName)).toEqual([`journal-old-pre-migration-2025-10-15T12-00-00-000Z.db`]);
    expect(readdirSync(chosen)).toHaveLength(1);
    expect(statesOfFile(files[0]!.path).accounts!.rows).toBe(1);
  });
});
