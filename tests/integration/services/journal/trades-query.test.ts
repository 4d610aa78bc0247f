import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJournalFunctions } from '../../../../electron/main/services/db/journal-functions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb, type DbHandle, type Sqlite } from '../../../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { loadDemoJournal } from '../../../../electron/main/services/demo/load-demo';
import { createTradesQuery, type TradesQuery } from '../../../../electron/main/services/journal/trades-query';
import { expectFilterCountsExact } from '../../../helpers/filter-counts';
import { expectDayFactsExact } from '../../../helpers/day-facts';
import { dayInZone } from '../../../../shared/domain/day';
import { cursorOf, TRADE_SORT_KEYS, type TradeFilter, type TradeRow, type TradeSort } from '../../../../shared/domain/trade';

const NOW = Date.UTC(2025, 2, 20, 12, 0, 0);

interface Reference {
  row: TradeRow;
  tagIds: number[];
  setup: string | null;
  /** The local day the trade opened, in its account's zone. */
  openDay: string;
  /** The local hour the trade opened, in its account's zone. */
  openHour: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every trade with its display columns and tags, read with plain SQL, no paging or sorting. */
function loadReference(sqlite: Sqlite): Reference[] {
  const tags = new Map<number, { id: number; name: string }[]>();
  for (const link of sqlite
    .prepare('SELECT tt.trade_id AS tradeId, g.id, g.name FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id')
    .all() as { tradeId: number; id: number; name: string }[]) {
    const list = tags.get(link.tradeId) ?? [];
    list.push({ id: link.id, name: link.name });
    tags.set(link.tradeId, list);
  }
  const rows = sqlite
    .prepare(
      `SELECT t.id, t.account_id AS accountId, a.name AS accountName, t.instrument_id AS instrumentId, i.symbol,
              i.asset_class AS assetClass, t.direction, t.status, t.opened_at AS openedAt, t.closed_at AS closedAt,
              t.close_day AS closeDay, t.qty, t.entry_price AS entryPrice, t.exit_price AS exitPrice,
              t.stop_price AS stopPrice, t.target_price AS targetPrice, t.planned_risk_cents AS plannedRiskCents,
              t.gross_pnl_cents AS grossPnlCents, t.fees_cents AS feesCents, t.net_pnl_cents AS netPnlCents,
              a.currency AS accountCurrency, t.pnl_currency AS pnlCurrency, t.quote_gross_pnl_cents AS quoteGrossPnlCents,
              t.fx_rate AS fxRate, t.fx_rate_source AS fxRateSource, t.pnl_source AS pnlSource,
              t.r_multiple AS rMultiple, t.notes, t.setup, a.timezone
       FROM trades t, accounts a, instruments i WHERE a.id = t.account_id AND i.id = t.instrument_id`,
    )
    .all() as (Omit<TradeRow, 'tags'> & { timezone: string })[];
  return rows.map(({ timezone, ...row }) => {
    const own = tags.get(row.id) ?? [];
    const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: timezone, hour: 'numeric', hourCycle: 'h23' }).format(row.openedAt));
    return {
      setup: row.setup,
      openDay: dayInZone(row.openedAt, timezone),
      openHour: hour,
      // Case-insensitive name order, then exact name (SQLite's NOCASE folds ASCII only, as here).
      row: { ...row, tags: own.map((t) => t.name).sort((a, b) => cmp(a.toLowerCase(), b.toLowerCase()) || cmp(a, b)) },
      tagIds: own.map((t) => t.id),
    };
  });
}

function matches({ row, tagIds, setup, openDay, openHour }: Reference, f: TradeFilter): boolean {
  // Closed trades by their trading day, open ones by the local day they opened.
  const day = row.closeDay ?? openDay;
  if (f.dateFrom && day < f.dateFrom) return false;
  if (f.dateTo && day > f.dateTo) return false;
  if (f.symbol && !row.symbol.toLowerCase().includes(f.symbol.toLowerCase())) return false;
  if (f.setups?.length && (setup === null || !f.setups.includes(setup))) return false;
  const closed = row.status === 'closed';
  if (f.netMinCents !== undefined && (!closed || row.netPnlCents < f.netMinCents)) return false;
  if (f.netMaxCents !== undefined && (!closed || row.netPnlCents > f.netMaxCents)) return false;
  const held = row.closedAt === null ? null : row.closedAt - row.openedAt;
  if (f.holdMinMinutes !== undefined && (held === null || held < f.holdMinMinutes * 60_000)) return false;
  if (f.holdMaxMinutes !== undefined && (held === null || held >= (f.holdMaxMinutes + 1) * 60_000)) return false;
  if (f.hourFrom !== undefined || f.hourTo !== undefined) {
    const from = f.hourFrom ?? 0;
    const to = f.hourTo ?? 23;
    if (from <= to ? openHour < from || openHour > to : openHour < from && openHour > to) return false;
  }
  if (f.weekdays?.length) {
    if (row.closeDay === null) return false;
    const weekday = ((new Date(`${row.closeDay}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (!f.weekdays.includes(weekday)) return false;
  }
  if (f.accountIds?.length && !f.accountIds.includes(row.accountId)) return false;
  if (f.instrumentIds?.length && !f.instrumentIds.includes(row.instrumentId)) return false;
  if (f.tagIds?.length && !f.tagIds.some((id) => tagIds.includes(id))) return false;
  if (f.direction && row.direction !== f.direction) return false;
  if (f.status && row.status !== f.status) return false;
  return true;
}

const SORT_VALUE: Record<TradeSort['key'], (r: TradeRow) => number | string> = {
  closedAt: (r) => r.closedAt ?? r.openedAt,
  openedAt: (r) => r.openedAt,
  netPnl: (r) => r.netPnlCents,
  symbol: (r) => r.symbol,
  qty: (r) => r.qty,
  id: (r) => r.id,
};

function referencePage(all: Reference[], f: TradeFilter, sort: TradeSort, offset: number, limit: number) {
  const value = SORT_VALUE[sort.key];
  const sign = sort.dir === 'asc' ? 1 : -1;
  const matching = all
    .filter((r) => matches(r, f))
    .map((r) => r.row)
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va !== vb) return (va < vb ? -1 : 1) * sign;
      return (a.id - b.id) * sign;
    });
  return { total: matching.length, rows: matching.slice(offset, offset + limit) };
}

describe('trades query against a demo journal', () => {
  let dir: string;
  let handle: DbHandle;
  let query: TradesQuery;
  let all: Reference[];
  let ids: { accounts: number[]; instruments: number[]; tags: number[]; days: string[] };
  let setups: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spark-trades-query-'));
    handle = openDb(join(dir, 'j.db'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    loadDemoJournal(handle.sqlite, { trades: 4000, seed: 11, now: NOW });
    query = createTradesQuery(handle.sqlite);
    all = loadReference(handle.sqlite);
    const pluck = (sql: string) => handle.sqlite.prepare(sql).pluck().all() as number[];
    ids = {
      accounts: pluck('SELECT id FROM accounts ORDER BY id'),
      // Most and least traded instruments and tags first, so filters range from broad to narrow.
      instruments: pluck('SELECT instrument_id FROM trades GROUP BY instrument_id ORDER BY COUNT(*) DESC'),
      tags: pluck('SELECT tag_id FROM trade_tags GROUP BY tag_id ORDER BY COUNT(*) DESC'),
      days: handle.sqlite.prepare('SELECT DISTINCT close_day FROM trades WHERE close_day IS NOT NULL ORDER BY 1').pluck().all() as string[],
    };
    setups = handle.sqlite.prepare('SELECT DISTINCT setup FROM trades WHERE setup IS NOT NULL ORDER BY 1').pluck().all() as string[];
    expect(all).toHaveLength(4000);
    expect(all.some((r) => r.row.status === 'open')).toBe(true);
  }, 60_000);

  afterAll(() => {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (f: TradeFilter, sort: TradeSort = { key: 'closedAt', dir: 'desc' }, offset = 0, limit = 100) => {
    const expected = referencePage(all, f, sort, offset, limit);
    const page = query.list(f, sort, offset, limit);
    const label = JSON.stringify({ f, sort, offset, limit });
    expect(page.total, label).toBe(expected.total);
    expect(page.offset).toBe(offset);
    expect(page.limit).toBe(limit);
    expect(page.rows.map((r) => r.id), label).toEqual(expected.rows.map((r) => r.id));
    // The same page by keyset: right after the row before it.
    if (offset > 0) {
      const before = referencePage(all, f, sort, offset - 1, 1).rows[0];
      if (before) {
        const keyset = query.list(f, sort, offset, limit, cursorOf(before, sort.key));
        expect(keyset.rows.map((r) => r.id), `keyset ${label}`).toEqual(expected.rows.map((r) => r.id));
        expect(keyset.total).toBe(expected.total);
      }
    }
    return { page, expected };
  };

  const filterParts = (): TradeFilter[] => {
    const days = ids.days;
    const at = (fraction: number) => days[Math.floor((days.length - 1) * fraction)] as string;
    return [
      { dateFrom: at(0.8) },
      { dateTo: at(0.1) },
      { dateFrom: at(0.4), dateTo: at(0.6) },
      { dateFrom: at(0.5), dateTo: at(0.5) },
      { accountIds: [ids.accounts[0]!] },
      { accountIds: [ids.accounts[2]!, ids.accounts[4]!] },
      { instrumentIds: [ids.instruments[0]!] },
      { instrumentIds: ids.instruments.slice(-3) },
      { tagIds: [ids.tags[0]!] },
      { tagIds: [ids.tags.at(-1)!, ids.tags.at(-2)!] },
      { direction: 'long' },
      { direction: 'short' },
      { status: 'open' },
      { status: 'closed' },
      { symbol: 'es' },
      { netMinCents: 0 },
      { netMinCents: -5_000, netMaxCents: 5_000 },
      { hourFrom: 9, hourTo: 11 },
      { hourFrom: 22, hourTo: 3 },
      { weekdays: [1, 5] },
      { holdMinMinutes: 30 },
      { holdMaxMinutes: 15 },
      { setups: setups.slice(0, 2) },
    ];
  };

  it('applies every filter on its own, including empty lists as no filter', () => {
    check({});
    check({ accountIds: [], instrumentIds: [], tagIds: [] });
    for (const part of filterParts()) check(part);
  });

  it('applies every pair and triple of filters together', () => {
    const parts = filterParts();
    let nonEmpty = 0;
    for (let a = 0; a < parts.length; a++) {
      for (let b = a + 1; b < parts.length; b++) {
        const pair = { ...parts[a], ...parts[b] };
        if (check(pair).expected.total > 0) nonEmpty++;
        for (let c = b + 1; c < parts.length; c += 3) check({ ...pair, ...parts[c] });
      }
    }
    expect(nonEmpty).toBeGreaterThan(40);
    // Everything at once.
    check({
      dateFrom: ids.days[0], dateTo: ids.days.at(-1), accountIds: ids.accounts, instrumentIds: ids.instruments,
      tagIds: ids.tags.slice(0, 3), direction: 'short', status: 'closed',
    });
  });

  it('totals one tag with other filters (from the tag counts) exactly as COUNT(*) over the trades', () => {
    const plainCount = (f: TradeFilter) => {
      const { where, params } = query.filterSql(f);
      return handle.sqlite.prepare(`SELECT COUNT(*) FROM trades t WHERE ${where}`).pluck().get(...params) as number;
    };
    const others = filterParts().filter((part) => !part.tagIds);
    let nonEmpty = 0;
    for (const tag of ids.tags) {
      for (let a = 0; a < others.length; a++) {
        for (const f of [{ ...others[a], tagIds: [tag] }, { ...others[a], ...others[(a + 5) % others.length], tagIds: [tag] }]) {
          const total = query.list(f, { key: 'closedAt', dir: 'desc' }, 0, 10).total;
          expect(total, JSON.stringify(f)).toBe(plainCount(f));
          if (total > 0) nonEmpty++;
        }
      }
      // The same tag twice is still one tag; two tags count a trade carrying both once.
      const twice = { accountIds: [ids.accounts[0]!], tagIds: [tag, tag] };
      expect(query.list(twice, { key: 'id', dir: 'asc' }, 0, 10).total).toBe(plainCount(twice));
    }
    expect(nonEmpty).toBeGreaterThan(100);
    const multi = all.find((r) => r.tagIds.length >= 2)!;
    const both = { accountIds: [multi.row.accountId], tagIds: multi.tagIds.slice(0, 2) };
    expect(query.list(both, { key: 'id', dir: 'asc' }, 0, 10).total).toBe(plainCount(both));
  });

  it('sorts by every key in both directions, ties broken by id, across pages', () => {
    for (const key of TRADE_SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const f of [{}, { accountIds: [ids.accounts[1]!] }, { tagIds: [ids.tags[1]!] }, { instrumentIds: ids.instruments.slice(-2) }]) {
          const { expected } = check(f, { key, dir }, 0, 100);
          const total = expected.total;
          check(f, { key, dir }, 100, 50);
          check(f, { key, dir }, Math.max(0, total - 30), 100);
          check(f, { key, dir }, Math.floor(total / 2), 7);
        }
      }
    }
  });

  it('pages through a filter without gaps or repeats, and past the end returns no rows', () => {
    const f: TradeFilter = { accountIds: [ids.accounts[0]!], direction: 'long' };
    const seen: number[] = [];
    let offset = 0;
    let total = 0;
    for (;;) {
      const page = query.list(f, { key: 'closedAt', dir: 'desc' }, offset, 250);
      total = page.total;
      if (page.rows.length === 0) break;
      seen.push(...page.rows.map((r) => r.id));
      offset += 250;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual(referencePage(all, f, { key: 'closedAt', dir: 'desc' }, 0, total).rows.map((r) => r.id));
    const past = query.list(f, { key: 'closedAt', dir: 'desc' }, total + 5, 100);
    expect(past).toEqual({ rows: [], total, offset: total + 5, limit: 100 });
  });

  it('returns the display columns and every tag of each row, tags sorted by name', () => {
    const tagged = { tagIds: [ids.tags[0]!, ids.tags[1]!] };
    for (const sort of [{ key: 'closedAt', dir: 'desc' }, { key: 'symbol', dir: 'asc' }] as const) {
      const { page, expected } = check(tagged, sort, 0, 200);
      expect(page.rows).toEqual(expected.rows);
    }
    const multi = all.find((r) => r.row.tags.length >= 2)!;
    const [row] = query.list({ tagIds: [multi.tagIds[0]!] }, { key: 'id', dir: 'asc' }, 0, 5000).rows.filter((r) => r.id === multi.row.id);
    expect(row?.tags).toEqual(multi.row.tags);
    expect(row?.tags.length).toBeGreaterThanOrEqual(2);
  });
});

describe('trades query on a hand-built journal', () => {
  let dir: string;
  let handle: DbHandle;
  let sqlite: Sqlite;
  let query: TradesQuery;
  const H = 3_600_000;

  const insertTrade = (values: {
    account: number; instrument: number; direction?: 'long' | 'short'; openedAt: number; closedAt: number | null; net?: number; qty?: number;
  }) => {
    const zone = sqlite.prepare('SELECT timezone FROM accounts WHERE id = ?').pluck().get(values.account) as string;
    const closed = values.closedAt !== null;
    return Number(
      sqlite
        .prepare(
          `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty,
             entry_price, exit_price, gross_pnl_cents, fees_cents, net_pnl_cents)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 100, ?, ?, 0, ?)`,
        )
        .run(
          values.account, values.instrument, values.direction ?? 'long', closed ? 'closed' : 'open', values.openedAt,
          values.closedAt, closed ? dayInZone(values.closedAt as number, zone) : null, values.qty ?? 1,
          closed ? 101 : null, values.net ?? 0, values.net ?? 0,
        ).lastInsertRowid,
    );
  };

  const countsMatchTrades = () => {
    expectFilterCountsExact(sqlite);
    expectDayFactsExact(sqlite);
  };

  let ny: number;
  let tokyo: number;
  let es: number;
  let aapl: number;
  let t: Record<string, number>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spark-trades-fixture-'));
    handle = openDb(join(dir, 'j.db'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
    sqlite = handle.sqlite;
    query = createTradesQuery(sqlite);
    const account = sqlite.prepare('INSERT INTO accounts (name, currency, timezone) VALUES (?, ?, ?)');
    ny = Number(account.run('NY', 'USD', 'America/New_York').lastInsertRowid);
    tokyo = Number(account.run('Tokyo', 'JPY', 'Asia/Tokyo').lastInsertRowid);
    const instrument = sqlite.prepare('INSERT INTO instruments (symbol, asset_class, multiplier) VALUES (?, ?, ?)');
    es = Number(instrument.run('ES', 'future', 50).lastInsertRowid);
    aapl = Number(instrument.run('AAPL', 'stock', 1).lastInsertRowid);
    const base = Date.UTC(2024, 2, 8, 15); // Friday before the US DST change
    t = {
      a: insertTrade({ account: ny, instrument: es, openedAt: base, closedAt: base + H, net: 500 }),
      // Same close time as a: the tie breaks by id.
      b: insertTrade({ account: ny, instrument: aapl, direction: 'short', openedAt: base - H, closedAt: base + H, net: -200 }),
      // Tokyo: closes at 00:30 UTC on the 11th, which is 09:30 on the 11th in Tokyo.
      c: insertTrade({ account: tokyo, instrument: es, openedAt: Date.UTC(2024, 2, 11, 0), closedAt: Date.UTC(2024, 2, 11, 0, 30), net: 900 }),
      // New York, 23:30 local on Monday the 11th = 03:30 UTC on the 12th.
      d: insertTrade({ account: ny, instrument: es, openedAt: Date.UTC(2024, 2, 12, 3), closedAt: Date.UTC(2024, 2, 12, 3, 30), net: -50 }),
      // Open, opened between a and c: sorts by its open time among closed trades.
      open: insertTrade({ account: ny, instrument: aapl, openedAt: base + 5 * H, closedAt: null }),
    };
    const tag = sqlite.prepare('INSERT INTO tags (name) VALUES (?)');
    const breakout = Number(tag.run('breakout').lastInsertRowid);
    const fomo = Number(tag.run('FOMO').lastInsertRowid);
    const link = sqlite.prepare('INSERT INTO trade_tags (trade_id, tag_id) VALUES (?, ?)');
    link.run(t.a, breakout);
    link.run(t.a, fomo);
    link.run(t.c, fomo);
    link.run(t.open, breakout);
    t.breakout = breakout;
    t.fomo = fomo;
  });

  afterAll(() => {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const idsOf = (f: TradeFilter, sort: TradeSort = { key: 'closedAt', dir: 'asc' }) => query.list(f, sort, 0, 100).rows.map((r) => r.id);

  it('orders by close time with open trades at their open time, ties by id', () => {
    expect(idsOf({})).toEqual([t.a, t.b, t.open, t.c, t.d]);
    expect(idsOf({}, { key: 'closedAt', dir: 'desc' })).toEqual([t.d, t.c, t.open, t.b, t.a]);
    expect(idsOf({}, { key: 'netPnl', dir: 'desc' })).toEqual([t.c, t.a, t.open, t.d, t.b]);
    expect(idsOf({}, { key: 'symbol', dir: 'asc' })).toEqual([t.b, t.open, t.a, t.c, t.d]);
  });

  it('filters days by the trading day in each account zone and keeps open trades by the local day they opened', () => {
    expect(idsOf({ dateFrom: '2024-03-11', dateTo: '2024-03-11' })).toEqual([t.c, t.d]);
    expect(idsOf({ dateTo: '2024-03-08' })).toEqual([t.a, t.b, t.open]);
    expect(idsOf({ dateTo: '2024-03-08', status: 'closed' })).toEqual([t.a, t.b]);
    expect(idsOf({ dateFrom: '2024-03-08', dateTo: '2024-03-08', status: 'open' })).toEqual([t.open]);
    expect(idsOf({ dateFrom: '2024-03-12' })).toEqual([]);
    expect(idsOf({ status: 'open' })).toEqual([t.open]);
    // Opened 22:00 in New York on the 8th (03:00 UTC on the 9th): its day is the 8th.
    const late = insertTrade({ account: ny, instrument: es, openedAt: Date.UTC(2024, 2, 9, 3), closedAt: null });
    expect(idsOf({ dateFrom: '2024-03-08', dateTo: '2024-03-08', status: 'open' })).toEqual([t.open, late]);
    expect(idsOf({ dateFrom: '2024-03-09', dateTo: '2024-03-09' })).toEqual([]);
    expect(query.list({ dateFrom: '2024-03-08', dateTo: '2024-03-08' }, { key: 'id', dir: 'asc' }, 0, 10).total).toBe(4);
    // The local hour of the open: 22:00 in New York.
    expect(idsOf({ hourFrom: 22, hourTo: 22 })).toEqual([late]);
    sqlite.prepare('DELETE FROM trades WHERE id = ?').run(late);
  });

  it('searches symbols as typed, wildcards included, and filters net P&L and holding time', () => {
    expect(idsOf({ symbol: 'aap' })).toEqual([t.b, t.open]);
    expect(idsOf({ symbol: '%' })).toEqual([]);
    expect(idsOf({ netMinCents: 0 })).toEqual([t.a, t.c]);
    expect(idsOf({ netMaxCents: -1 })).toEqual([t.b, t.d]);
    expect(idsOf({ holdMinMinutes: 60 })).toEqual([t.a, t.b]);
    expect(idsOf({ holdMaxMinutes: 30 })).toEqual([t.c, t.d]);
    expect(idsOf({ weekdays: [1] })).toEqual([t.c, t.d]);
  });

  it('matches any of the listed tags and returns each row with all its tags', () => {
    expect(idsOf({ tagIds: [t.fomo!] })).toEqual([t.a, t.c]);
    expect(idsOf({ tagIds: [t.fomo!, t.breakout!] })).toEqual([t.a, t.open, t.c]);
    expect(query.list({ tagIds: [t.breakout!] }, { key: 'id', dir: 'asc' }, 0, 10).rows[0]?.tags).toEqual(['breakout', 'FOMO']);
    expect(query.list({ tagIds: [t.fomo!], accountIds: [tokyo] }, { key: 'id', dir: 'asc' }, 0, 10)).toMatchObject({
      total: 1,
      rows: [{ id: t.c, accountName: 'Tokyo', symbol: 'ES', assetClass: 'future', closeDay: '2024-03-11', tags: ['FOMO'] }],
    });
  });

  it('keeps totals right after writes through this connection, another connection, updates and deletes', () => {
    const total = () => query.list({ accountIds: [ny] }, { key: 'closedAt', dir: 'desc' }, 0, 10).total;
    expect(total()).toBe(4);
    const added = insertTrade({ account: ny, instrument: es, openedAt: Date.UTC(2024, 5, 3, 14), closedAt: Date.UTC(2024, 5, 3, 15) });
    expect(total()).toBe(5);
    countsMatchTrades();

    const other = new Database(join(dir, 'j.db'));
    // Every connection that writes trades needs the analytics triggers' SQL functions (openDb registers them).
    registerJournalFunctions(other);
    try {
      other
        .prepare(
          `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty, entry_price)
           VALUES (?, ?, 'long', 'closed', ?, ?, '2024-06-04', 1, 10)`,
        )
        .run(ny, es, Date.UTC(2024, 5, 4, 14), Date.UTC(2024, 5, 4, 15));
    } finally {
      other.close();
    }
    expect(total()).toBe(6);
    expect(query.list({ dateFrom: '2024-06-04' }, { key: 'closedAt', dir: 'desc' }, 0, 10).total).toBe(1);

    sqlite.prepare('UPDATE trades SET account_id = ?, direction = ? WHERE id = ?').run(tokyo, 'short', added);
    expect(total()).toBe(5);
    expect(query.list({ accountIds: [tokyo], direction: 'short' }, { key: 'id', dir: 'asc' }, 0, 10).rows.map((r) => r.id)).toEqual([added]);
    countsMatchTrades();

    // Closing the open trade moves it from the open bucket to a day, its tag's count too.
    const tagTotal = (f: TradeFilter) => query.list(f, { key: 'id', dir: 'asc' }, 0, 10).total;
    expect(tagTotal({ tagIds: [t.breakout!], status: 'open' })).toBe(1);
    sqlite
      .prepare("UPDATE trades SET status = 'closed', closed_at = ?, close_day = '2024-03-09', exit_price = 101 WHERE id = ?")
      .run(Date.UTC(2024, 2, 9, 16), t.open);
    expect(query.list({ status: 'open' }, { key: 'id', dir: 'asc' }, 0, 10).total).toBe(0);
    expect(idsOf({ dateFrom: '2024-03-09', dateTo: '2024-03-09' })).toEqual([t.open]);
    expect(tagTotal({ tagIds: [t.breakout!], status: 'open' })).toBe(0);
    expect(tagTotal({ tagIds: [t.breakout!], dateFrom: '2024-03-09', dateTo: '2024-03-09' })).toBe(1);
    countsMatchTrades();

    expect(tagTotal({ tagIds: [t.fomo!], accountIds: [ny] })).toBe(1);
    sqlite.prepare('DELETE FROM trades WHERE id IN (?, ?)').run(t.a, added);
    expect(total()).toBe(4);
    expect(query.list({}, { key: 'id', dir: 'asc' }, 0, 10).total).toBe(5);
    expect(tagTotal({ tagIds: [t.fomo!], accountIds: [ny] })).toBe(0);
    countsMatchTrades();
    expect(tagTotal({ tagIds: [t.fomo!], accountIds: [tokyo] })).toBe(1);
    sqlite.prepare('DELETE FROM accounts WHERE id = ?').run(tokyo);
    expect(query.list({}, { key: 'id', dir: 'asc' }, 0, 10).total).toBe(4);
    expect(tagTotal({ tagIds: [t.fomo!], accountIds: [tokyo] })).toBe(0);
    countsMatchTrades();
  });
});
