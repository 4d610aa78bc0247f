import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { ERROR_CODES } from '../../../shared/ipc/errors';
import { createHandlers, type Handlers } from '../../../electron/main/services/handlers';
import { createTestServices, type TestServices } from '../../helpers/test-services';

describe('IPC contract and handlers', () => {
  let ctx: TestServices;
  let handlers: Handlers;

  beforeAll(() => {
    ctx = createTestServices();
    handlers = createHandlers(ctx.services);
  });
  afterAll(async () => {
    await ctx.cleanup();
  });

  it('has a handler for every channel and no handler outside the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const name of CHANNELS) expect(typeof handlers[name]).toBe('function');
  });

  it('names channels area:verb', () => {
    for (const name of CHANNELS) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it.each(CHANNELS)('%s answers a malformed payload with a validation error, not a crash', async (name) => {
    for (const payload of [42, 'x', [1, 2], { __unexpected: true }]) {
      const result = await (handlers[name] as (p: unknown) => Promise<unknown>)(payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
      const error = (result as { error: { message: string } }).error;
      expect(error.message).toContain(name);
      expect(error.message).not.toMatch(/\n\s+at /);
    }
  });

  it('every request schema is a zod schema', () => {
    for (const name of CHANNELS) expect(typeof contract[name].request.safeParse).toBe('function');
  });

  it('lists trades with defaults filled in and names the bad field otherwise', async () => {
    const ok = await handlers['trades:list']({});
    expect(ok).toEqual({ ok: true, data: { rows: [], total: 0, offset: 0, limit: 100 } });
    const bad = await handlers['trades:list']({ filter: { dateFrom: '2024-13-45' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('validation');
      expect(bad.error.message).toMatch(/filter\.dateFrom/);
    }
    const tooMany = await handlers['trades:list']({ limit: 100_000 });
    expect(tooMany.ok).toBe(false);
  });

  it('turns unexpected failures into `internal` with no stack trace', async () => {
    const broken = createTestServices();
    const brokenHandlers = createHandlers(broken.services);
    broken.services.db.sqlite.exec('ALTER TABLE trades RENAME TO trades_gone');
    const result = await brokenHandlers['trades:list']({});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
    expect(broken.logger.lines.some((l) => l.event === 'ipc.handler.failed')).toBe(true);
    await broken.cleanup();
  });

  it('refuses the demo journal when the journal is not empty (conflict)', async () => {
    ctx.services.db.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Existing')").run();
    const result = await handlers['app:loadDemo']({ trades: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    ctx.services.db.sqlite.prepare("DELETE FROM accounts WHERE name = 'Existing'").run();
  });
});
