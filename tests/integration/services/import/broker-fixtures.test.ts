import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { BUILT_IN_PRESETS } from '../../../../shared/domain/import-presets';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/import/brokers/${name}`, import.meta.url));

/** A fill as the fixture's rows say it, in UTC (worked out by hand from the file's local times). */
interface Fill {
  at: string;
  side: 'buy' | 'sell';
  qty: number;
  price: number;
  feeCents: number;
}
interface Figures {
  symbol: string;
  direction: 'long' | 'short';
  qty: number;
  grossCents: number;
  feesCents: number;
  netCents: number;
  openedAt: number;
  closedAt: number | null;
}

/**
 * FIFO round trips computed apart from the importer: per symbol, in time order, a trade runs
 * from flat to flat; gross is what the closed quantity made against the lots it closed, oldest first.
 */
function fifoTrips(symbol: string, multiplier: number, fills: Fill[]): Figures[] {
  const trips: Figures[] = [];
  const lots: { qty: number; price: number }[] = [];
  let trip: Figures | null = null;
  let gross = 0;
  for (const fill of [...fills].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    const sign = fill.side === 'buy' ? 1 : -1;
    if (trip === null) {
      trip = { symbol, direction: sign > 0 ? 'long' : 'short', qty: 0, grossCents: 0, feesCents: 0, netCents: 0, openedAt: Date.parse(fill.at), closedAt: null };
      gross = 0;
    }
    trip.feesCents += fill.feeCents;
    const opening = (trip.direction === 'long') === (sign > 0);
    if (opening) {
      lots.push({ qty: fill.qty, price: fill.price });
      trip.qty += fill.qty;
      continue;
    }
    let left = fill.qty;
    while (left > 0) {
      const lot = lots[0]!;
      const take = Math.min(lot.qty, left);
      gross += (trip.direction === 'long' ? fill.price - lot.price : lot.price - fill.price) * take * multiplier;
      lot.qty -= take;
      left -= take;
      if (lot.qty === 0) lots.shift();
    }
    if (lots.length === 0) {
      trip.closedAt = Date.parse(fill.at);
      trip.grossCents = Math.round(gross * 100);
      trip.netCents = trip.grossCents - trip.feesCents;
      trips.push(trip);
      trip = null;
    }
  }
  if (trip !== null) trips.push(trip);
  return trips;
}

interface Case {
  file: string;
  presetId: string;
  timeZone: string;
  /** Trades expected, per symbol: fills for FIFO, or figures written out for trade-per-row layouts. */
  expected: Figures[];
  rows: number;
}

const f = (at: string, side: 'buy' | 'sell', qty: number, price: number, feeCents = 0): Fill => ({ at, side, qty, price, feeCents });
const trade = (symbol: string, direction: 'long' | 'short', qty: number, grossCents: number, feesCents: number, opened: string, closed: string): Figures => ({
  symbol, direction, qty, grossCents, feesCents, netCents: grossCents - feesCents, openedAt: Date.parse(opened), closedAt: Date.parse(closed),
});

const CASES: Case[] = [
  {
    file: 'tradezero-executions.csv', presetId: 'builtin:tradezero-executions', timeZone: 'America/New_York', rows: 5,
    expected: [
      ...fifoTrips('AAPL', 1, [f('2025-10-15T13:31:05Z', 'buy', 100, 247.1, 131), f('2025-10-15T13:33:40Z', 'buy', 50, 247.3, 115), f('2025-10-15T13:45:12Z', 'sell', 150, 248, 137)]),
      ...fifoTrips('TSLA', 1, [f('2025-10-15T14:02:00Z', 'sell', 20, 435.5, 106), f('2025-10-15T14:20:30Z', 'buy', 20, 433.25, 106)]),
    ],
  },
  {
    file: 'thinkorswim-account-statement.csv', presetId: 'builtin:thinkorswim-account-statement', timeZone: 'America/New_York', rows: 4,
    expected: [
      ...fifoTrips('NVDA', 1, [f('2025-10-15T13:35:02Z', 'buy', 100, 180.2), f('2025-10-15T14:12:45Z', 'sell', 100, 181.05)]),
      ...fifoTrips('AMD', 1, [f('2025-10-15T15:00:00Z', 'sell', 50, 160.4), f('2025-10-15T15:30:10Z', 'buy', 50, 159.9)]),
    ],
  },
  {
    file: 'ibkr-activity-statement.csv', presetId: 'builtin:ibkr-activity-trades', timeZone: 'America/New_York', rows: 4,
    expected: [
      ...fifoTrips('MSFT', 1, [f('2025-10-15T13:41:10Z', 'buy', 100, 512.3, 100), f('2025-10-15T18:02:33Z', 'sell', 100, 514.1, 105)]),
      ...fifoTrips('ESZ5', 50, [f('2025-10-15T14:05:00Z', 'sell', 2, 6680.25, 450), f('2025-10-15T14:45:30Z', 'buy', 2, 6671.75, 450)]),
    ],
  },
  {
    file: 'tradovate-orders.csv', presetId: 'builtin:tradovate-orders', timeZone: 'America/Chicago', rows: 4,
    expected: [
      ...fifoTrips('MESZ5', 5, [f('2025-10-15T14:31:05Z', 'buy', 2, 6650.25), f('2025-10-15T14:48:40Z', 'sell', 2, 6655.5)]),
      ...fifoTrips('MNQZ5', 2, [f('2025-10-15T15:02:00Z', 'sell', 1, 25100), f('2025-10-15T15:15:30Z', 'buy', 1, 25080.5)]),
    ],
  },
  {
    file: 'tradovate-performance.csv', presetId: 'builtin:tradovate-performance', timeZone: 'America/Chicago', rows: 3,
    expected: [
      trade('MESZ5', 'long', 2, 5250, 0, '2025-10-15T14:31:05Z', '2025-10-15T14:48:40Z'),
      trade('MNQZ5', 'short', 1, 3900, 0, '2025-10-15T15:02:00Z', '2025-10-15T15:15:30Z'),
      trade('MESZ5', 'long', 1, -1500, 0, '2025-10-15T16:00:00Z', '2025-10-15T16:05:00Z'),
    ],
  },
  {
    file: 'ninjatrader-trades.csv', presetId: 'builtin:ninjatrader-trades', timeZone: 'America/New_York', rows: 3,
    expected: [
      trade('MNQZ5', 'long', 2, 3100, 104, '2025-10-15T14:59:02Z', '2025-10-15T15:05:00Z'),
      trade('MNQZ5', 'short', 1, 6000, 52, '2025-10-15T20:59:00Z', '2025-10-15T23:10:00Z'),
      trade('ESZ5', 'long', 1, -7500, 250, '2025-10-16T13:45:00Z', '2025-10-16T13:52:30Z'),
    ],
  },
  {
    file: 'tradestation-orders.csv', presetId: 'builtin:tradestation-orders', timeZone: 'America/New_York', rows: 4,
    expected: [
      ...fifoTrips('AAPL', 1, [f('2025-10-15T13:31:02Z', 'buy', 100, 247.12, 100), f('2025-10-15T13:50:10Z', 'sell', 100, 248.02, 100)]),
      ...fifoTrips('TSLA', 1, [f('2025-10-15T14:02:00Z', 'sell', 10, 435.5, 100), f('2025-10-15T14:30:00Z', 'buy', 10, 433, 100)]),
    ],
  },
  {
    // Times carry "EDT": the chosen zone must not move them.
    file: 'webull-orders.csv', presetId: 'builtin:webull-orders', timeZone: 'Europe/Berlin', rows: 4,
    expected: [
      ...fifoTrips('AAPL', 1, [f('2025-10-15T13:35:01Z', 'buy', 10, 247), f('2025-10-15T14:40:02Z', 'sell', 10, 249.5)]),
      ...fifoTrips('TSLA', 1, [f('2025-10-15T15:05:03Z', 'buy', 5, 430.9), f('2025-10-15T17:00:04Z', 'sell', 5, 433.1)]),
    ],
  },
  {
    // Dates only, newest first: the same-day short and cover keep their order.
    file: 'schwab-transactions.csv', presetId: 'builtin:schwab-transactions', timeZone: 'America/New_York', rows: 4,
    expected: [
      ...fifoTrips('TSLA', 1, [f('2025-10-15T04:00:00Z', 'sell', 10, 435, 2), f('2025-10-15T04:00:00Z', 'buy', 10, 430)]),
      ...fifoTrips('AAPL', 1, [f('2025-10-15T04:00:00Z', 'buy', 100, 247), f('2025-10-16T04:00:00Z', 'sell', 100, 249, 5)]),
    ],
  },
];

describe('broker layouts: fixture file in, FIFO trades out', () => {
  let ctx: TestServices;
  let accountId: number;
  beforeEach(() => {
    ctx = createTestServices();
    accountId = ctx.services.journal.accounts.create({ name: 'Broker', broker: null, currency: 'USD', timezone: 'America/New_York', startingBalanceCents: 0 }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  it('has at least 15 built-in layouts', () => {
    expect(BUILT_IN_PRESETS.length).toBeGreaterThanOrEqual(15);
  });

  for (const c of CASES) {
    it(`${c.presetId}: detects ${c.file} and imports the trades FIFO says`, async () => {
      const preview = await ctx.services.imports.preview({ path: fixture(c.file), accountId, timeZone: c.timeZone, sampleSize: 50 });
      expect(preview.detectedPresetId).toBe(c.presetId);
      expect(preview.errors).toEqual([]);
      const result = await ctx.services.imports.run({
        path: fixture(c.file), presetId: c.presetId, accountId, timeZone: c.timeZone, onError: 'abort', instruments: {},
        newAccounts: { currency: 'USD', timezone: 'UTC' }, dryRun: false,
      });
      expect(result).toMatchObject({ status: 'committed', rowCount: c.rows, errorRows: 0, tradesCreated: c.expected.length });
      const stored = ctx.services.db.sqlite
        .prepare(
          `SELECT i.symbol, t.direction, t.qty, t.gross_pnl_cents AS grossCents, t.fees_cents AS feesCents, t.net_pnl_cents AS netCents,
             t.opened_at AS openedAt, t.closed_at AS closedAt
           FROM trades t JOIN instruments i ON i.id = t.instrument_id ORDER BY t.opened_at, t.id`,
        )
        .all() as Figures[];
      const byOpen = (a: Figures, b: Figures) => a.openedAt - b.openedAt || a.symbol.localeCompare(b.symbol);
      expect([...stored].sort(byOpen)).toEqual([...c.expected].sort(byOpen));
    });
  }
});
