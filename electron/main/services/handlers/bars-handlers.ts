import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function barsHandlers(services: Services): AreaHandlers<'bars:import' | 'bars:list' | 'bars:forTrade'> {
  const bars = services.review.bars;
  return {
    'bars:import': (request) => bars.import(request),
    'bars:list': () => bars.list(),
    'bars:forTrade': (request) => bars.forTrade(request.tradeId, request.barsAround),
  };
}
