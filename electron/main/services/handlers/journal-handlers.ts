import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function journalHandlers(
  services: Services,
): AreaHandlers<'trades:list' | 'accounts:list' | 'instruments:list' | 'tags:list'> {
  return {
    'trades:list': (request) => services.trades.list(request.filter, request.sort, request.offset, request.limit),
    'accounts:list': () => services.lookups.accounts(),
    'instruments:list': () => services.lookups.instruments(),
    'tags:list': () => services.lookups.tags(),
  };
}
