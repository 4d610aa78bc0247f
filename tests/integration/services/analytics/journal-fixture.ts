import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Sqlite } from '../../../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { dayInZone } from '../../../../shared/domain/day';

/**
 * A real journal database in a temp folder, filled row by row so tests control every
 * figure. Trades get close_day from their account's zone exactly like the write path.
 */
export interface JournalFixture {
  sqlite: Sqlite;
  dir: string;
  account(input: { name: string; timezone?: string; startingBalanceCents?: number }): number;
  instrument(symbol: string): number;
  tag(name: string): number;
  trade(input: TradeInput): number;
  close(): void;
}

export interface TradeInput {
  accountId: number;
  instrumentId: number;
  direction?: 'long' | 'short';
  /** ISO instants ('2024-03-04T14:30:00Z'); closedAt omitted = an open trade. */
  openedAt: string;
  closedAt?: string;
  grossPnlCents: number;
  feesCents?: number;
  tagIds?: number[];
}

export function createJournalFixture(): JournalFixture {
  const dir = mkdtempSync(join(tmpdir(), 'spark-equity-'));
  const { sqlite, close } = openDb(join(dir, 'journal.db'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
  const zoneOf = sqlite.prepare('SELECT timezone FROM accounts WHERE id = ?').pluck();
  const insertTrade = sqlite.prepare(
    `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty,
       entry_price, exit_price, gross_pnl_cents, fees_cents, net_pnl_cents)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, 100, ?, ?, ?, ?)`,
  );
  const insertTag = sqlite.prepare('INSERT INTO trade_tags (trade_id, tag_id) VALUES (?, ?)');
  return {
    sqlite,
    dir,
    account: ({ name, timezone = 'UTC', startingBalanceCents = 0 }) =>
      Number(
        sqlite
          .prepare('INSERT INTO accounts (name, timezone, starting_balance_cents) VALUES (?, ?, ?)')
          .run(name, timezone, startingBalanceCents).lastInsertRowid,
      ),
    instrument: (symbol) =>
      Number(sqlite.prepare("INSERT INTO instruments (symbol, asset_class) VALUES (?, 'future')").run(symbol).lastInsertRowid),
    tag: (name) => Number(sqlite.prepare('INSERT INTO tags (name) VALUES (?)').run(name).lastInsertRowid),
    trade(input) {
      const fees = input.feesCents ?? 0;
      const openedAt = Date.parse(input.openedAt);
      const closedAt = input.closedAt ? Date.parse(input.closedAt) : null;
      const zone = zoneOf.get(input.accountId) as string;
      const id = Number(
        insertTrade.run(
          input.accountId,
          input.instrumentId,
          input.direction ?? 'long',
          closedAt === null ? 'open' : 'closed',
          openedAt,
          closedAt,
          closedAt === null ? null : dayInZone(closedAt, zone),
          closedAt === null ? null : 101,
          // An open trade keeps its (unrealized) figures in the row: every aggregate must skip it.
          input.grossPnlCents,
          fees,
          input.grossPnlCents - fees,
        ).lastInsertRowid,
      );
      for (const tagId of input.tagIds ?? []) insertTag.run(id, tagId);
      return id;
    },
    close() {
      close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
