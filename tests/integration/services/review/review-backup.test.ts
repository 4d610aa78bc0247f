import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers } from '../../../../electron/main/services/handlers';
import type { Channel, ResponseOf } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/errors';

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function ok<C extends Channel>(result: IpcResult<ResponseOf<C>>): ResponseOf<C> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('the review data survives a backup and a restore', () => {
  let ctx: TestServices | undefined;
  afterEach(async () => {
    await ctx?.cleanup();
  });

  it('carries screenshots, day notes, playbooks with their ticks, planned risk and bars', async () => {
    ctx = createTestServices();
    const handlers = createHandlers(ctx.services);
    const accountId = ctx.services.journal.accounts.create({ name: 'Main', broker: null, currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 }).id;
    const trade = ok<'trades:create'>(
      await handlers['trades:create']({
        accountId, symbol: 'AAPL', direction: 'long', openedAt: 1_760_000_000_000, closedAt: 1_760_000_600_000, qty: 100,
        entryPrice: 50, exitPrice: 52, stopPrice: 49, plannedRiskCents: 25_000, setup: 'ORB',
      }),
    );
    const shot = ok<'attachments:add'>(await handlers['attachments:add']({ tradeId: trade.id, name: 'entry.png', dataBase64: PNG_1X1 }));
    ok<'notes:save'>(await handlers['notes:save']({ day: '2025-10-09', plan: 'Only A+ setups', review: 'Kept to it', tags: ['calm'] }));
    const pb = ok<'playbooks:save'>(await handlers['playbooks:save']({ name: 'ORB', rules: [{ text: 'Wait for the range' }, { text: 'Stop under it' }] }));
    ok<'playbooks:setChecks'>(
      await handlers['playbooks:setChecks']({ tradeId: trade.id, checks: [{ ruleId: pb.rules[0]!.id, followed: true }, { ruleId: pb.rules[1]!.id, followed: false }] }),
    );
    const sqlite = ctx.services.db.sqlite;
    sqlite.prepare('INSERT INTO bars (instrument_id, bar_seconds, time, open, high, low, close) VALUES (?, 60, ?, 50, 51, 49.5, 50.5)').run(trade.instrumentId, 1_760_000_000_000);

    const target = join(ctx.dir, 'review-backup.db');
    ctx.desktop.answerNextSave(target);
    expect(ok<'backup:create'>(await handlers['backup:create']({}))).toMatchObject({ path: target });

    // Everything changes after the backup...
    ok<'attachments:delete'>(await handlers['attachments:delete']({ id: shot.id }));
    ok<'notes:save'>(await handlers['notes:save']({ day: '2025-10-09', plan: '', review: '' }));
    ok<'playbooks:delete'>(await handlers['playbooks:delete']({ id: pb.id }));
    ok<'trades:update'>(await handlers['trades:update']({ id: trade.id, patch: { plannedRiskCents: null } }));
    sqlite.prepare('DELETE FROM bars').run();

    // ...and the restore brings all of it back.
    ctx.desktop.answerNextOpen(target);
    const restored = ok<'backup:restore'>(await handlers['backup:restore']({}));
    expect(restored).toMatchObject({ tables: { trade_attachments: 1, daily_notes: 1, playbooks: 1, playbook_rules: 2, trade_rule_checks: 2, bars: 1 } });
    expect(ok<'attachments:get'>(await handlers['attachments:get']({ id: shot.id }))).toMatchObject({ name: 'entry.png', mime: 'image/png', dataBase64: PNG_1X1 });
    expect(ok<'notes:get'>(await handlers['notes:get']({ day: '2025-10-09' }))).toMatchObject({ plan: 'Only A+ setups', review: 'Kept to it', tags: ['calm'] });
    expect(ok<'playbooks:checklist'>(await handlers['playbooks:checklist']({ tradeId: trade.id }))).toMatchObject({
      playbook: { name: 'ORB' },
      checks: [{ ruleId: pb.rules[0]!.id, followed: true }, { ruleId: pb.rules[1]!.id, followed: false }],
    });
    // 200.00 over the planned 250.00.
    expect(ok<'trades:list'>(await handlers['trades:list']({})).rows[0]).toMatchObject({ plannedRiskCents: 25_000, rMultiple: 0.8 });
  });
});
