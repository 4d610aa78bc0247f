import { describe, expect, it } from 'vitest';
import { evaluatePropRules, type RuleTrade } from '../../../shared/domain/prop-engine';
import { PROP_TEMPLATES } from '../../../shared/domain/prop-templates';
import { PropRulesSchema, describePropRules } from '../../../shared/domain/prop-rules';
import { sessionTradingDay } from '../../../shared/domain/session-day';
import { createZoneCalendar } from '../../../shared/domain/zone-calendar';

// Every expected verdict below is worked out by hand from the firm's published rule (quoted
// in shared/domain/prop-templates.ts), not read off the engine. Amounts are dollars x 100.
const $ = (dollars: number) => Math.round(dollars * 100);
const template = (key: string) => PROP_TEMPLATES.find((t) => t.key === key)!;
const LATER = Date.parse('2027-01-01T00:00:00Z');
const run = (key: string, trades: [string, number][], asOf = LATER) => {
  const t = template(key);
  const list: RuleTrade[] = trades.map(([iso, dollars]) => ({ closedAt: Date.parse(iso), netCents: $(dollars) }));
  return evaluatePropRules(t.rules, t.startBalanceCents, list, asOf);
};
/** One trade a day at 15:00 UTC (a weekday morning in Chicago/New York, afternoon in Prague), from 2026-01-12 on. */
const daily = (amounts: number[]): [string, number][] =>
  amounts.map((a, i) => [new Date(Date.parse('2026-01-12T15:00:00Z') + i * 86_400_000).toISOString(), a]);

describe('templates are valid rule data and read in plain words', () => {
  it.each(PROP_TEMPLATES.map((t) => [t.key, t] as const))('%s', (_key, t) => {
    expect(PropRulesSchema.parse(t.rules)).toEqual(t.rules);
    expect(t.source).toMatch(/Read 2026-12-07/);
    const words = describePropRules(t.rules, t.startBalanceCents, 'USD');
    expect(words.length).toBeGreaterThanOrEqual(4);
  });
  it('says each rule of the Topstep template', () => {
    const t = template('topstep-50k');
    expect(describePropRules(t.rules, t.startBalanceCents, 'USD')).toEqual([
      'Trailing maximum loss: the balance must stay above the highest end-of-day balance minus $2,000. It moves up once a day, after the day closes, never down, and stops rising at $50,000. Checked after every trade.',
      'Daily loss limit: within one trading day the running realized loss, after every trade, must stay under $1,000; a loss of exactly the limit breaks it. Breaking it ends trading for that day only.',
      'A trading day starts at 17:00 America/Chicago time: a trade closed at or after it counts for the next day.',
      'Profit target: $3,000 of realized profit.',
      'At least 5 trading days (days with a closed trade).',
      'Consistency: the best day may be at most 50 % of the total profit.',
    ]);
  });
});

describe('Topstep Trading Combine $50K', () => {
  it('intraday breach of the daily loss limit: a soft breach ends the day, not the Combine', () => {
    // 09:00 and 10:00 CT: -$600 then -$400 = -$1,000, which reaches the $1,000 limit.
    const v = run('topstep-50k', [['2026-01-12T15:00:00Z', -600], ['2026-01-12T16:00:00Z', -400], ['2026-01-12T17:00:00Z', -100]]);
    expect(v.status).toBe('active');
    expect(v.breaches).toHaveLength(1);
    expect(v.breaches[0]).toMatchObject({ rule: 'daily_loss', day: '2026-01-12', fails: false, at: Date.parse('2026-01-12T16:00:00Z') });
    // -$1,200 intraday that recovers to +$300 by the close still breaks it (the day's net alone would not).
    const recovered = run('topstep-50k', [['2026-01-12T15:00:00Z', -1_200], ['2026-01-12T18:00:00Z', 1_500]]);
    expect(recovered.breaches.map((b) => b.rule)).toEqual(['daily_loss']);
  });

  it('end-of-day trailing: intraday highs do not move the floor; it locks at the $50,000 start', () => {
    // Day 1: +$2,500 then -$1,000: closes at $51,500 (the $52,500 intraday high does not count) -> floor $49,500.
    const d1: [string, number][] = [['2026-01-12T15:00:00Z', 2_500], ['2026-01-12T16:00:00Z', -1_000]];
    expect(run('topstep-50k', d1).floorCents).toBe($(49_500));
    // Day 2 +$1,000 closes at $52,500 -> $50,500, capped at the lock: $50,000.
    // Days 3-5: -$900, -$900, -$400 -> $50,300: above the locked floor (an unlocked one, $50,500, would have failed it).
    const locked = [...d1, ['2026-01-13T15:00:00Z', 1_000], ['2026-01-14T15:00:00Z', -900], ['2026-01-15T15:00:00Z', -900], ['2026-01-16T15:00:00Z', -400]] as [string, number][];
    const v = run('topstep-50k', locked);
    expect(v).toMatchObject({ status: 'active', balanceCents: $(50_300), floorCents: $(50_000), floorLocked: true, breaches: [] });
    // Day 6 -$300: exactly $50,000, the floor: reaching it breaks the Maximum Loss Limit.
    const failed = run('topstep-50k', [...locked, ['2026-01-19T15:00:00Z', -300]]);
    expect(failed.status).toBe('failed');
    expect(failed.breaches.at(-1)).toMatchObject({ rule: 'drawdown', day: '2026-01-19', fails: true });
  });

  it('is not an intraday trailing rule: a same-day giveback of a new high does not fail it', () => {
    // +$2,000 then -$2,000 in one day: intraday trailing ($52,000 - $2,000 = $50,000 floor) would fail at $50,000; end-of-day does not.
    const v = run('topstep-50k', [['2026-01-12T15:00:00Z', 2_000], ['2026-01-12T16:00:00Z', -900], ['2026-01-12T17:00:00Z', -900], ['2026-01-13T15:00:00Z', -200]]);
    expect(v.breaches.filter((b) => b.rule === 'drawdown')).toEqual([]);
  });

  it('consistency: the target with a best day over 50 % of the profit does not pass; at exactly 50 % it does', () => {
    const partial = run('topstep-50k', daily([2_000, 250, 250, 250, 250]));
    // $3,000 total in 5 days, but the best day is $2,000 = 66.7 %.
    expect(partial).toMatchObject({ status: 'active', targetMet: true, consistencyMet: false, totalProfitCents: $(3_000) });
    const passed = run('topstep-50k', daily([2_000, 250, 250, 250, 250, 1_000]));
    // $4,000 total: $2,000 is exactly 50 %, "at most 50 %".
    expect(passed).toMatchObject({ status: 'passed', consistencyMet: true, tradingDays: 6 });
  });

  it('minimum trading days: the target in 4 days waits for a fifth', () => {
    expect(run('topstep-50k', daily([800, 800, 800, 800]))).toMatchObject({ status: 'active', targetMet: true, tradingDays: 4, missing: ['1 more trading day(s)'] });
    expect(run('topstep-50k', daily([800, 800, 800, 800, 100])).status).toBe('passed');
  });

  it('day boundary 17:00 Chicago, across DST', () => {
    // 22:30Z and 23:30Z on 12 Jan are 16:30 and 17:30 CST: two trading days, -$600 each, no breach.
    expect(run('topstep-50k', [['2026-01-12T22:30:00Z', -600], ['2026-01-12T23:30:00Z', -600]]).breaches).toEqual([]);
    // 22:30Z and 22:50Z: one trading day, -$1,200: the daily limit.
    expect(run('topstep-50k', [['2026-01-12T22:30:00Z', -600], ['2026-01-12T22:50:00Z', -600]]).breaches).toHaveLength(1);
    const chicago = createZoneCalendar('America/Chicago');
    expect(sessionTradingDay(chicago, Date.parse('2026-01-12T22:59:59Z'), 1020)).toBe('2026-01-12');
    expect(sessionTradingDay(chicago, Date.parse('2026-01-12T23:00:00Z'), 1020)).toBe('2026-01-13');
    // Summer, CDT = UTC-5: 17:00 is 22:00Z.
    expect(sessionTradingDay(chicago, Date.parse('2026-07-13T21:59:59Z'), 1020)).toBe('2026-07-13');
    expect(sessionTradingDay(chicago, Date.parse('2026-07-13T22:00:00Z'), 1020)).toBe('2026-07-14');
  });
});

describe('Apex Trader Funding evaluation $50K', () => {
  it('intraday trailing: giving back a same-day high of $2,500 fails it', () => {
    // +$2,000 -> high $52,000, floor $49,500; then -$2,500 -> $49,500 reaches the floor.
    const v = run('apex-50k', [['2026-01-12T15:00:00Z', 2_000], ['2026-01-12T16:00:00Z', -2_500]]);
    expect(v.status).toBe('failed');
    expect(v.breaches).toEqual([expect.objectContaining({ rule: 'drawdown', day: '2026-01-12', at: Date.parse('2026-01-12T16:00:00Z') })]);
  });

  it('the threshold stops trailing at the start balance + $100', () => {
    // +$2,600 -> $52,600 - $2,500 = $50,100 = the lock; +$1,000 does not move it; -$3,400 -> $50,200 stays above.
    const trades = daily([2_600, 1_000, -3_400]);
    expect(run('apex-50k', trades)).toMatchObject({ status: 'active', floorCents: $(50_100), floorLocked: true, highWaterCents: $(53_600) });
    // -$100 more: $50,100 reaches the floor.
    expect(run('apex-50k', [...trades, ['2026-01-15T15:00:00Z', -100]]).status).toBe('failed');
  });

  it('no daily loss limit: a -$2,000 day is only a drawdown question', () => {
    const v = run('apex-50k', [['2026-01-12T15:00:00Z', -1_000], ['2026-01-12T16:00:00Z', -1_000]]);
    expect(v).toMatchObject({ status: 'active', breaches: [], floorCents: $(47_500) });
  });

  it('minimum 7 trading days; no consistency rule on the evaluation', () => {
    expect(run('apex-50k', daily([600, 600, 600, 600, 600, 600]))).toMatchObject({ status: 'active', targetMet: true, missing: ['1 more trading day(s)'] });
    expect(run('apex-50k', daily([600, 600, 600, 600, 600, 600, 10])).status).toBe('passed');
    // A $3,000 first day and six $1 days passes: no best-day share applies.
    expect(run('apex-50k', daily([3_000, 1, 1, 1, 1, 1, 1]))).toMatchObject({ status: 'passed', consistencyMet: null });
  });

  it('day boundary 18:00 New York', () => {
    // 22:59Z / 23:00Z on 12 Jan are 17:59 / 18:00 EST: two trading days.
    const v = run('apex-50k', [['2026-01-12T22:59:00Z', 10], ['2026-01-12T23:00:00Z', 10]]);
    expect(v.days.map((d) => d.day)).toEqual(['2026-01-12', '2026-01-13']);
  });
});

describe('FTMO 2-Step Challenge $100,000', () => {
  it('intraday breach: -$5,200 then +$6,000 in one day fails at the first trade', () => {
    const v = run('ftmo-100k', [['2026-01-12T09:00:00Z', -5_200], ['2026-01-12T12:00:00Z', 6_000]]);
    expect(v.status).toBe('failed');
    expect(v.breaches).toEqual([expect.objectContaining({ rule: 'daily_loss', at: Date.parse('2026-01-12T09:00:00Z'), fails: true })]);
  });

  it('the daily limit is 5 % of the initial balance below the previous day\'s close; exactly the limit breaks it', () => {
    // Day 1 +$3,000 -> $103,000; day 2 -$5,000 from there = exactly 5 % of $100,000.
    expect(run('ftmo-100k', daily([3_000, -5_000])).status).toBe('failed');
    expect(run('ftmo-100k', daily([3_000, -4_999.99])).status).toBe('active');
  });

  it('maximum loss is static: $10,000 below the initial balance, never trailing', () => {
    // +$8,000 then three -$4,900 days: $93,300 (a trailing $10,000 from $108,000 would have failed).
    const trades = daily([8_000, -4_900, -4_900, -4_900]);
    expect(run('ftmo-100k', trades)).toMatchObject({ status: 'active', floorCents: $(90_000), floorLocked: false });
    // -$3,300 more: $90,000 reaches the floor.
    expect(run('ftmo-100k', [...trades, ['2026-01-16T15:00:00Z', -3_300]]).status).toBe('failed');
  });

  it('minimum 4 trading days after reaching the 10 % target; no consistency rule', () => {
    expect(run('ftmo-100k', daily([10_000]))).toMatchObject({ status: 'active', targetMet: true, missing: ['3 more trading day(s)'] });
    expect(run('ftmo-100k', daily([10_000, 1, 1, 1])).status).toBe('passed');
  });

  it('day boundary: midnight Prague, not UTC', () => {
    // 22:30Z and 23:30Z on 12 Jan are 23:30 and 00:30 CET: two days of -$3,000, no breach
    // (both on 12 Jan in UTC, where they would add up to -$6,000).
    expect(run('ftmo-100k', [['2026-01-12T22:30:00Z', -3_000], ['2026-01-12T23:30:00Z', -3_000]]).status).toBe('active');
    const prague = createZoneCalendar('Europe/Prague');
    expect(sessionTradingDay(prague, Date.parse('2026-07-12T21:59:59Z'), 0)).toBe('2026-07-12');
    expect(sessionTradingDay(prague, Date.parse('2026-07-12T22:00:00Z'), 0)).toBe('2026-07-13');
  });

  it('the last day moves an end-of-day floor only once it is over', () => {
    const t = template('topstep-50k');
    const trades = [{ closedAt: Date.parse('2026-01-12T15:00:00Z'), netCents: $(1_000) }];
    // At 16:00 CT the day is still open: the floor is still $48,000; after 17:00 CT it is $49,000.
    expect(evaluatePropRules(t.rules, t.startBalanceCents, trades, Date.parse('2026-01-12T22:00:00Z')).floorCents).toBe($(48_000));
    expect(evaluatePropRules(t.rules, t.startBalanceCents, trades, Date.parse('2026-01-12T23:00:00Z')).floorCents).toBe($(49_000));
  });
});
