import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function analyticsHandlers(
  services: Services,
): AreaHandlers<'analytics:summary' | 'analytics:breakdown' | 'analytics:equityCurve' | 'analytics:calendar'> {
  return {
    'analytics:summary': (request) => services.analytics.summary(request.filter),
    'analytics:breakdown': (request) => services.analytics.breakdown(request.filter, request.dimension),
    'analytics:equityCurve': (request) => services.analytics.equityCurve(request.filter),
    'analytics:calendar': (request) => services.analytics.calendar(request.filter, request.month),
  };
}
