import { afterEach, describe, expect, it } from 'vitest';
import { createJournalFixture, type JournalFixture } from './journal-fixture';
import { createRng, type Rng } from '../../../../electron/main/services/demo/prng';
import { createAnalyticsService } from '../../../../electron/main/services/analytics/analytics-service';
import { factsPlan } from '../../../../electron/main/services/analytics/day-facts-query';
import { rebuildDailyEquity } from '../../../../electron/main/services/equity/rebuild';
import { BREAKDOWN_DIMENSIONS } from '../../../../shared/domain/analytics';
import type { TradeFilter } from '../../../../shared/domain/trade';
import { dayInZone } from '../../../../shared/domain/day';
import { expectDayFactsExact } from '../../../helpers/day-facts';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Lord_Howe', 'America/St_Johns'];
const HOUR = 3_600_000;
// Around the spring DST changes of New York (03-10), Berlin (03-31) and Lord Howe (04-07).
const START = Date.UTC(2024, 2, 1);
const SPAN_DAYS = 45;

interface Journal {
  accounts: number[];
  instruments: number[];
  tags: number[];
}

const pick = <T,>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;
const subset = <T,>(rng: Rng, xs: readonly T[]): T[] => xs.filter(() => rng.chance(0.5));
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A random journal: accounts in several zones trading at once, breakevens, open trades, many tags. */
function randomJournal(fx: JournalFixture, rng: Rng): Journal {
  const accounts = Array.from({ length: 1 + rng.int(3) }, (_, i) =>
    fx.account({ name: `A${i}${rng.chance(0.2) ? '' : 'x'}`, timezone: pick(rng, ZONES), startingBalanceCents: rng.int(3) * 500_000 }),
  );
  const instruments = Array.from({ length: 1 + rng.int(4) }, (_, i) => fx.instrument(`I${i}`));
  const tags = Array.from({ length: 1 + rng.int(4) }, (_, i) => fx.tag(`T${i}`));
  const trades = 20 + rng.int(250);
  // Few distinct instants, so trades often close at the same millisecond (ties broken by id).
  const closeSlots = Array.from({ length: 40 + rng.int(200) }, () => START + rng.int(SPAN_DAYS * 24) * HOUR + rng.int(4) * 900_000);
  for (let i = 0; i < trades; i++) {
    const closedAt = pick(rng, closeSlots);
    const open = rng.chance(0.08);
    const gross = rng.chance(0.15) ? 0 : Math.round(rng.normal() * 10_000);
    const fees = rng.chance(0.3) ? 0 : rng.int(300);
    fx.trade({
      accountId: pick(rng, accounts),
      instrumentId: pick(rng, instruments),
      direction: rng.chance(0.5) ? 'long' : 'short',
      openedAt: new Date(closedAt - rng.int(30) * 1_800_000).toISOString(),
      ...(open ? {} : { closedAt: new Date(closedAt).toISOString() }),
      grossPnlCents: gross === 0 && fees > 0 ? fees : gross,
      feesCents: fees,
      tagIds: subset(rng, tags),
    });
  }
  fx.sqlite.prepare("UPDATE trades SET setup = ?, r_multiple = ? WHERE id % 3 = 0").run('breakout', 1.5);
  return { accounts, instruments, tags };
}

/** Random edits through plain SQL, as any write path would make them. */
function randomEdits(fx: JournalFixture, rng: Rng, j: Journal): void {
  const ids = fx.sqlite.prepare('SELECT id FROM trades ORDER BY id').pluck().all() as number[];
  const zoneOf = fx.sqlite.prepare('SELECT timezone FROM accounts WHERE id = ?').pluck();
  for (let i = 0; i < 25; i++) {
    const id = pick(rng, ids);
    switch (rng.int(6)) {
      case 0:
        fx.sqlite.prepare('DELETE FROM trades WHERE id = ?').run(id);
        break;
      case 1: {
        const gross = Math.round(rng.normal() * 5_000);
        fx.sqlite.prepare('UPDATE trades SET gross_pnl_cents = ?, net_pnl_cents = ? - fees_cents WHERE id = ?').run(gross, gross, id);
        break;
      }
      case 2: {
        const account = pick(rng, j.accounts);
        const closedAt = START + rng.int(SPAN_DAYS * 24) * HOUR;
        fx.sqlite
          .prepare("UPDATE trades SET account_id = ?, status = 'closed', closed_at = ?, close_day = ?, opened_at = MIN(opened_at, ?) WHERE id = ?")
          .run(account, closedAt, dayInZone(closedAt, zoneOf.get(account) as string), closedAt, id);
        break;
      }
      case 3:
        fx.sqlite.prepare('INSERT OR IGNORE INTO trade_tags (trade_id, tag_id) VALUES (?, ?)').run(id, pick(rng, j.tags));
        break;
      case 4:
        fx.sqlite.prepare('DELETE FROM trade_tags WHERE trade_id = ?').run(id);
        break;
      case 5:
        fx.sqlite.prepare("UPDATE trades SET status = 'open', closed_at = NULL, close_day = NULL WHERE id = ?").run(id);
        break;
    }
  }
}

function randomFilter(rng: Rng, j: Journal): TradeFilter {
  const filter: TradeFilter = {};
  if (rng.chance(0.4)) {
    const a = START + rng.int(SPAN_DAYS) * 86_400_000;
    const b = a + rng.int(SPAN_DAYS) * 86_400_000;
    if (rng.chance(0.8)) filter.dateFrom = dayOf(a);
    if (rng.chance(0.8)) filter.dateTo = dayOf(b);
  }
  if (rng.chance(0.4)) filter.accountIds = rng.chance(0.3) ? [...j.accounts] : subset(rng, j.accounts);
  const keyed = rng.int(6);
  if (keyed === 1) filter.instrumentIds = subset(rng, j.instruments);
  if (keyed === 2) filter.tagIds = [pick(rng, j.tags)];
  if (keyed === 3) filter.direction = rng.chance(0.5) ? 'long' : 'short';
  if (keyed === 4) filter.tagIds = subset(rng, j.tags);
  if (keyed === 5) {
    filter.instrumentIds = [pick(rng, j.instruments)];
    filter.direction = 'long';
  }
  if (rng.chance(0.1)) filter.status = rng.chance(0.5) ? 'open' : 'closed';
  return filter;
}

let fx: JournalFixture | null = null;
afterEach(() => {
  fx?.close();
  fx = null;
});

describe('analytics from the day facts equal the scan of the trades', () => {
  it('for every view over random journals, edits and filters', () => {
    let answered = 0;
    let filters = 0;
    for (let seed = 1; seed <= 12; seed++) {
      fx = createJournalFixture();
      const rng = createRng(seed);
      const journal = randomJournal(fx, rng);
      if (seed % 2 === 0) randomEdits(fx, rng, journal);
      rebuildDailyEquity(fx.sqlite, null);
      // The rebuild above recomputed the facts; check the triggers' own result first.
      expectDayFactsExact(fx.sqlite, `seed ${seed}`);
      const facts = createAnalyticsService(fx.sqlite);
      const scan = createAnalyticsService(fx.sqlite, { source: 'scan' });
      for (let f = 0; f < 30; f++) {
        const filter = randomFilter(rng, journal);
        const label = `seed ${seed} filter ${JSON.stringify(filter)}`;
        filters += 1;
        if (factsPlan(filter)) answered += 1;
        expect(facts.summary(filter), label).toEqual(scan.summary(filter));
        expect(facts.equityCurve(filter), label).toEqual(scan.equityCurve(filter));
        expect(facts.calendar(filter), label).toEqual(scan.calendar(filter));
        expect(facts.calendar(filter, '2024-03'), label).toEqual(scan.calendar(filter, '2024-03'));
        for (const dimension of BREAKDOWN_DIMENSIONS) {
          expect(facts.breakdown(filter, dimension), `${label} by ${dimension}`).toEqual(scan.breakdown(filter, dimension));
        }
      }
      fx.close();
      fx = null;
    }
    // Most random filters must really be answered from the facts, not by the fallback.
    expect(answered / filters).toBeGreaterThan(0.6);
  }, 120_000);
});
