import type { z } from 'zod';
import { appChannels } from './channels/app';
import { journalChannels } from './channels/journal';
import { settingsChannels } from './channels/settings';
import { equityChannels } from './channels/equity';
import { analyticsChannels } from './channels/analytics';
import { goalsChannels } from './channels/goals';
import { exportsChannels } from './channels/exports';
import { importChannels } from './channels/import';
import { tradesWriteChannels } from './channels/trades-write';
import { backupChannels } from './channels/backup';
import { attachmentsChannels } from './channels/attachments';
import { dailyNotesChannels } from './channels/daily-notes';
import { playbooksChannels } from './channels/playbooks';
import { barsChannels } from './channels/bars';
import { fxChannels } from './channels/fx';
import type { IpcResult } from './errors';
import type { ChannelDef } from './define';
import type { EventName, EventPayload } from './events';

/** Every invoke channel of the app: areas contribute one object each. */
export const contract = {
  ...appChannels,
  ...journalChannels,
  ...settingsChannels,
  ...equityChannels,
  ...analyticsChannels,
  ...goalsChannels,
  ...exportsChannels,
  ...importChannels,
  ...tradesWriteChannels,
  ...backupChannels,
  ...attachmentsChannels,
  ...dailyNotesChannels,
  ...playbooksChannels,
  ...barsChannels,
  ...fxChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What the renderer sends (defaults may be omitted). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives after parsing (defaults filled in). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> =
  Contract[C] extends ChannelDef<z.ZodType, infer Res> ? Res : never;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The shape of `window.api`: identical from the preload and from the test harness. */
export interface SparkApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Event channel names are prefixed so they never collide with invoke channels. */
export const EVENT_PREFIX = 'event:';
