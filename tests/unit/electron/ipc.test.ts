import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain } from 'electron';
import { CHANNELS, EVENT_PREFIX, type Channel } from '../../../shared/ipc/contract';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/app-origin';
import { forwardEvents, registerIpc } from '../../../electron/main/ipc';
import { createEventBus } from '../../../electron/main/services/event-bus';
import { createMemoryLogger } from '../../../electron/main/services/logging';
import type { Handlers } from '../../../electron/main/services/handlers';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const RENDERER_FILE = pathToFileURL('/opt/Spark Journal/resources/app.asar/out/renderer/index.html').toString();
const APP_URL = `${APP_ENTRY_URL}#/trades`;
const appUrl = (url: string) => isAppUrl(url, undefined);

/** Handlers that record what reached them and answer with their channel name. */
function recordingHandlers(): { handlers: Handlers; received: Array<{ channel: Channel; payload: unknown }> } {
  const received: Array<{ channel: Channel; payload: unknown }> = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (payload: unknown) => {
        received.push({ channel, payload });
        return { ok: true, data: channel };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, received };
}

beforeEach(() => fake.resetFakes());

describe('registerIpc', () => {
  it('registers every contract channel exactly once on ipcMain', () => {
    const { handlers } = recordingHandlers();
    registerIpc({ ipcMain, handlers, isAppUrl: appUrl, logger: createMemoryLogger() });
    const registered = fake.callsTo('ipcMain.handle').map(([channel]) => channel);
    expect(CHANNELS.length).toBeGreaterThan(0);
    expect([...registered].sort()).toEqual([...CHANNELS].sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it("answers the app's own window through the channel's handler", async () => {
    const { handlers, received } = recordingHandlers();
    registerIpc({ ipcMain, handlers, isAppUrl: appUrl, logger: createMemoryLogger() });
    for (const channel of CHANNELS) {
      await expect(fake.ipcMain.invokeFrom(APP_URL, channel, { probe: channel })).resolves.toEqual({ ok: true, data: channel });
    }
    expect(received).toEqual(CHANNELS.map((channel) => ({ channel, payload: { probe: channel } })));
  });

  it('refuses a foreign sender before its payload reaches any handler, and logs it', async () => {
    const { handlers, received } = recordingHandlers();
    const logger = createMemoryLogger();
    registerIpc({ ipcMain, handlers, isAppUrl: appUrl, logger });
    const channel = CHANNELS[0] as Channel;
    const foreign = [
      'https://evil.example/index.html',
      pathToFileURL('/tmp/downloaded/index.html').toString(),
      'file://fileserver/opt/Spark%20Journal/resources/app.asar/out/renderer/index.html',
      // The renderer's own file is not the app origin any more: only app://renderer is.
      RENDERER_FILE,
      'app://evil/index.html',
      'about:blank',
      '',
      null,
    ];
    for (const url of foreign) {
      const answer = (await fake.ipcMain.invokeFrom(url, channel, {})) as { ok: boolean; error?: { code: string; message: string } };
      expect(answer.ok).toBe(false);
      expect(answer.error?.code).toBe('validation');
      expect(answer.error?.message).toMatch(/refused/);
    }
    expect(received).toEqual([]);
    expect(logger.lines.filter((line) => line.event === 'ipc.sender.refused')).toHaveLength(foreign.length);
  });

  it('turns a handler that throws into an internal error envelope instead of a rejected invoke', async () => {
    const { handlers } = recordingHandlers();
    const channel = CHANNELS[0] as Channel;
    (handlers as Record<string, unknown>)[channel] = async () => {
      throw new Error('boom at /home/trader/secret/path');
    };
    const logger = createMemoryLogger();
    registerIpc({ ipcMain, handlers, isAppUrl: appUrl, logger });
    const answer = (await fake.ipcMain.invokeFrom(APP_URL, channel, {})) as { ok: boolean; error: { code: string; message: string } };
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('log file') } });
    expect(answer.error.message).not.toContain('secret');
    expect(logger.lines.some((line) => line.event === 'ipc.handler.threw' && line.channel === channel)).toBe(true);
  });

  it('refuses to start with a channel that has no handler', () => {
    const { handlers } = recordingHandlers();
    const channel = CHANNELS[0] as Channel;
    delete (handlers as Record<string, unknown>)[channel];
    expect(() => registerIpc({ ipcMain, handlers, isAppUrl: appUrl, logger: createMemoryLogger() })).toThrow(channel);
    expect(fake.callsTo('ipcMain.handle')).toEqual([]);
  });

  it('removes every handler on dispose', () => {
    const { handlers } = recordingHandlers();
    const dispose = registerIpc({ ipcMain, handlers, isAppUrl: appUrl, logger: createMemoryLogger() });
    dispose();
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.callsTo('ipcMain.removeHandler').map(([c]) => c).sort()).toEqual([...CHANNELS].sort());
  });
});

describe('registerIpc with the real handlers', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves app:info from a real database and validates payloads', async () => {
    dir = mkdtempSync(join(tmpdir(), 'spark-ipc-'));
    const { createServices } = await import('../../../electron/main/services/app');
    const { createHandlers } = await import('../../../electron/main/services/handlers');
    const { SOURCE_MIGRATIONS_FOLDER } = await import('../../../electron/main/services/db/migrations-folder');
    const { systemClock } = await import('../../../electron/main/services/clock');
    const { createElectronDesktop } = await import('../../../electron/main/desktop');
    const logger = createMemoryLogger();
    const services = createServices({
      dbPath: join(dir, 'journal.db'),
      migrationsFolder: SOURCE_MIGRATIONS_FOLDER,
      desktop: createElectronDesktop({ getWindow: () => null, configuredExportFolder: () => '', openScreen: () => undefined, logger }),
      clock: systemClock,
      logger,
      appVersion: '9.9.9',
    });
    try {
      registerIpc({ ipcMain, handlers: createHandlers(services), isAppUrl: appUrl, logger });
      const info = (await fake.ipcMain.invokeFrom(APP_URL, 'app:info', {})) as { ok: true; data: { version: string; dbPath: string; isEmpty: boolean } };
      expect(info.ok).toBe(true);
      expect(info.data).toMatchObject({ version: '9.9.9', dbPath: join(dir, 'journal.db'), isEmpty: true });
      const bad = (await fake.ipcMain.invokeFrom(APP_URL, 'app:info', { unexpected: 1 })) as { ok: false; error: { code: string } };
      expect(bad.ok).toBe(false);
      expect(bad.error.code).toBe('validation');
    } finally {
      await services.close();
    }
  });
});

describe('forwardEvents', () => {
  it('sends service events to the live window with the event prefix, and stops when disposed', () => {
    const bus = createEventBus();
    const sent: Array<[string, unknown]> = [];
    let destroyed = false;
    const contents = { send: (channel: string, payload: unknown) => sent.push([channel, payload]), isDestroyed: () => destroyed };
    const stop = forwardEvents(bus, () => contents);
    bus.emit('journal:changed', { reason: 'import' });
    destroyed = true;
    bus.emit('journal:changed', { reason: 'restore' });
    destroyed = false;
    stop();
    bus.emit('journal:changed', { reason: 'trades-changed' });
    expect(sent).toEqual([[`${EVENT_PREFIX}journal:changed`, { reason: 'import' }]]);
  });

  it('drops events while there is no window', () => {
    const bus = createEventBus();
    forwardEvents(bus, () => null);
    expect(() => bus.emit('app:navigate', { screen: 'exports' })).not.toThrow();
  });
});
