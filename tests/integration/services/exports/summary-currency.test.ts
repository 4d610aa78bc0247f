import { afterEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { openRowSource } from '../../../../electron/main/services/exports/jobs/registry';
import { ExportSpecSchema } from '../../../../shared/domain/export-params';
import { selectColumns } from '../../../../shared/domain/export-columns';
import { formatCents } from '../../../../shared/domain/money';

let current: TestServices | null = null;
afterEach(async () => {
  await current?.cleanup();
  current = null;
});

const figure = (figures: { label: string; value: string }[], label: string) => figures.find((f) => f.label === label)?.value;

describe('PDF summary money across currencies', () => {
  it('never adds amounts in different currencies: one total per currency, or one amount for one currency', async () => {
    const t = (current = createTestServices());
    t.services.demo.load({ trades: 2000, seed: 9 });
    const sqlite = t.services.db.sqlite;
    const summaryOf = (spec: unknown) => {
      const parsed = ExportSpecSchema.parse(spec);
      return openRowSource(parsed, { sqlite, now: Date.now() }, selectColumns(parsed.type, parsed.columns)).summary();
    };
    const perCurrency = (sql: string) =>
      (sqlite.prepare(sql).all() as { currency: string; cents: number }[]).map((r) => formatCents(r.cents, r.currency, 'en-US')).join(' · ');

    const trades = summaryOf({ type: 'trades', format: 'pdf' });
    const expectedNet = perCurrency('SELECT a.currency, SUM(t.net_pnl_cents) AS cents FROM trades t JOIN accounts a ON a.id = t.account_id GROUP BY a.currency ORDER BY a.currency');
    expect(new Set((sqlite.prepare('SELECT DISTINCT currency FROM accounts').pluck().all() as string[])).size).toBeGreaterThan(1);
    expect(figure(trades, 'Net P&L')).toBe(expectedNet);
    expect(figure(trades, 'Net P&L')).toContain(' · ');
    const plain = sqlite
      .prepare(
        `SELECT COUNT(*) AS n, SUM(status = 'closed') AS closed, SUM(status = 'closed' AND net_pnl_cents > 0) AS wins,
                MIN(close_day) AS first, MAX(close_day) AS last FROM trades`,
      )
      .get() as { n: number; closed: number; wins: number; first: string; last: string };
    expect(figure(trades, 'Trades')).toBe(plain.n.toLocaleString('en-US'));
    expect(figure(trades, 'Win rate (closed)')).toBe(`${(Math.round((plain.wins / plain.closed) * 1000) / 10).toFixed(1)} %`);
    expect(figure(trades, 'Trading days')).toBe(`${plain.first} to ${plain.last}`);

    const daily = summaryOf({ type: 'dailyPnl', format: 'pdf' });
    expect(figure(daily, 'Net P&L')).toBe(
      perCurrency('SELECT a.currency, SUM(d.net_pnl_cents) AS cents FROM daily_equity d JOIN accounts a ON a.id = d.account_id GROUP BY a.currency ORDER BY a.currency'),
    );

    // Tag performance: one row per tag and currency, each summed in its own currency.
    const tagSpec = ExportSpecSchema.parse({ type: 'tagPerformance', format: 'csv' });
    const tagColumns = selectColumns('tagPerformance', undefined);
    const tagSource = openRowSource(tagSpec, { sqlite, now: Date.now() }, tagColumns);
    const at = (key: string) => tagColumns.findIndex((c) => c.key === key);
    const tagRows = [...tagSource.rows()];
    const expectedTagRows = sqlite
      .prepare(
        `SELECT g.name AS tag, a.currency AS currency, SUM(t.net_pnl_cents) AS net FROM trade_tags tt JOIN trades t ON t.id = tt.trade_id
         JOIN tags g ON g.id = tt.tag_id JOIN accounts a ON a.id = t.account_id WHERE t.status = 'closed'
         GROUP BY g.id, a.currency ORDER BY g.name, g.id, a.currency`,
      )
      .raw()
      .all();
    expect(tagRows.map((r) => [r[at('tag')], r[at('currency')], r[at('netPnl')]])).toEqual(expectedTagRows);
    expect(new Set(tagRows.map((r) => r[at('tag')])).size).toBeLessThan(tagRows.length);
    expect(figure(tagSource.summary(), 'Best tag')).toContain(' · ');

    const usd = t.services.lookups.accounts().find((a) => a.currency === 'USD')!;
    const one = summaryOf({ type: 'trades', format: 'pdf', params: { filter: { accountIds: [usd.id] } } });
    const net = sqlite.prepare('SELECT SUM(net_pnl_cents) FROM trades WHERE account_id = ?').pluck().get(usd.id) as number;
    expect(figure(one, 'Net P&L')).toBe(formatCents(net, 'USD', 'en-US'));
  });
});
