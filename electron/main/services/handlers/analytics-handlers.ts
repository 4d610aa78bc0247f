import type { Services } from '../app';
import type { AreaHandlers } from './define';
import { assertOneCurrency } from '../analytics/currency-scope';

export function analyticsHandlers(
  services: Services,
): AreaHandlers<'analytics:summary' | 'analytics:breakdown' | 'analytics:equityCurve' | 'analytics:calendar'> {
  const one = <T extends { filter: Parameters<typeof assertOneCurrency>[1] }>(request: T): T => {
    assertOneCurrency(services.db.sqlite, request.filter);
    return request;
  };
  return {
    'analytics:summary': (request) => services.analytics.summary(one(request).filter),
    'analytics:breakdown': (request) => services.analytics.breakdown(one(request).filter, request.dimension),
    'analytics:equityCurve': (request) => services.analytics.equityCurve(one(request).filter),
    'analytics:calendar': (request) => services.analytics.calendar(one(request).filter, request.month),
  };
}
