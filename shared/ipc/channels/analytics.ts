import { z } from 'zod';
import { channel } from '../define';
import {
  AnalyticsFilterSchema,
  BREAKDOWN_DIMENSIONS,
  MonthSchema,
  type AnalyticsSummary,
  type BreakdownRow,
  type EquityCurve,
  type PnlCalendar,
} from '../../domain/analytics';

const FilterOnly = z.object({ filter: AnalyticsFilterSchema.default({}) }).strict();

export const analyticsChannels = {
  'analytics:summary': channel<AnalyticsSummary>()(FilterOnly),
  'analytics:breakdown': channel<BreakdownRow[]>()(
    z.object({ filter: AnalyticsFilterSchema.default({}), dimension: z.enum(BREAKDOWN_DIMENSIONS) }).strict(),
  ),
  'analytics:equityCurve': channel<EquityCurve>()(FilterOnly),
  'analytics:calendar': channel<PnlCalendar>()(
    z.object({ filter: AnalyticsFilterSchema.default({}), month: MonthSchema.optional() }).strict(),
  ),
};
