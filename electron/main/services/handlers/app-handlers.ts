import type { Services } from '../app';
import type { AreaHandlers } from './define';
import { AppError } from '../errors';

export function appHandlers(services: Services): AreaHandlers<'app:info' | 'app:loadDemo'> {
  return {
    'app:info': () => {
      const counts = services.lookups.counts();
      return {
        version: services.config.appVersion ?? '0.0.0',
        dbPath: services.config.dbPath,
        isEmpty: counts.accounts === 0 && counts.trades === 0,
        tradeCount: counts.trades,
      };
    },
    'app:loadDemo': (request) => {
      const counts = services.lookups.counts();
      if (counts.accounts > 0 || counts.trades > 0) {
        throw new AppError('conflict', 'The demo journal can only be loaded into an empty journal.');
      }
      return services.demo.load(request);
    },
  };
}
