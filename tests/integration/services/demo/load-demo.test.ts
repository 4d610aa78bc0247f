import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type DbHandle, type Sqlite } from '../../../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { loadDemoJournal } from '../../../../electron/main/services/demo/load-demo';
import { AppError } from '../../../../electron/main/services/errors';
import { COUNT_TRIGGERS } from '../../../../electron/main/services/journal/trade-filter-counts';
import { ANALYTICS_TRIGGERS } from '../../../../electron/main/services/analytics/day-facts-maintenance';
import { dayInZone } from '../../../../shared/domain/day';
import { expectFilterCountsExact } from '../../../helpers/filter-counts';
import { expectDayFactsExact } from '../../../helpers/day-facts';

// History ends in March 2025: it spans several DST changes in every zone that has them.
const NOW = Date.UTC(2025, 2, 20, 12, 0, 0);
const TRADES = 20_000;

interface TradeRow {
  id: number;
  account_id: number;
  timezone: string;
  multiplier: number;
  direction: 'long' | 'short';
  status: 'open' | 'closed';
  opened_at: number;
  closed_at: number | null;
  close_day: string | null;
  qty: number;
  entry_price: number;
  exit_price: number | null;
  stop_price: number | null;
  gross_pnl_cents: number;
  fees_cents: number;
  net_pnl_cents: number;
  r_multiple: number | null;
}

const TABLES = [
  'accounts', 'instruments', 'tags', 'trades', 'trade_tags', 'goals', 'prop_evaluations', 'daily_equity', 'trade_filter_counts',
  'trade_tag_filter_counts',
];

function dump(sqlite: Sqlite): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = sqlite.prepare(`SELECT rowid, * FROM ${table} ORDER BY rowid`).raw(true).all();
  return out;
}

describe('demo journal', () => {
  let dir: string;
  let handle: DbHandle;
  let sqlite: Sqlite;
  let trades: TradeRow[];
  const open = (name: string) => openDb(join(dir, name), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spark-demo-'));
    handle = open('demo.db');
    sqlite = handle.sqlite;
    const result = loadDemoJournal(sqlite, { trades: TRADES, seed: 7, now: NOW });
    expect(result.trades).toBe(TRADES);
    expect(result.accounts).toBe(5);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    trades = sqlite
      .prepare(
        `SELECT t.*, a.timezone, i.multiplier FROM trades t JOIN accounts a ON a.id = t.account_id
         JOIN instruments i ON i.id = t.instrument_id ORDER BY t.id`,
      )
      .all() as TradeRow[];
  }, 120_000);

  afterAll(() => {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes exactly the trades asked for, across accounts in several zones and currencies', () => {
    expect(trades).toHaveLength(TRADES);
    const accounts = sqlite.prepare('SELECT name, currency, timezone, starting_balance_cents AS start FROM accounts').all() as {
      currency: string; timezone: string; start: number;
    }[];
    expect(new Set(accounts.map((a) => a.timezone)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(accounts.map((a) => a.currency))).toEqual(new Set(['USD', 'GBP', 'JPY']));
    for (const a of accounts) expect(a.start).toBeGreaterThan(0);
    const multipliers = Object.fromEntries(
      (sqlite.prepare('SELECT symbol, multiplier FROM instruments').all() as { symbol: string; multiplier: number }[]).map((i) => [i.symbol, i.multiplier]),
    );
    expect(multipliers).toMatchObject({ ES: 50, NQ: 20, MNQ: 2, CL: 1000, GC: 100, AAPL: 1, EURUSD: 100_000 });
    const classes = sqlite.prepare('SELECT DISTINCT i.asset_class FROM trades t JOIN instruments i ON i.id = t.instrument_id').pluck().all();
    expect(new Set(classes)).toEqual(new Set(['future', 'stock', 'fx', 'option', 'crypto']));
    // Every account trades (the evaluation account only in its last weeks).
    const perAccount = sqlite.prepare('SELECT COUNT(DISTINCT account_id) FROM trades').pluck().get();
    expect(perAccount).toBe(5);
  });

  it('is deterministic: the same seed and now give identical content, another seed does not', () => {
    const again = open('again.db');
    const other = open('other.db');
    try {
      loadDemoJournal(again.sqlite, { trades: TRADES, seed: 7, now: NOW });
      loadDemoJournal(other.sqlite, { trades: TRADES, seed: 8, now: NOW });
      const original = dump(sqlite);
      expect(dump(again.sqlite)).toEqual(original);
      const different = dump(other.sqlite);
      expect(different.trades).toHaveLength(TRADES);
      expect(different.trades).not.toEqual(original.trades);
    } finally {
      again.close();
      other.close();
    }
  }, 120_000);

  it("stores every closed trade's close_day as the trading day in its account's zone, across DST changes", () => {
    let acrossMidnight = 0;
    let nearDst = 0;
    for (const t of trades) {
      if (t.status !== 'closed') continue;
      expect(t.close_day, `trade ${t.id}`).toBe(dayInZone(t.closed_at as number, t.timezone));
      if (t.close_day !== new Date(t.closed_at as number).toISOString().slice(0, 10)) acrossMidnight++;
      // The zone's offset three days before and after the close differ: a DST change is near.
      const offset = (ms: number) => {
        const local = new Date(new Date(ms).toLocaleString('en-US', { timeZone: t.timezone }));
        const utc = new Date(new Date(ms).toLocaleString('en-US', { timeZone: 'UTC' }));
        return local.getTime() - utc.getTime();
      };
      const threeDays = 3 * 86_400_000;
      if (t.id % 5 === 0 && offset((t.closed_at as number) - threeDays) !== offset((t.closed_at as number) + threeDays)) nearDst++;
    }
    // The UTC date is not the trading day for many trades (Tokyo mornings, Chicago evenings).
    expect(acrossMidnight).toBeGreaterThan(100);
    expect(nearDst).toBeGreaterThan(0);
  });

  it('keeps prices, P&L, fees and R consistent for every trade', () => {
    for (const t of trades) {
      expect(t.net_pnl_cents, `trade ${t.id}`).toBe(t.gross_pnl_cents - t.fees_cents);
      expect(Number.isInteger(t.gross_pnl_cents) && Number.isInteger(t.fees_cents)).toBe(true);
      expect(t.qty).toBeGreaterThan(0);
      expect(t.entry_price).toBeGreaterThan(0);
      expect(t.opened_at).toBeLessThan(NOW);
      const sign = t.direction === 'long' ? 1 : -1;
      if (t.status === 'open') {
        expect(t.closed_at).toBeNull();
        expect(t.close_day).toBeNull();
        expect(t.exit_price).toBeNull();
        continue;
      }
      expect(t.closed_at as number).toBeGreaterThan(t.opened_at);
      expect(t.closed_at as number).toBeLessThan(NOW);
      expect(t.fees_cents).toBeGreaterThan(0);
      const gross = Math.round(((t.exit_price as number) - t.entry_price) * sign * t.qty * t.multiplier * 100) || 0;
      expect(t.gross_pnl_cents, `trade ${t.id}`).toBe(gross);
      // The stop sits on the losing side of the entry, and R is net P&L over the money at risk to it.
      const risk = (t.entry_price - (t.stop_price as number)) * sign;
      expect(risk).toBeGreaterThan(0);
      const r = t.net_pnl_cents / (risk * t.qty * t.multiplier * 100);
      expect(t.r_multiple as number).toBeCloseTo(r, 1);
    }
    const open = trades.filter((t) => t.status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.length).toBeLessThanOrEqual(10);
  });

  it('hands out ids in open-time order', () => {
    for (let i = 1; i < trades.length; i++) {
      expect(trades[i]!.opened_at).toBeGreaterThanOrEqual(trades[i - 1]!.opened_at);
    }
  });

  it('has realistic outcomes: win rates near a coin flip, winners larger than losers, fat tails', () => {
    const stats = sqlite
      .prepare(
        `SELECT account_id, AVG(net_pnl_cents > 0) AS winRate,
                AVG(CASE WHEN r_multiple > 0 THEN r_multiple END) AS avgWinR,
                AVG(CASE WHEN r_multiple < 0 THEN -r_multiple END) AS avgLossR,
                MAX(r_multiple) AS bestR, MIN(r_multiple) AS worstR
         FROM trades WHERE status = 'closed' GROUP BY account_id`,
      )
      .all() as { winRate: number; avgWinR: number; avgLossR: number; bestR: number; worstR: number }[];
    expect(stats).toHaveLength(5);
    for (const s of stats) {
      expect(s.winRate).toBeGreaterThan(0.3);
      expect(s.winRate).toBeLessThan(0.65);
      expect(s.avgWinR).toBeGreaterThan(s.avgLossR * 0.9);
      expect(s.worstR).toBeLessThan(-1);
    }
    expect(Math.max(...stats.map((s) => s.bestR))).toBeGreaterThan(5);
    // Accounts differ in skill: win rates are not all the same.
    const rates = stats.map((s) => s.winRate);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.05);
    // Trades with a mistake tag lose more often than A+ setups.
    const tagWinRate = (name: string) =>
      sqlite
        .prepare(
          `SELECT AVG(t.net_pnl_cents > 0) FROM trades t JOIN trade_tags tt ON tt.trade_id = t.id
           JOIN tags g ON g.id = tt.tag_id WHERE g.name = ? AND t.status = 'closed'`,
        )
        .pluck()
        .get(name) as number;
    expect(tagWinRate('A+ setup')).toBeGreaterThan(tagWinRate('FOMO') + 0.1);
    expect(tagWinRate('moved stop')).toBe(0);
  });

  it('tags a fraction of trades and notes some', () => {
    const tagged = sqlite.prepare('SELECT COUNT(DISTINCT trade_id) FROM trade_tags').pluck().get() as number;
    expect(tagged / TRADES).toBeGreaterThan(0.4);
    expect(tagged / TRADES).toBeLessThan(0.9);
    const noted = sqlite.prepare("SELECT COUNT(*) FROM trades WHERE notes <> ''").pluck().get() as number;
    expect(noted / TRADES).toBeGreaterThan(0.03);
    expect(noted / TRADES).toBeLessThan(0.3);
    const names = sqlite.prepare('SELECT name FROM tags').pluck().all();
    expect(names).toEqual(expect.arrayContaining(['breakout', 'reversal', 'FOMO', 'A+ setup', 'revenge trade']));
  });

  it('writes goals of every kind and an active phase-1 evaluation whose trades keep its rules', () => {
    const kinds = sqlite.prepare('SELECT DISTINCT kind FROM goals').pluck().all();
    expect(new Set(kinds)).toEqual(new Set(['profit_target', 'max_daily_loss', 'max_trades_per_day', 'win_rate']));
    const monthly = sqlite.prepare("SELECT COUNT(*) FROM goals WHERE kind = 'profit_target' AND period = 'month'").pluck().get();
    expect(monthly).toBe(1);
    const active = sqlite.prepare("SELECT * FROM prop_evaluations WHERE status = 'active'").all() as {
      account_id: number; phase: string; drawdown_mode: string; profit_target_cents: number; daily_loss_limit_cents: number;
      max_drawdown_cents: number; min_trading_days: number; start_balance_cents: number; started_on: string;
    }[];
    expect(active).toHaveLength(1);
    const evaluation = active[0]!;
    expect(evaluation).toMatchObject({ phase: 'phase1', drawdown_mode: 'trailing' });
    expect(evaluation.min_trading_days).toBeGreaterThan(0);
    const days = sqlite
      .prepare('SELECT day, net_pnl_cents AS net, ending_equity_cents AS ending FROM daily_equity WHERE account_id = ? ORDER BY day')
      .all(evaluation.account_id) as { day: string; net: number; ending: number }[];
    expect(days.length).toBeGreaterThanOrEqual(evaluation.min_trading_days);
    expect(days[0]!.day >= evaluation.started_on).toBe(true);
    let peak = evaluation.start_balance_cents;
    for (const d of days) {
      expect(d.net).toBeGreaterThan(-evaluation.daily_loss_limit_cents);
      peak = Math.max(peak, d.ending);
      expect(peak - d.ending).toBeLessThan(evaluation.max_drawdown_cents);
    }
    expect(days.at(-1)!.ending - evaluation.start_balance_cents).toBeLessThan(evaluation.profit_target_cents);
    const passed = sqlite.prepare("SELECT * FROM prop_evaluations WHERE status = 'passed'").all() as {
      account_id: number; started_on: string; ended_on: string; profit_target_cents: number; start_balance_cents: number;
    }[];
    for (const p of passed) {
      const end = sqlite
        .prepare('SELECT ending_equity_cents FROM daily_equity WHERE account_id = ? AND day = ?')
        .pluck()
        .get(p.account_id, p.ended_on) as number;
      expect(end - p.start_balance_cents).toBeGreaterThanOrEqual(p.profit_target_cents);
    }
  });

  it('leaves daily_equity and both filter-count tables exactly consistent with the trades', () => {
    const starts = new Map(
      (sqlite.prepare('SELECT id, starting_balance_cents AS s FROM accounts').all() as { id: number; s: number }[]).map((a) => [a.id, a.s]),
    );
    const perDay = new Map<string, { gross: number; fees: number; net: number; n: number; wins: number }>();
    for (const t of trades) {
      if (t.status !== 'closed') continue;
      const key = `${t.account_id}|${t.close_day}`;
      const d = perDay.get(key) ?? { gross: 0, fees: 0, net: 0, n: 0, wins: 0 };
      d.gross += t.gross_pnl_cents;
      d.fees += t.fees_cents;
      d.net += t.net_pnl_cents;
      d.n += 1;
      d.wins += t.net_pnl_cents > 0 ? 1 : 0;
      perDay.set(key, d);
    }
    const expected: unknown[] = [];
    const running = new Map<number, { equity: number; peak: number }>();
    for (const key of [...perDay.keys()].sort((a, b) => {
      const [aa, ad] = a.split('|');
      const [ba, bd] = b.split('|');
      return Number(aa) - Number(ba) || (ad! < bd! ? -1 : 1);
    })) {
      const [account, day] = key.split('|');
      const d = perDay.get(key)!;
      const state = running.get(Number(account)) ?? { equity: starts.get(Number(account))!, peak: starts.get(Number(account))! };
      state.equity += d.net;
      state.peak = Math.max(state.peak, state.equity);
      running.set(Number(account), state);
      expected.push([Number(account), day, d.gross, d.fees, d.net, d.n, d.wins, state.equity, state.peak, state.peak - state.equity]);
    }
    const stored = sqlite
      .prepare(
        `SELECT account_id, day, gross_pnl_cents, fees_cents, net_pnl_cents, trade_count, win_count, ending_equity_cents,
                peak_equity_cents, drawdown_cents FROM daily_equity ORDER BY account_id, day`,
      )
      .raw(true)
      .all();
    expect(stored).toEqual(expected);

    expectFilterCountsExact(sqlite);

    expectDayFactsExact(sqlite);
    expect(sqlite.prepare('SELECT COUNT(*) FROM trade_tag_filter_counts').pluck().get()).toBeGreaterThan(100);
    // The bulk load lifted the count triggers; they must be back. The net = gross - fees rule stayed on throughout.
    const triggers = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
    expect(triggers).toEqual(
      [
        ...COUNT_TRIGGERS, ...ANALYTICS_TRIGGERS, 'trades_net_pnl_insert_check', 'trades_net_pnl_update_check',
        'analytics_day_refresh_run', 'analytics_utc_refresh_run', 'accounts_analytics_timezone',
      ].sort(),
    );
  });

  it('refuses a journal that already has trades, and bad options, changing nothing', () => {
    const before = dump(sqlite);
    expect(() => loadDemoJournal(sqlite, { trades: 10, seed: 1, now: NOW })).toThrowError(
      expect.objectContaining({ code: 'conflict', message: expect.stringContaining('empty journal') }),
    );
    expect(dump(sqlite)).toEqual(before);
    const fresh = open('fresh.db');
    try {
      for (const bad of [
        { trades: 0, seed: 1, now: NOW },
        { trades: 1.5, seed: 1, now: NOW },
        { trades: 10, seed: -1, now: NOW },
        { trades: 10, seed: 1, now: Number.NaN },
      ]) {
        let error: unknown;
        try {
          loadDemoJournal(fresh.sqlite, bad);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('validation');
      }
      expect(fresh.sqlite.prepare('SELECT COUNT(*) FROM accounts').pluck().get()).toBe(0);
      // Tiny journals work too.
      expect(loadDemoJournal(fresh.sqlite, { trades: 1, seed: 3, now: NOW }).trades).toBe(1);
    } finally {
      fresh.close();
    }
  });
});
