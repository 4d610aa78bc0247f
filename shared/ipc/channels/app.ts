import { z } from 'zod';
import { channel } from '../define';

export interface AppInfo {
  version: string;
  dbPath: string;
  /** True when the journal holds no accounts and no trades: the UI offers the demo journal. */
  isEmpty: boolean;
  tradeCount: number;
}

export interface DemoLoadResult {
  accounts: number;
  trades: number;
  durationMs: number;
}

export const appChannels = {
  'app:info': channel<AppInfo>()(z.object({}).strict()),
  'app:loadDemo': channel<DemoLoadResult>()(
    z
      .object({
        trades: z.number().int().min(1).max(200_000).default(5_000),
        seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
      })
      .strict(),
  ),
};
