import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { SparkApi } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';

// The window is sandboxed: this file is bundled to CommonJS and may only use
// `electron` at run time, never an npm package or another module of ours with values
// (type imports are erased). Hence the event prefix is spelled out here; a unit test
// keeps it equal to EVENT_PREFIX in shared/ipc/contract.ts.
const EVENT_PREFIX = 'event:';

const unreachable: IpcResult<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'Spark Journal could not reach its background service. Restart the app; your data is safe.',
  },
};

// Only two generic functions cross the bridge; the renderer never sees ipcRenderer.
// Channel names are checked in main against the contract, payloads by its zod schemas.
const api: SparkApi = {
  // An invoke only rejects when main has no handler or crashed mid-call; the renderer
  // is promised an envelope either way.
  invoke: (channel, request) => ipcRenderer.invoke(channel, request).catch(() => unreachable),
  on: (event, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    const name = `${EVENT_PREFIX}${event}`;
    ipcRenderer.on(name, wrapped);
    return () => {
      ipcRenderer.removeListener(name, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
