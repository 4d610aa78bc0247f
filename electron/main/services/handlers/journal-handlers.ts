import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function journalHandlers(
  services: Services,
): AreaHandlers<'trades:list' | 'trades:summary' | 'trades:setups' | 'trades:distributions' | 'accounts:list' | 'instruments:list' | 'tags:list'> {
  return {
    'trades:list': (request) => services.trades.list(request.filter, request.sort, request.offset, request.limit, request.after),
    'trades:summary': (request) => services.tradesSummary.summarize(request.filter),
    'trades:setups': () => services.tradesSummary.setups(),
    'trades:distributions': (request) => services.tradesSummary.distributions(request.filter),
    'accounts:list': () => services.lookups.accounts(),
    'instruments:list': () => services.lookups.instruments(),
    'tags:list': () => services.lookups.tags(),
  };
}
