import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import { createAnalyticsService } from '../../../../electron/main/services/analytics/analytics-service';
import { BREAKDOWN_DIMENSIONS } from '../../../../shared/domain/analytics';
import type { TradeFilter } from '../../../../shared/domain/trade';
import { expectDayFactsExact } from '../../../helpers/day-facts';

let t: TestServices;
let api: Handlers;

beforeEach(() => {
  t = createTestServices();
  api = createHandlers(t.services);
});
afterEach(() => t.cleanup());

const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
};

const at = (iso: string) => Date.parse(iso);

describe('the analytics day facts follow every write made through the handlers', () => {
  it('creates, edits, retags, merges, deletes, moves between accounts and zones, rebuilds and restores', async () => {
    const sqlite = t.services.db.sqlite;
    const scan = createAnalyticsService(sqlite, { source: 'scan' });
    /** The stored facts equal a recompute, and the analytics channels answer as the scan does. */
    const check = async (label: string) => {
      expectDayFactsExact(sqlite, label);
      const accounts = ok(await api['accounts:list']({})).map((a) => a.id);
      const filters: TradeFilter[] = [{}, { accountIds: accounts.slice(0, 1) }, { dateFrom: '2024-03-09', dateTo: '2024-03-11' }, { direction: 'short' }];
      for (const filter of filters) {
        expect(ok(await api['analytics:summary']({ filter })), label).toEqual(scan.summary(filter));
        expect(ok(await api['analytics:equityCurve']({ filter })), label).toEqual(scan.equityCurve(filter));
        for (const dimension of BREAKDOWN_DIMENSIONS) {
          expect(ok(await api['analytics:breakdown']({ filter, dimension })), `${label} ${dimension}`).toEqual(scan.breakdown(filter, dimension));
        }
      }
    };

    const ny = ok(await api['accounts:create']({ name: 'NY', timezone: 'America/New_York', startingBalanceCents: 1_000_000 })).id;
    const tk = ok(await api['accounts:create']({ name: 'TK', timezone: 'Asia/Tokyo', startingBalanceCents: 500_000 })).id;
    const trade = async (accountId: number, opened: string, closed: string | null, exitPrice: number, tags: string[] = [], direction: 'long' | 'short' = 'long') =>
      ok(
        await api['trades:create']({
          accountId, symbol: 'ES', direction, openedAt: at(opened), closedAt: closed === null ? null : at(closed), qty: 1,
          entryPrice: 5000, exitPrice: closed === null ? null : exitPrice, feesCents: 250, tags,
        }),
      ).id;
    const ids = [
      await trade(ny, '2024-03-08T14:30:00Z', '2024-03-08T15:00:00Z', 5004, ['breakout']),
      await trade(ny, '2024-03-08T15:30:00Z', '2024-03-08T16:00:00Z', 4990, ['fomo']),
      await trade(ny, '2024-03-11T13:30:00Z', '2024-03-11T14:00:00Z', 5010, ['breakout', 'fomo'], 'short'),
      await trade(tk, '2024-03-08T15:10:00Z', '2024-03-08T15:40:00Z', 5002),
      await trade(tk, '2024-03-10T23:00:00Z', '2024-03-11T01:00:00Z', 5000.05),
      await trade(ny, '2024-03-12T14:00:00Z', null, 0, ['breakout']),
    ];
    await check('created');

    ok(await api['trades:update']({ id: ids[0]!, patch: { exitPrice: 4995 } }));
    await check('P&L edited');
    ok(await api['trades:update']({ id: ids[5]!, patch: { closedAt: at('2024-03-12T15:00:00Z'), exitPrice: 5003 } }));
    await check('open trade closed');
    ok(await api['trades:update']({ id: ids[1]!, patch: { closedAt: at('2024-03-09T02:00:00Z') } }));
    await check('moved to another trading day');
    ok(await api['trades:update']({ id: ids[3]!, patch: { accountId: ny } }));
    await check('moved to another account');
    ok(await api['trades:update']({ id: ids[2]!, patch: { tags: ['fomo', 'late'], direction: 'long' } }));
    await check('retagged');

    const tags = ok(await api['tags:list']({}));
    const id = (name: string) => tags.find((tag) => tag.name === name)!.id;
    ok(await api['tags:merge']({ sourceIds: [id('late')], targetId: id('breakout') }));
    await check('tags merged');
    ok(await api['tags:delete']({ id: id('fomo') }));
    await check('tag deleted');

    ok(await api['accounts:update']({ id: tk, patch: { timezone: 'Europe/Berlin' } }));
    await check('account zone changed');

    const backup = join(t.dir, 'manual', 'facts.db');
    await t.services.backup.backupTo(backup);
    ok(await api['trades:delete']({ ids: [ids[0]!, ids[4]!] }));
    await check('deleted');

    ok(await api['equity:rebuild']({ accountId: null }));
    await check('rebuilt');

    expect(await t.services.backup.restore(backup)).not.toBeNull();
    await check('restored');
    expect(ok(await api['analytics:summary']({ filter: {} })).tradeCount).toBe(6);
  }, 60_000);

  it('are checked by equity validation, and repaired by a rebuild', async () => {
    const sqlite = t.services.db.sqlite;
    // FDAX is quoted in euros: a euro account books it without a rate.
    const account = ok(await api['accounts:create']({ name: 'Main', currency: 'EUR', timezone: 'Europe/Berlin' })).id;
    for (const [day, exit] of [['05', 5010], ['05', 4990], ['06', 5003]] as const) {
      ok(await api['trades:create']({
        accountId: account, symbol: 'FDAX', direction: 'long', openedAt: at(`2024-02-${day}T09:00:00Z`), closedAt: at(`2024-02-${day}T10:00:00Z`),
        qty: 1, entryPrice: 5000, exitPrice: exit,
      }));
    }
    expect(ok(await api['equity:validate']({ accountId: null })).status).toBe('ok');

    // Facts edited outside the app: one day's total, and one hour row that no longer adds up.
    sqlite.prepare("UPDATE analytics_day_facts SET net_pnl_cents = net_pnl_cents + 1 WHERE dim = 'all' AND day = '2024-02-05'").run();
    sqlite.prepare("UPDATE analytics_day_facts SET trades = trades + 1 WHERE dim = 'hour' AND day = '2024-02-06'").run();
    const run = ok(await api['equity:validate']({ accountId: null }));
    expect(run).toMatchObject({ status: 'discrepancies', discrepancyCount: 2 });
    const page = ok(await api['equity:discrepancies']({ runId: run.id, accountId: null, offset: 0, limit: 50 }));
    expect(page.rows.map((d) => [d.day, d.field])).toEqual([
      ['2024-02-05', 'analytics_day_facts'],
      ['2024-02-06', 'analytics_day_facts'],
    ]);

    const rebuilt = ok(await api['equity:rebuild']({ accountId: account }));
    expect(rebuilt.validation.status).toBe('ok');
    expectDayFactsExact(sqlite);
  });
});
