import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, EVENT_PREFIX } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';
import type { Handlers } from './services/handlers';
import type { EventBus } from './services/event-bus';
import type { Logger } from './services/logging';

export interface IpcWiring {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: Handlers;
  /** Decides whether a frame URL is the app's own renderer. */
  isAppUrl: (url: string) => boolean;
  logger: Logger;
}

const REFUSED: IpcResult<never> = {
  ok: false,
  error: { code: 'validation', message: 'Request refused: it did not come from the Spark Journal window.' },
};

const FAILED: IpcResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'Something went wrong inside Spark Journal. The details are in the log file.' },
};

/**
 * Registers every contract channel on ipcMain. A request from any frame that is not
 * the app's own renderer is refused before its payload is even parsed.
 */
export function registerIpc({ ipcMain, handlers, isAppUrl, logger }: IpcWiring): () => void {
  const missing = CHANNELS.filter((channel) => typeof handlers[channel] !== 'function');
  if (missing.length > 0) throw new Error(`registerIpc: no handler for ${missing.join(', ')}`);

  for (const channel of CHANNELS) {
    const handler = handlers[channel] as (payload: unknown) => Promise<unknown>;
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      // senderFrame is null when the frame navigated away or was destroyed mid-request.
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) {
        logger.warn('ipc.sender.refused', { channel, url });
        return REFUSED;
      }
      try {
        return await handler(payload);
      } catch (error) {
        // createHandlers already turns failures into envelopes; this guards against a
        // handler that throws anyway, so the renderer never sees a rejected invoke.
        logger.error('ipc.handler.threw', { channel, error });
        return FAILED;
      }
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Forwards service events to the window's renderer. */
export function forwardEvents(events: EventBus, getContents: () => Pick<WebContents, 'send' | 'isDestroyed'> | null): () => void {
  return events.subscribe((name, payload) => {
    const contents = getContents();
    if (contents && !contents.isDestroyed()) contents.send(`${EVENT_PREFIX}${name}`, payload);
  });
}
