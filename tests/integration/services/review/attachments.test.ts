import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import { ATTACHMENT_MAX_BYTES } from '../../../../shared/domain/attachments';

/** A real 1x1 PNG. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const b64 = (bytes: number[] | Buffer) => Buffer.from(bytes).toString('base64');

describe('trade attachments through the handlers', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  let tradeId: number;

  beforeEach(() => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
    const accountId = ctx.services.journal.accounts.create({ name: 'Main', broker: null, currency: 'USD', timezone: 'UTC', startingBalanceCents: 0 }).id;
    tradeId = ctx.services.journal.trades.create({
      accountId, symbol: 'AAPL', direction: 'long', openedAt: 1_760_000_000_000, closedAt: 1_760_000_600_000, qty: 1, entryPrice: 10,
      exitPrice: 11, stopPrice: null, targetPrice: null, feesCents: 0, setup: null, notes: '', tags: [],
    }).id;
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  it('stores images and PDFs with the type their bytes prove, lists without bytes and returns them intact', async () => {
    const png = await handlers['attachments:add']({ tradeId, name: 'entry.png', dataBase64: PNG_1X1 });
    expect(png).toMatchObject({ ok: true, data: { tradeId, name: 'entry.png', mime: 'image/png', size: 70 } });
    const jpeg = await handlers['attachments:add']({ tradeId, name: 'chart.jpg', dataBase64: b64([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) });
    expect(jpeg).toMatchObject({ ok: true, data: { mime: 'image/jpeg', size: 7 } });
    const webp = await handlers['attachments:add']({ tradeId, name: 'w', dataBase64: b64(Buffer.from('RIFF\u0004\u0000\u0000\u0000WEBPVP8 ', 'latin1')) });
    expect(webp).toMatchObject({ ok: true, data: { mime: 'image/webp' } });
    const gif = await handlers['attachments:add']({ tradeId, name: 'g.gif', dataBase64: b64(Buffer.from('GIF89a\u0001\u0000', 'latin1')) });
    expect(gif).toMatchObject({ ok: true, data: { mime: 'image/gif' } });
    const pdf = await handlers['attachments:add']({ tradeId, name: 'statement.pdf', dataBase64: b64(Buffer.from('%PDF-1.7\n%%EOF\n')) });
    expect(pdf).toMatchObject({ ok: true, data: { mime: 'application/pdf', size: 15 } });

    const list = await handlers['attachments:list']({ tradeId });
    expect(list.ok && list.data.map((a) => [a.name, a.mime])).toEqual([
      ['entry.png', 'image/png'], ['chart.jpg', 'image/jpeg'], ['w', 'image/webp'], ['g.gif', 'image/gif'], ['statement.pdf', 'application/pdf'],
    ]);
    expect(list.ok && Object.keys(list.data[0]!)).not.toContain('dataBase64');
    if (!png.ok) return;
    expect(await handlers['attachments:get']({ id: png.data.id })).toMatchObject({ ok: true, data: { dataBase64: PNG_1X1, mime: 'image/png' } });
  });

  it('refuses files over 10 MiB with their size, files that are no image or PDF, and unknown trades', async () => {
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    Buffer.from(PNG_1X1, 'base64').copy(big);
    const tooBig = await handlers['attachments:add']({ tradeId, name: 'huge.png', dataBase64: big.toString('base64') });
    expect(tooBig).toEqual({ ok: false, error: { code: 'limit', message: expect.stringMatching(/^huge\.png is 10\.0 MiB; files up to 10 MiB can be attached/) } });
    const way = Buffer.alloc(2 * ATTACHMENT_MAX_BYTES + 3);
    expect(await handlers['attachments:add']({ tradeId, name: 'x.png', dataBase64: way.toString('base64') })).toMatchObject({
      ok: false, error: { code: 'validation', message: expect.stringMatching(/dataBase64: a file may be at most 10 MiB/) },
    });
    const text = await handlers['attachments:add']({ tradeId, name: 'notes.png', dataBase64: b64(Buffer.from('just text, named .png')) });
    expect(text).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/notes\.png is not a PNG, JPEG, GIF or WebP image or a PDF/) } });
    expect(await handlers['attachments:add']({ tradeId, name: 'x', dataBase64: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handlers['attachments:add']({ tradeId: 999, name: 'x.png', dataBase64: PNG_1X1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await handlers['attachments:list']({ tradeId })).toEqual({ ok: true, data: [] });
  });

  it('deletes one attachment, and all of them with their trade', async () => {
    const a = await handlers['attachments:add']({ tradeId, name: 'a.png', dataBase64: PNG_1X1 });
    await handlers['attachments:add']({ tradeId, name: 'b.png', dataBase64: PNG_1X1 });
    if (!a.ok) throw new Error(a.error.message);
    expect(await handlers['attachments:delete']({ id: a.data.id })).toEqual({ ok: true, data: { deleted: 1 } });
    expect(await handlers['attachments:get']({ id: a.data.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await handlers['trades:delete']({ ids: [tradeId] });
    expect(ctx.services.db.sqlite.prepare('SELECT COUNT(*) AS n FROM trade_attachments').get()).toEqual({ n: 0 });
  });
});
