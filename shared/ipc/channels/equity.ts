import { z } from 'zod';
import { channel } from '../define';
import type {
  DiscrepancyPage,
  EquityRebuildResult,
  EquityStatus,
  EquityValidationRun,
} from '../../domain/equity';

const Id = z.number().int().positive();
/** One account, or null / omitted for every account. */
const AccountScope = Id.nullable().default(null);

export const DISCREPANCY_PAGE_MAX = 1_000;

export const equityChannels = {
  'equity:status': channel<EquityStatus>()(z.object({}).strict()),
  'equity:validate': channel<EquityValidationRun>()(z.object({ accountId: AccountScope }).strict()),
  'equity:rebuild': channel<EquityRebuildResult>()(z.object({ accountId: AccountScope }).strict()),
  'equity:discrepancies': channel<DiscrepancyPage>()(
    z
      .object({
        /** A validation run; null / omitted = the newest finished run. */
        runId: Id.nullable().default(null),
        accountId: AccountScope,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(DISCREPANCY_PAGE_MAX).default(200),
      })
      .strict(),
  ),
  'equity:runs': channel<EquityValidationRun[]>()(
    z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
  ),
};
