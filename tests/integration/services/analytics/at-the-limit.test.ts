import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { PROP_TEMPLATES } from '../../../../shared/domain/prop-templates';

// Goals and prop evaluations share one definition (shared/domain/limits.ts): a loss of
// exactly the limit breaks it; a cent less does not.
describe('"at the limit" means the same to goals and prop evaluations', () => {
  let t: TestServices;
  let handlers: Handlers;
  const call = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await handlers[channel](request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.data as ResponseOf<C>;
  };
  beforeEach(() => {
    t = createTestServices();
    handlers = createHandlers(t.services);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const journal = async (secondLossDollars: number) => {
    const account = await call('accounts:create', { name: 'Eval', currency: 'USD', timezone: 'America/Chicago', startingBalanceCents: 5_000_000 });
    // Two losing AAPL trades on Monday 2026-03-02 (Chicago): -$600 and -$secondLoss.
    for (const [hour, loss] of [[15, 600], [16, secondLossDollars]] as const) {
      await call('trades:create', {
        accountId: account.id, symbol: 'AAPL', direction: 'long', qty: 100, entryPrice: 100, exitPrice: 100 - loss / 100,
        openedAt: Date.parse(`2026-03-02T${hour - 1}:00:00Z`), closedAt: Date.parse(`2026-03-02T${hour}:00:00Z`), feesCents: 0,
      });
    }
    await call('goals:create', { name: 'Max loss', kind: 'max_daily_loss', period: 'month', target: 100_000, startsOn: '2026-03-01', endsOn: '2026-03-31', accountId: account.id });
    await call('prop:create', {
      accountId: account.id, firm: 'Plain', name: 'Fixed $1,000 daily loss', phase: 'phase1', startBalanceCents: 5_000_000,
      profitTargetCents: 300_000, dailyLossLimitCents: 100_000, maxDrawdownCents: 200_000, drawdownMode: 'static', startedOn: '2026-03-01',
    });
    return account;
  };

  it('a day losing exactly $1,000 breaks a $1,000 limit for both', async () => {
    await journal(400);
    const [goal] = await call('goals:list', {});
    expect(goal).toMatchObject({ status: 'missed', currentValue: 100_000 });
    const [evaluation] = await call('prop:list', {});
    expect(evaluation!.computedStatus).toBe('failed');
    expect(evaluation!.breaches).toEqual(['On 2026-03-02 the running loss reached $1,000.00 against the $1,000.00 daily limit.']);
  });

  it('a day losing $999.99 breaks neither', async () => {
    await journal(399.99);
    const [goal] = await call('goals:list', {});
    expect(goal!.status).not.toBe('missed');
    expect(goal!.currentValue).toBe(99_999);
    const [evaluation] = await call('prop:list', {});
    expect(evaluation).toMatchObject({ computedStatus: 'active', breaches: [] });
  });

  it('an evaluation made from a firm template is judged by its rules and says them in plain words', async () => {
    const account = await call('accounts:create', { name: 'Topstep', currency: 'USD', timezone: 'America/Chicago', startingBalanceCents: 5_000_000 });
    const topstep = PROP_TEMPLATES.find((p) => p.key === 'topstep-50k')!;
    // -$1,200 by 10:00 CT, then +$1,500: the day closes +$300, but the running loss reached the limit.
    for (const [hour, exit] of [[16, 88], [17, 115]] as const) {
      await call('trades:create', {
        accountId: account.id, symbol: 'AAPL', direction: 'long', qty: 100, entryPrice: 100, exitPrice: exit,
        openedAt: Date.parse(`2026-03-02T${hour - 1}:00:00Z`), closedAt: Date.parse(`2026-03-02T${hour}:00:00Z`), feesCents: 0,
      });
    }
    const created = await call('prop:create', {
      accountId: account.id, firm: topstep.firm, name: topstep.name, phase: 'phase1', startBalanceCents: topstep.startBalanceCents,
      profitTargetCents: 300_000, dailyLossLimitCents: 100_000, maxDrawdownCents: 200_000, drawdownMode: 'trailing', startedOn: '2026-03-01',
      rules: topstep.rules,
    });
    expect(created.ruleWords[1]).toContain('Breaking it ends trading for that day only');
    expect(created).toMatchObject({ computedStatus: 'active', cumulativeProfitCents: 30_000 });
    expect(created.breaches).toEqual(['On 2026-03-02 the running loss reached $1,200.00 against the $1,000.00 daily limit: trading ends for that day.']);
    const bad = await handlers['prop:create']({ ...created, id: undefined, rules: { ...topstep.rules, dailyLoss: { basis: 'pct_start', consequence: 'fail' } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
