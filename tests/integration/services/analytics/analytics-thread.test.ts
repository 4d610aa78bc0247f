import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createAnalyticsService } from '../../../../electron/main/services/analytics/analytics-service';
import { createThreadedAnalytics, sourceAnalyticsWorker } from '../../../../electron/main/services/analytics/analytics-thread';
import { createMemoryLogger } from '../../../../electron/main/services/logging';
import { createHandlers } from '../../../../electron/main/services/handlers';
import { TradeCreateSchema } from '../../../../shared/domain/trade-input';

let current: TestServices | null = null;
afterEach(async () => {
  await current?.cleanup();
  current = null;
});

const loaded = () => {
  const t = (current = createTestServices());
  t.services.demo.load({ trades: 3000, seed: 5 });
  return t;
};

describe('analytics in a worker_thread', () => {
  it('answers every call exactly as the in-process service does, filtered or not', async () => {
    const t = loaded();
    const inline = createAnalyticsService(t.services.db.sqlite);
    const account = t.services.lookups.accounts()[0]!.id;
    for (const filter of [{}, { accountIds: [account], direction: 'long' as const }, { dateFrom: '2026-01-01' }]) {
      expect(await t.services.analytics.summary(filter)).toEqual(inline.summary(filter));
      expect(await t.services.analytics.breakdown(filter, 'tag')).toEqual(inline.breakdown(filter, 'tag'));
      expect(await t.services.analytics.equityCurve(filter)).toEqual(inline.equityCurve(filter));
      expect(await t.services.analytics.calendar(filter, '2026-10')).toEqual(inline.calendar(filter, '2026-10'));
    }
  });

  it('leaves the main thread free while it computes, and sees a write committed just before the call', async () => {
    const t = loaded();
    let ticked = false;
    setImmediate(() => (ticked = true));
    const pending = t.services.analytics.summary({});
    // In-process, the summary would finish before this macrotask could run.
    const summary = await pending;
    expect(ticked).toBe(true);

    const { id, currency } = t.services.lookups.accounts()[0]!;
    const before = summary.tradeCount;
    // In the account's own currency: a trade in another would wait for a rate and not count yet.
    const instrument = t.services.lookups.instruments().find((i) => i.currency === currency)!;
    t.services.journal.trades.create(
      TradeCreateSchema.parse({
        accountId: id,
        instrumentId: instrument.id,
        direction: 'long',
        openedAt: Date.UTC(2026, 9, 1, 14),
        closedAt: Date.UTC(2026, 9, 1, 15),
        qty: 1,
        entryPrice: 100,
        exitPrice: 101,
        tags: [],
      }),
    );
    expect((await t.services.analytics.summary({})).tradeCount).toBe(before + 1);
  });

  it('a missing journal is a clear error, and closing refuses waiting and later calls', async () => {
    const t = (current = createTestServices());
    const logger = createMemoryLogger();
    const broken = createThreadedAnalytics({ dbPath: join(t.dir, 'gone.db'), entry: sourceAnalyticsWorker(), logger });
    await expect(broken.summary({})).rejects.toThrow(/analytics worker stopped/);
    expect(logger.lines.some((l) => l.event === 'analytics.worker.crashed')).toBe(true);
    await broken.close();

    const threaded = createThreadedAnalytics({ dbPath: t.services.config.dbPath, entry: sourceAnalyticsWorker(), logger });
    const waiting = expect(threaded.summary({})).rejects.toThrow(/closing/);
    await threaded.close();
    await waiting;
    await expect(threaded.summary({})).rejects.toThrow(/closing/);
  });

  it('serves the analytics channels through the handlers', async () => {
    const t = loaded();
    const handlers = createHandlers(t.services);
    const account = t.services.lookups.accounts()[0]!;
    const result = await handlers['analytics:summary']({ filter: { accountIds: [account.id] } });
    expect(result).toMatchObject({ ok: true, data: { tradeCount: expect.any(Number) } });
    // The demo's accounts hold USD, GBP and JPY: a total over all of them is refused, not added up.
    for (const channel of ['analytics:summary', 'analytics:equityCurve', 'analytics:calendar'] as const) {
      const mixed = await handlers[channel]({ filter: {} });
      expect(mixed).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(!mixed.ok && mixed.error.message).toMatch(/different currencies \(GBP: .*; JPY: .*; USD: .*\); amounts in different currencies are never added/);
    }
  });
});
