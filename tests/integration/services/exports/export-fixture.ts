import type { Sqlite } from '../../../../electron/main/services/db/client';
import { withAnalyticsDeferred } from '../../../../electron/main/services/analytics/day-facts-maintenance';
import { rebuildDailyEquity } from '../../../../electron/main/services/equity/rebuild';
import { dayInZone } from '../../../../shared/domain/day';

/** Notes that exercise quoting, formula guards, control characters and non-Latin text. */
export const TRICKY_NOTES = [
  '',
  'plain note',
  'comma, inside',
  'a "quoted" word',
  'line one\nline two',
  '=HYPERLINK("http://evil")',
  '+1 scalp',
  '-5 stop hit',
  '@mention',
  '\tleading tab',
  'ünïcödé – “smart” € 日本',
  '  padded  ',
  'x < y & z > w',
];

export interface SeedOptions {
  trades: number;
  /** Trades are spread over days ending here. */
  now: number;
}

/**
 * A small, deterministic journal for export tests: two accounts (USD, different zones),
 * three instruments, tags, open and closed trades with awkward notes, daily equity,
 * goals and prop evaluations. Written with plain SQL so tests own every figure.
 */
export function seedExportJournal(sqlite: Sqlite, { trades, now }: SeedOptions): void {
  const account = sqlite.prepare('INSERT INTO accounts (name, currency, timezone, starting_balance_cents) VALUES (?, ?, ?, ?)');
  const main = Number(account.run('Main, "cash"', 'USD', 'America/New_York', 5_000_000).lastInsertRowid);
  const prop = Number(account.run('Prop 50k', 'USD', 'UTC', 5_000_000).lastInsertRowid);
  const instrument = sqlite.prepare('INSERT INTO instruments (symbol, asset_class, multiplier) VALUES (?, ?, ?)');
  const instruments = [
    Number(instrument.run('ES', 'future', 50).lastInsertRowid),
    Number(instrument.run('AAPL', 'stock', 1).lastInsertRowid),
    Number(instrument.run('EURUSD', 'fx', 1).lastInsertRowid),
  ];
  const tag = sqlite.prepare('INSERT INTO tags (name) VALUES (?)');
  const tags = ['breakout', 'reversal', 'news; event', 'A+ setup'].map((name) => Number(tag.run(name).lastInsertRowid));
  const insertTrade = sqlite.prepare(
    `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty, entry_price,
       exit_price, stop_price, gross_pnl_cents, fees_cents, net_pnl_cents, r_multiple, setup, notes, external_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = sqlite.prepare('INSERT INTO trade_tags (trade_id, tag_id) VALUES (?, ?)');
  const zones = new Map([
    [main, 'America/New_York'],
    [prop, 'UTC'],
  ]);
  const start = now - 60 * 86_400_000;
  // Row by row, as a bulk load: the analytics day facts refresh each touched day once.
  sqlite.transaction(() => withAnalyticsDeferred(sqlite, () => {
    for (let i = 0; i < trades; i++) {
      const accountId = i % 3 === 0 ? prop : main;
      const openedAt = start + Math.floor((i * 60 * 86_400_000) / Math.max(1, trades)) + (i % 7) * 1_234;
      const open = i % 17 === 5;
      const closedAt = open ? null : openedAt + 60_000 * (1 + (i % 90)) + (i % 1000);
      const gross = ((i * 7919) % 40_001) - 18_000;
      const fees = 100 + (i % 5) * 25;
      const id = Number(
        insertTrade.run(
          accountId,
          instruments[i % 3],
          i % 2 ? 'short' : 'long',
          open ? 'open' : 'closed',
          openedAt,
          closedAt,
          closedAt === null ? null : dayInZone(closedAt, zones.get(accountId)!),
          1 + (i % 4) * 0.5,
          100 + (i % 50) * 0.25,
          open ? null : 100.5 + (i % 50) * 0.25,
          i % 4 === 0 ? 99.5 : null,
          gross,
          fees,
          gross - fees,
          i % 3 === 0 ? null : Math.round(((gross - fees) / 5_000) * 100) / 100,
          i % 6 === 0 ? 'opening range' : null,
          TRICKY_NOTES[i % TRICKY_NOTES.length]!,
          `ext-${i}`,
        ).lastInsertRowid,
      );
      if (i % 4 !== 3) insertTag.run(id, tags[i % tags.length]!);
      if (i % 5 === 0) insertTag.run(id, tags[(i + 1) % tags.length]!);
    }
  }))();
  rebuildDailyEquity(sqlite);

  const day = (offsetDays: number) => new Date(now + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const goal = sqlite.prepare(
    'INSERT INTO goals (account_id, name, kind, period, target, starts_on, ends_on, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  goal.run(main, 'Monthly profit', 'profit_target', 'month', 250_000, day(-90), null, 1);
  goal.run(null, 'Daily loss cap', 'max_daily_loss', 'day', 50_000, day(-90), null, 1);
  goal.run(prop, 'Win rate', 'win_rate', 'week', 0.55, day(-90), null, 1);
  goal.run(main, 'Old discipline goal', 'max_trades_per_day', 'week', 8, day(-200), day(-100), 0);
  const evaluation = sqlite.prepare(
    `INSERT INTO prop_evaluations (account_id, firm, name, phase, status, start_balance_cents, profit_target_cents,
       daily_loss_limit_cents, max_drawdown_cents, drawdown_mode, min_trading_days, alert_threshold, started_on, ended_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  evaluation.run(prop, 'Topstep', 'Combine 50k', 'phase1', 'active', 5_000_000, 300_000, 100_000, 200_000, 'trailing', 5, 0.8, day(-45), null);
  evaluation.run(prop, 'Apex', 'PA 50k', 'funded', 'active', 5_000_000, 250_000, 150_000, 250_000, 'static', 0, 0.5, day(-30), null);
  const note = sqlite.prepare('INSERT INTO daily_notes (day, account_id, plan, review, tags, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  note.run(day(-3), null, 'Trade the open only, "A+" setups', '', 'plan;news', now - 3 * 86_400_000);
  note.run(day(-3), prop, '', '=SUM(A1) looked like a formula; it stays text\nsecond line', '', now - 3 * 86_400_000 + 1);
  note.run(day(-1), main, 'Size down after two losses', 'Kept to it, +1.5R', 'discipline', now - 86_400_000);
}
