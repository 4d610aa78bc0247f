import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../../shared/ipc/contract';
import { ERROR_CODES } from '../../../shared/ipc/errors';
import { createHandlers, type Handlers } from '../../../electron/main/services/handlers';
import { createRng } from '../../../electron/main/services/demo/prng';
import type { Sqlite } from '../../../electron/main/services/db/client';
import { createTestServices, type TestServices } from '../../helpers/test-services';
import { generatePayload } from './payload-fuzz';

/** Channels that must never change a row, whatever they are sent. */
const READ_ONLY: ReadonlySet<Channel> = new Set<Channel>([
  'app:info', 'trades:list', 'accounts:list', 'instruments:list', 'tags:list', 'settings:get',
  'equity:status', 'equity:discrepancies', 'equity:runs',
  'analytics:summary', 'analytics:breakdown', 'analytics:equityCurve', 'analytics:calendar',
  'goals:list', 'prop:list', 'exports:list', 'exports:get', 'exports:reveal', 'exports:open', 'exports:health',
  'exports:presets', 'perf:summary', 'perf:runs', 'import:pickFile', 'import:preview', 'import:batches',
  'import:presets', 'backup:list', 'settings:chooseFolder',
]);
const READ_ONLY_PER_CHANNEL = 24;
const ALL_PER_CHANNEL = 12;
const CALL_TIMEOUT_MS = 20_000;

function rowCounts(sqlite: Sqlite): Record<string, number> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Every answer is the envelope: data, or { code, message } with a code of the closed set and no stack. */
function expectEnvelope(answer: unknown, what: string): 'ok' | (typeof ERROR_CODES)[number] {
  expect(answer, what).toBeTypeOf('object');
  const result = answer as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (result.ok === true) {
    expect(Object.keys(result).sort(), what).toEqual(['data', 'ok']);
    return 'ok';
  }
  expect(result.ok, what).toBe(false);
  const error = result.error!;
  expect(ERROR_CODES, what).toContain(error.code);
  expect(error.message, what).toBeTypeOf('string');
  expect((error.message as string).length, what).toBeGreaterThan(0);
  expect(error.message as string, what).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  return error.code as (typeof ERROR_CODES)[number];
}

describe('IPC fuzz: generated payloads on every channel', () => {
  let ctx: TestServices;
  let handlers: Handlers;
  const tally = new Map<string, number>();
  let calls = 0;

  beforeAll(() => {
    ctx = createTestServices();
    ctx.services.demo.load({ trades: 300, seed: 11 });
    // Few export workers at once: creates past the cap are answered with `limit`.
    ctx.services.settings.update({ maxActiveExportJobs: 2, exportConcurrency: 1 });
    handlers = createHandlers(ctx.services);
  });
  afterAll(async () => {
    await ctx.cleanup();
  });

  const send = async (channel: Channel, payload: unknown, index: number) => {
    const what = `${channel} #${index} ${JSON.stringify(payload)?.slice(0, 300)}`;
    const answer = await withTimeout((handlers[channel] as (p: unknown) => Promise<unknown>)(payload), what);
    const outcome = expectEnvelope(answer, what);
    calls++;
    tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
    if (outcome === 'internal') throw new Error(`${what} answered internal: ${JSON.stringify(answer)}`);
  };

  it('read-only channels answer in the envelope and change no row', async () => {
    const rng = createRng(20251207);
    const before = rowCounts(ctx.services.db.sqlite);
    for (const channel of CHANNELS.filter((c) => READ_ONLY.has(c))) {
      for (let i = 0; i < READ_ONLY_PER_CHANNEL; i++) await send(channel, generatePayload(contract[channel].request, rng), i);
    }
    expect(rowCounts(ctx.services.db.sqlite)).toEqual(before);
  });

  it('every channel answers in the envelope, within the timeout, and the journal stays intact', async () => {
    const rng = createRng(7);
    for (let round = 0; round < ALL_PER_CHANNEL; round++) {
      for (const channel of CHANNELS) await send(channel, generatePayload(contract[channel].request, rng), round);
    }
    const sqlite = ctx.services.db.sqlite;
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // The equity pre-aggregate still reconciles with the trades after whatever writes got through.
    const validation = await handlers['equity:validate']({});
    expect(validation).toMatchObject({ ok: true, data: { discrepancyCount: 0 } });
  });

  it('sent at least 1,000 payloads across every channel', () => {
    expect(calls).toBeGreaterThanOrEqual(1000);
    expect(READ_ONLY.size * READ_ONLY_PER_CHANNEL + CHANNELS.length * ALL_PER_CHANNEL).toBe(calls);
    // Both ways through: some payloads reached the services, some were refused.
    expect(tally.get('ok') ?? 0).toBeGreaterThan(100);
    expect(tally.get('validation') ?? 0).toBeGreaterThan(100);
    console.log('fuzz outcomes', Object.fromEntries(tally));
  });
});
