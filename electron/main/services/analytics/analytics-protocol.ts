import type { ErrorCode } from '../../../../shared/ipc/errors';
import type { AnalyticsService } from './analytics-service';

export type AnalyticsMethod = keyof AnalyticsService;

/** main -> analytics worker: one call of the in-process service. */
export interface AnalyticsRequest {
  id: number;
  method: AnalyticsMethod;
  args: unknown[];
}

/** analytics worker -> main: the call's value, or its error as the IPC layer reports errors. */
export type AnalyticsResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: ErrorCode; message: string } };

export interface AnalyticsWorkerData {
  dbPath: string;
}

export const ANALYTICS_METHODS: readonly AnalyticsMethod[] = ['summary', 'breakdown', 'equityCurve', 'calendar'];
