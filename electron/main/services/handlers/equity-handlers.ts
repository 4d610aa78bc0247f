import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function equityHandlers(
  services: Services,
): AreaHandlers<'equity:status' | 'equity:validate' | 'equity:rebuild' | 'equity:discrepancies' | 'equity:runs'> {
  return {
    'equity:status': () => services.equity.status(),
    'equity:validate': (request) => services.equity.validate({ accountId: request.accountId }),
    'equity:rebuild': (request) => services.equity.rebuild({ accountId: request.accountId }),
    'equity:discrepancies': (request) => services.equity.discrepancies(request),
    'equity:runs': (request) => services.equity.runs(request.limit),
  };
}
