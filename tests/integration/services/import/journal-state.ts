import { createHash } from 'node:crypto';
import type { Sqlite } from '../../../../electron/main/services/db/client';
import { expectedDailyEquitySql } from '../../../../electron/main/services/equity/expected-equity-sql';

export interface TableState {
  rows: number;
  sha256: string;
}

/** Row count and a checksum of every row (in rowid order) of every table in a database. */
export function tableStates(sqlite: Sqlite, schema = 'main', skip: ReadonlySet<string> = new Set()): Record<string, TableState> {
  const tables = (
    sqlite
      .prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  ).map((row) => row.name);
  const states: Record<string, TableState> = {};
  for (const table of tables) {
    if (skip.has(table)) continue;
    const hash = createHash('sha256');
    let rows = 0;
    const withoutRowid = /WITHOUT ROWID/i.test(
      (sqlite.prepare(`SELECT sql FROM ${schema}.sqlite_master WHERE name = ?`).get(table) as { sql: string }).sql,
    );
    const order = withoutRowid ? '1' : 'rowid';
    for (const row of sqlite.prepare(`SELECT * FROM ${schema}."${table}" ORDER BY ${order}`).raw().iterate() as IterableIterator<unknown[]>) {
      hash.update(JSON.stringify(row));
      rows += 1;
    }
    states[table] = { rows, sha256: hash.digest('hex') };
  }
  return states;
}

/** Stored daily equity equals what the trades imply, for every account and day. */
export function equityInStep(sqlite: Sqlite): { stored: unknown[]; expected: unknown[] } {
  const stored = sqlite
    .prepare(
      `SELECT account_id AS accountId, day, gross_pnl_cents AS grossPnlCents, fees_cents AS feesCents,
         net_pnl_cents AS netPnlCents, trade_count AS tradeCount, win_count AS winCount,
         ending_equity_cents AS endingEquityCents, peak_equity_cents AS peakEquityCents, drawdown_cents AS drawdownCents
       FROM daily_equity ORDER BY account_id, day`,
    )
    .all();
  const expected = sqlite
    .prepare(
      `SELECT accountId, day, grossPnlCents, feesCents, netPnlCents, tradeCount, winCount, endingEquityCents,
         peakEquityCents, drawdownCents FROM (${expectedDailyEquitySql({ account: false, fromDay: false })}) ORDER BY accountId, day`,
    )
    .all();
  return { stored, expected };
}

export interface TradeView {
  account: string;
  symbol: string;
  assetClass: string;
  multiplier: number;
  direction: string;
  status: string;
  openedAt: number;
  closedAt: number | null;
  closeDay: string | null;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  stopPrice: number | null;
  grossPnlCents: number;
  feesCents: number;
  netPnlCents: number;
  notes: string;
  tags: string;
}

/** Every trade with what a user sees of it, in open-time order. */
export function tradeViews(sqlite: Sqlite): TradeView[] {
  return sqlite
    .prepare(
      `SELECT a.name AS account, i.symbol, i.asset_class AS assetClass, i.multiplier, t.direction, t.status,
         t.opened_at AS openedAt, t.closed_at AS closedAt, t.close_day AS closeDay, t.qty, t.entry_price AS entryPrice,
         t.exit_price AS exitPrice, t.stop_price AS stopPrice, t.gross_pnl_cents AS grossPnlCents, t.fees_cents AS feesCents,
         t.net_pnl_cents AS netPnlCents, t.notes,
         COALESCE((SELECT group_concat(name, '|') FROM (SELECT g.name FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id
           WHERE tt.trade_id = t.id ORDER BY g.name)), '') AS tags
       FROM trades t JOIN accounts a ON a.id = t.account_id JOIN instruments i ON i.id = t.instrument_id
       ORDER BY t.opened_at, i.symbol, t.id`,
    )
    .all() as TradeView[];
}
