import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import type { Channel, ResponseOf } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/errors';

function ok<C extends Channel>(result: IpcResult<ResponseOf<C>>): ResponseOf<C> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('playbooks through the handlers', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  let accountId: number;

  beforeEach(() => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
    accountId = ctx.services.journal.accounts.create({ name: 'Main', broker: null, currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  // Long 100 @ 50, stop 49 (risk 100.00), no fees: exit 52 = +2 R, exit 49.5 = −0.5 R.
  const trade = async (exitPrice: number, setup: string | null) =>
    ok<'trades:create'>(
      await handlers['trades:create']({
        accountId, symbol: 'AAPL', direction: 'long', openedAt: 1_760_000_000_000, closedAt: 1_760_000_600_000, qty: 100,
        entryPrice: 50, exitPrice, stopPrice: 49, setup,
      }),
    );

  it('manages playbooks, matches trades by setup (any case), and keeps ticks of rules that stay', async () => {
    const orb = ok<'playbooks:save'>(
      await handlers['playbooks:save']({ name: 'ORB', description: 'Opening range breakout', rules: [{ text: 'Wait for the 5-min range' }, { text: 'Stop under the range' }] }),
    );
    expect(orb.rules.map((r) => r.text)).toEqual(['Wait for the 5-min range', 'Stop under the range']);
    expect(await handlers['playbooks:save']({ name: 'orb' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await handlers['playbooks:save']({ name: ' ' })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/name: a playbook needs a name/) } });

    const t = await trade(52, ' orb ');
    const list = ok<'playbooks:checklist'>(await handlers['playbooks:checklist']({ tradeId: t.id }));
    expect(list).toMatchObject({ playbook: { id: orb.id, tradeCount: 1 }, checks: [] });
    const [wait, stop] = orb.rules;
    const ticked = ok<'playbooks:setChecks'>(
      await handlers['playbooks:setChecks']({ tradeId: t.id, checks: [{ ruleId: wait!.id, followed: true }, { ruleId: stop!.id, followed: false }] }),
    );
    expect(ticked.checks).toEqual([{ ruleId: wait!.id, followed: true }, { ruleId: stop!.id, followed: false }]);

    // A rename carries the trade's setup along; a rule kept by id keeps its tick, a dropped rule loses it.
    const renamed = ok<'playbooks:save'>(
      await handlers['playbooks:save']({ id: orb.id, name: 'Opening range', rules: [{ id: wait!.id, text: 'Wait for the 5-minute range' }, { text: 'Size to 1R' }] }),
    );
    const row = ok<'trades:list'>(await handlers['trades:list']({})).rows[0]!;
    expect(row.setup).toBe('Opening range');
    const after = ok<'playbooks:checklist'>(await handlers['playbooks:checklist']({ tradeId: t.id }));
    expect(after.playbook?.rules.map((r) => r.text)).toEqual(['Wait for the 5-minute range', 'Size to 1R']);
    expect(after.checks).toEqual([{ ruleId: wait!.id, followed: true }]);

    // Ticks must name the trade's own playbook's rules, on a trade that has one.
    const other = ok<'playbooks:save'>(await handlers['playbooks:save']({ name: 'Fade', rules: [{ text: 'At a level' }] }));
    expect(await handlers['playbooks:setChecks']({ tradeId: t.id, checks: [{ ruleId: other.rules[0]!.id, followed: true }] })).toMatchObject({
      ok: false, error: { code: 'validation', message: expect.stringMatching(/is not a rule of the playbook "Opening range"/) },
    });
    const loose = await trade(52, null);
    expect(await handlers['playbooks:setChecks']({ tradeId: loose.id, checks: [] })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handlers['playbooks:checklist']({ tradeId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(renamed.id).toBe(orb.id);
  });

  it('compares rules followed against broken: win rate, net and expectancy in R', async () => {
    const pb = ok<'playbooks:save'>(await handlers['playbooks:save']({ name: 'ORB', rules: [{ text: 'Wait for the range' }] }));
    const rule = pb.rules[0]!.id;
    const a = await trade(52, 'ORB'); // +2 R, +200.00, followed
    const b = await trade(52, 'ORB'); // +2 R, followed
    const c = await trade(49.5, 'ORB'); // −0.5 R, −50.00, broken
    for (const [t, followed] of [[a, true], [b, true], [c, false]] as const) {
      ok<'playbooks:setChecks'>(await handlers['playbooks:setChecks']({ tradeId: t.id, checks: [{ ruleId: rule, followed }] }));
    }
    const stats = ok<'playbooks:ruleStats'>(await handlers['playbooks:ruleStats']({}));
    expect(stats).toEqual([
      {
        playbookId: pb.id, ruleId: rule, text: 'Wait for the range',
        followed: { tradeCount: 2, winRate: 1, netPnlCents: 40_000, expectancyR: 2 },
        broken: { tradeCount: 1, winRate: 0, netPnlCents: -5_000, expectancyR: -0.5 },
      },
    ]);
    // Flipping one tick moves a trade from one side to the other.
    ok<'playbooks:setChecks'>(await handlers['playbooks:setChecks']({ tradeId: b.id, checks: [{ ruleId: rule, followed: false }] }));
    const moved = ok<'playbooks:ruleStats'>(await handlers['playbooks:ruleStats']({}))[0]!;
    expect(moved.followed).toEqual({ tradeCount: 1, winRate: 1, netPnlCents: 20_000, expectancyR: 2 });
    expect(moved.broken).toEqual({ tradeCount: 2, winRate: 0.5, netPnlCents: 15_000, expectancyR: 0.75 });
    // By setup: 3 trades, 2 won, net 350.00, expectancy (2 + 2 − 0.5) / 3 R.
    const setups = ok<'analytics:breakdown'>(await handlers['analytics:breakdown']({ dimension: 'setup' }));
    expect(setups[0]).toMatchObject({ label: 'ORB', tradeCount: 3, winRate: 2 / 3, netPnlCents: 35_000, expectancyR: expect.closeTo(3.5 / 3, 10) });
    // Deleting the playbook deletes its rules and every tick (the trades keep their setup).
    ok<'playbooks:delete'>(await handlers['playbooks:delete']({ id: pb.id }));
    expect(ctx.services.db.sqlite.prepare('SELECT COUNT(*) AS n FROM trade_rule_checks').get()).toEqual({ n: 0 });
  });
});
