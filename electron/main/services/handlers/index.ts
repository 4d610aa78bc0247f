import { contract, type Channel, type ResponseOf } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/errors';
import type { Services } from '../app';
import { toIpcError } from '../errors';
import type { AreaHandlers } from './define';
import { appHandlers } from './app-handlers';
import { journalHandlers } from './journal-handlers';
import { settingsHandlers } from './settings-handlers';
import { equityHandlers } from './equity-handlers';
import { analyticsHandlers } from './analytics-handlers';
import { goalsHandlers } from './goals-handlers';
import { exportsHandlers } from './exports-handlers';
import { importHandlers } from './import-handlers';
import { tradesWriteHandlers } from './trades-write-handlers';
import { backupHandlers } from './backup-handlers';
import { attachmentsHandlers } from './attachments-handlers';
import { dailyNotesHandlers } from './daily-notes-handlers';
import { playbooksHandlers } from './playbooks-handlers';
import { barsHandlers } from './bars-handlers';
import { fxHandlers } from './fx-handlers';

export type Handler<C extends Channel> = (payload: unknown) => Promise<IpcResult<ResponseOf<C>>>;
export type Handlers = { [C in Channel]: Handler<C> };

function issuesToMessage(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The one object both ipcMain and the harness serve. Every payload is parsed with the
 * channel's schema first; every failure becomes `{ code, message }`.
 */
export function createHandlers(services: Services): Handlers {
  const impls: AreaHandlers<Channel> = {
    ...appHandlers(services),
    ...journalHandlers(services),
    ...settingsHandlers(services),
    ...equityHandlers(services),
    ...analyticsHandlers(services),
    ...goalsHandlers(services),
    ...exportsHandlers(services),
    ...importHandlers(services),
    ...tradesWriteHandlers(services),
    ...backupHandlers(services),
    ...attachmentsHandlers(services),
    ...dailyNotesHandlers(services),
    ...playbooksHandlers(services),
    ...barsHandlers(services),
    ...fxHandlers(services),
  };
  const handlers = {} as Record<Channel, Handler<Channel>>;
  for (const name of Object.keys(contract) as Channel[]) {
    const schema = contract[name].request;
    const impl = impls[name] as (request: unknown) => unknown;
    handlers[name] = async (payload) => {
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'validation',
            message: `Invalid request for ${name}: ${issuesToMessage(parsed.error.issues)}`,
            details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
          },
        };
      }
      try {
        return { ok: true, data: (await impl(parsed.data)) as ResponseOf<Channel> };
      } catch (error) {
        services.logger.error('ipc.handler.failed', { channel: name, error });
        return { ok: false, error: toIpcError(error) };
      }
    };
  }
  return handlers as Handlers;
}
