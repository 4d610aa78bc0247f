import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { expectFilterCountsExact } from '../../../helpers/filter-counts';
import { expectDayFactsExact } from '../../../helpers/day-facts';
import { COUNT_TRIGGERS } from '../../../../electron/main/services/journal/trade-filter-counts';
import { tradeFilterSql } from '../../../../electron/main/services/journal/trade-filter-sql';
import type { TradeCreateInput } from '../../../../shared/domain/trade-input';
import type { TradeFilter } from '../../../../shared/domain/trade';

const at = (iso: string) => Date.parse(iso);

describe('trade_tag_filter_counts stays exact on every write', () => {
  let ctx: TestServices;
  let ny: number;
  let tokyo: number;

  beforeEach(() => {
    ctx = createTestServices();
    const account = (name: string, timezone: string) =>
      ctx.services.journal.accounts.create({ name, broker: null, currency: 'USD', timezone, startingBalanceCents: 0 }).id;
    ny = account('NY', 'America/New_York');
    tokyo = account('Tokyo', 'Asia/Tokyo');
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  const sqlite = () => ctx.services.db.sqlite;
  const writes = () => ctx.services.journal;
  const exact = (label: string) => {
    expectFilterCountsExact(sqlite(), label);
    expectDayFactsExact(sqlite(), label);
  };
  const tagId = (name: string) => sqlite().prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number;
  const tagRows = () => sqlite().prepare('SELECT COUNT(*) FROM trade_tag_filter_counts').pluck().get() as number;
  const create = (input: Partial<TradeCreateInput> & Pick<TradeCreateInput, 'accountId' | 'openedAt'>) =>
    writes().trades.create({
      symbol: 'ESZ5', direction: 'long', closedAt: null, qty: 1, entryPrice: 100, exitPrice: null, stopPrice: null,
      targetPrice: null, feesCents: 0, setup: null, notes: '', tags: [], ...input,
    }).id;
  /** The Trades page's total next to a plain COUNT(*) over the trades for the same filter. */
  const totals = (filter: TradeFilter) => {
    const { where, params } = tradeFilterSql(filter);
    return {
      page: ctx.services.trades.list(filter, { key: 'closedAt', dir: 'desc' }, 0, 10).total,
      plain: sqlite().prepare(`SELECT COUNT(*) FROM trades t WHERE ${where}`).pluck().get(...params) as number,
    };
  };

  it('follows trade creates, tag edits, every key column, merges, tag and trade deletes and account deletes', () => {
    const closed = (day: string) => ({ closedAt: at(`${day}T15:00:00Z`), exitPrice: 101 });
    const a = create({ accountId: ny, openedAt: at('2025-03-03T14:00:00Z'), ...closed('2025-03-03'), tags: ['FOMO', 'A+'] });
    const b = create({ accountId: ny, openedAt: at('2025-03-03T14:30:00Z'), ...closed('2025-03-03'), tags: ['FOMO'] });
    const c = create({ accountId: ny, openedAt: at('2025-03-04T14:00:00Z'), ...closed('2025-03-04'), symbol: 'AAPL', tags: ['FOMO', 'late'] });
    const open = create({ accountId: ny, openedAt: at('2025-03-05T14:00:00Z'), tags: ['A+'] });
    const untagged = create({ accountId: tokyo, openedAt: at('2025-03-05T01:00:00Z'), ...closed('2025-03-05') });
    exact('after creates');
    // a and b share a key: one row counting two.
    expect(sqlite().prepare('SELECT trades FROM trade_tag_filter_counts WHERE tag_id = ? AND close_day = ?').pluck().all(tagId('FOMO'), '2025-03-03')).toEqual([2]);

    writes().trades.update(b, { tags: ['FOMO', 'A+', 'new'] });
    exact('tags added');
    writes().trades.update(a, { tags: ['A+'] });
    exact('a tag removed');
    writes().trades.update(untagged, { tags: ['late'] });
    exact('first tag on a trade');

    writes().trades.update(a, { accountId: tokyo });
    exact('account changed');
    writes().trades.update(b, { symbol: 'NQZ5' });
    exact('instrument changed');
    writes().trades.update(c, { direction: 'short' });
    exact('direction changed');
    writes().trades.update(c, { closedAt: at('2025-03-07T15:00:00Z') });
    exact('close day changed');
    writes().trades.update(open, { closedAt: at('2025-03-06T15:00:00Z'), exitPrice: 99 });
    exact('closed: status and close day changed');
    writes().trades.update(open, { closedAt: null, exitPrice: null });
    exact('reopened');
    // A new zone moves every closed trade of the account to its trading day there.
    writes().accounts.update(tokyo, { timezone: 'Pacific/Honolulu' });
    exact('account time zone changed');
    // Nothing in the app updates a link in place, but a trigger keeps even that exact.
    sqlite().prepare('UPDATE trade_tags SET tag_id = ? WHERE trade_id = ? AND tag_id = ?').run(tagId('late'), b, tagId('new'));
    exact('link updated in place');

    const merged = writes().tags.merge([tagId('A+'), tagId('late')], tagId('FOMO'));
    expect(merged.tradesRetagged).toBeGreaterThan(0);
    exact('tags merged');
    expect(tagRows()).toBeGreaterThan(0);
    for (const filter of [{ tagIds: [tagId('FOMO')], accountIds: [ny] }, { tagIds: [tagId('FOMO')], status: 'open' as const }]) {
      const { page, plain } = totals(filter);
      expect(page, JSON.stringify(filter)).toBe(plain);
    }

    writes().tags.delete(tagId('new'));
    exact('an unused tag deleted');
    writes().trades.delete([b]);
    exact('a tagged trade deleted');
    writes().tags.delete(tagId('FOMO'));
    exact('a used tag deleted');

    writes().trades.update(c, { tags: ['x', 'y'] });
    writes().trades.update(a, { tags: ['x'] });
    expect(tagRows()).toBeGreaterThan(0);
    // Two levels of cascade: account -> trades -> trade_tags.
    sqlite().prepare('DELETE FROM accounts WHERE id = ?').run(tokyo);
    exact('an account deleted');
    sqlite().prepare('DELETE FROM accounts WHERE id = ?').run(ny);
    exact('every account deleted');
    expect(tagRows()).toBe(0);
  });

  it("fires trade_tags' delete trigger on the cascade of a trade delete, after the trade row is gone", () => {
    const id = create({ accountId: ny, openedAt: at('2025-03-03T14:00:00Z'), closedAt: at('2025-03-03T15:00:00Z'), exitPrice: 101, tags: ['FOMO', 'A+'] });
    // Watch the links' deletes from a temporary trigger of our own.
    sqlite().exec(`
      CREATE TEMP TABLE link_deletes (trade_id INTEGER, tag_id INTEGER, trade_still_there INTEGER);
      CREATE TEMP TRIGGER watch_link_deletes AFTER DELETE ON main.trade_tags BEGIN
        INSERT INTO link_deletes VALUES (OLD.trade_id, OLD.tag_id, EXISTS (SELECT 1 FROM main.trades WHERE id = OLD.trade_id));
      END;`);
    try {
      expect(tagRows()).toBe(2);
      sqlite().prepare('DELETE FROM trades WHERE id = ?').run(id);
      // The cascade fired the link triggers, but with the trade already gone: they cannot
      // read its key, which is why trades' BEFORE DELETE trigger does the counting.
      const links = [tagId('FOMO'), tagId('A+')].sort((x, y) => x - y).map((tag) => [id, tag, 0]);
      expect(sqlite().prepare('SELECT trade_id, tag_id, trade_still_there FROM link_deletes ORDER BY tag_id').raw(true).all()).toEqual(links);
      expect(tagRows()).toBe(0);
      exact('after the cascade');
    } finally {
      sqlite().exec('DROP TRIGGER temp.watch_link_deletes; DROP TABLE temp.link_deletes;');
    }
  });

  it('leaves the counts alone when a trade delete is refused', () => {
    const id = create({ accountId: ny, openedAt: at('2025-03-03T14:00:00Z'), tags: ['FOMO'] });
    sqlite().exec(`CREATE TEMP TRIGGER refuse_delete BEFORE DELETE ON main.trades BEGIN SELECT RAISE(ABORT, 'refused'); END;`);
    try {
      expect(() => sqlite().prepare('DELETE FROM trades WHERE id = ?').run(id)).toThrow(/refused/);
    } finally {
      sqlite().exec('DROP TRIGGER temp.refuse_delete');
    }
    expect(tagRows()).toBe(1);
    exact('after a refused delete');
  });

  it('names every count trigger the migrations create, so bulk writes lift all of them', () => {
    const triggers = sqlite()
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%filter_counts%' ORDER BY name")
      .pluck()
      .all();
    expect(triggers).toEqual([...COUNT_TRIGGERS].sort());
  });
});
