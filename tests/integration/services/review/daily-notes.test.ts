import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';

describe('daily notes through the handlers', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  let mainId: number;
  let propId: number;

  beforeEach(() => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
    const { accounts } = ctx.services.journal;
    mainId = accounts.create({ name: 'Main', broker: null, currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 }).id;
    propId = accounts.create({ name: 'Prop', broker: null, currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  it('keeps one note per day for the whole journal and one per account, replaced on save, deleted when emptied', async () => {
    expect(await handlers['notes:get']({ day: '2025-10-15' })).toEqual({ ok: true, data: null });
    const global = await handlers['notes:save']({ day: '2025-10-15', plan: 'Fade the gap above 6700', tags: ['FOMC', 'fomc', 'gap'] });
    expect(global).toMatchObject({ ok: true, data: { day: '2025-10-15', accountId: null, accountName: null, plan: 'Fade the gap above 6700', review: '', tags: ['fomc', 'gap'] } });
    const own = await handlers['notes:save']({ day: '2025-10-15', accountId: propId, review: 'Overtraded after 11:00' });
    expect(own).toMatchObject({ ok: true, data: { accountId: propId, accountName: 'Prop', review: 'Overtraded after 11:00' } });
    const replaced = await handlers['notes:save']({ day: '2025-10-15', plan: 'Fade the gap above 6700', review: 'Did it, +2R', tags: ['gap'] });
    expect(replaced).toMatchObject({ ok: true, data: { review: 'Did it, +2R', tags: ['gap'] } });
    expect(ctx.services.db.sqlite.prepare('SELECT COUNT(*) AS n FROM daily_notes').get()).toEqual({ n: 2 });
    expect(await handlers['notes:get']({ day: '2025-10-15', accountId: mainId })).toEqual({ ok: true, data: null });
    expect(await handlers['notes:days']({ month: '2025-10' })).toEqual({ ok: true, data: ['2025-10-15'] });

    expect(await handlers['notes:save']({ day: '2025-10-15', accountId: propId, plan: '  ', review: '' })).toEqual({ ok: true, data: null });
    expect(ctx.services.db.sqlite.prepare('SELECT COUNT(*) AS n FROM daily_notes').get()).toEqual({ n: 1 });
  });

  it('finds notes holding every word in plan, review or tags, any case, with LIKE wildcards taken literally', async () => {
    await handlers['notes:save']({ day: '2025-10-14', plan: 'CPI at 8:30, wait 15 min', tags: ['news'] });
    await handlers['notes:save']({ day: '2025-10-15', accountId: mainId, review: 'Chased the open; 100% size was too much' });
    await handlers['notes:save']({ day: '2025-10-16', review: 'Calm day', tags: ['news', 'discipline'] });
    const days = async (query: string) => {
      const found = await handlers['notes:search']({ query });
      if (!found.ok) throw new Error(found.error.message);
      return found.data.map((n) => n.day);
    };
    expect(await days('')).toEqual(['2025-10-16', '2025-10-15', '2025-10-14']);
    expect(await days('NEWS')).toEqual(['2025-10-16', '2025-10-14']);
    expect(await days('news calm')).toEqual(['2025-10-16']);
    expect(await days('100%')).toEqual(['2025-10-15']);
    expect(await days('10_%')).toEqual([]);
    expect(await days('chased')).toEqual(['2025-10-15']);
    const mine = await handlers['notes:search']({ query: '', accountId: mainId });
    expect(mine.ok && mine.data.map((n) => n.accountName)).toEqual(['Main']);
  });

  it('rejects bad days, unknown accounts and oversized text with clear errors', async () => {
    expect(await handlers['notes:save']({ day: '2025-02-30', plan: 'x' })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/day: is not a real calendar day/) } });
    expect(await handlers['notes:save']({ day: '2025-10-15', accountId: 999, plan: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await handlers['notes:save']({ day: '2025-10-15', plan: 'x'.repeat(50_001) })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/plan: a plan has at most 50000 characters/) } });
    expect(await handlers['notes:save']({ day: '2025-10-15', tags: ['a;b'] })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handlers['notes:days']({ month: '2025-13' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('exports the notes as CSV and JSON through the export queue', async () => {
    await handlers['notes:save']({ day: '2025-10-14', plan: 'Plan, with "quotes"', tags: ['news', 'cpi'] });
    await handlers['notes:save']({ day: '2025-10-15', accountId: mainId, review: 'Review\nline two' });
    const run = async (format: 'csv' | 'json') => {
      const target = join(ctx.dir, `notes-${format}`);
      ctx.desktop.answerNextSave(target);
      const created = await handlers['exports:create']({ type: 'dailyNotes', format, options: { csvBom: false } });
      if (!created.ok) throw new Error(created.error.message);
      const done = await ctx.services.exports.waitFor(created.data!.id);
      expect(done.status).toBe('completed');
      return readFileSync(done.targetPath, 'utf8');
    };
    expect(await run('csv')).toBe(
      'Trading day,Account,Plan,Review,Tags\r\n2025-10-14,Whole journal,"Plan, with ""quotes""",,news; cpi\r\n2025-10-15,Main,,"Review\nline two",\r\n',
    );
    expect(JSON.parse(await run('json'))).toEqual([
      { day: '2025-10-14', account: 'Whole journal', plan: 'Plan, with "quotes"', review: '', tags: ['news', 'cpi'] },
      { day: '2025-10-15', account: 'Main', plan: '', review: 'Review\nline two', tags: [] },
    ]);
  });
});
