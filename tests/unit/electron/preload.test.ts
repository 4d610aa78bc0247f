import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_PREFIX, type SparkApi } from '../../../shared/ipc/contract';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// The preload runs once per window, like in Electron: load it once and keep what it exposed.
await import('../../../electron/preload/index');
const exposed = [...fake.contextBridge.exposed.entries()];
const api = fake.contextBridge.exposed.get('api') as SparkApi;

describe('preload window.api', () => {
  beforeEach(() => fake.resetFakes());

  it('exposes exactly invoke and on', () => {
    expect(exposed.map(([key]) => key)).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards invoke to main and returns its envelope', async () => {
    fake.ipcRenderer.invokeAnswer = async (channel) => ({ ok: true, data: { channel } });
    await expect(api.invoke('app:info', {})).resolves.toEqual({ ok: true, data: { channel: 'app:info' } });
    expect(fake.callsTo('ipcRenderer.invoke')).toEqual([['app:info', {}]]);
  });

  it('turns a rejected invoke (no handler, main crashed) into an internal error envelope', async () => {
    const answer = await api.invoke('app:info', {});
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('Restart the app') } });
  });

  it('subscribes on the prefixed event channel that main sends on, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.on('journal:changed', (payload) => seen.push(payload));
    fake.ipcRenderer.deliver(`${EVENT_PREFIX}journal:changed`, { reason: 'import' });
    fake.ipcRenderer.deliver('journal:changed', { reason: 'restore' });
    off();
    fake.ipcRenderer.deliver(`${EVENT_PREFIX}journal:changed`, { reason: 'trades-changed' });
    expect(seen).toEqual([{ reason: 'import' }]);
  });
});
