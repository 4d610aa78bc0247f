import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { SparkApi } from '../../shared/ipc/contract';

// Only two generic functions cross the bridge; the renderer never sees ipcRenderer.
// Channel names are checked in main against the contract, payloads by its zod schemas.
const api: SparkApi = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  on: (event, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    const name = `event:${event}`;
    ipcRenderer.on(name, wrapped);
    return () => {
      ipcRenderer.removeListener(name, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
