import type { Services } from '../app';
import type { AreaHandlers } from './define';

type TradesWriteChannel =
  | 'trades:create'
  | 'trades:update'
  | 'trades:delete'
  | 'tags:create'
  | 'tags:update'
  | 'tags:merge'
  | 'tags:delete'
  | 'accounts:create'
  | 'accounts:update'
  | 'instruments:create'
  | 'instruments:update';

export function tradesWriteHandlers(services: Services): AreaHandlers<TradesWriteChannel> {
  const journal = services.journal;
  return {
    'trades:create': (request) => journal.trades.create(request),
    'trades:update': (request) => journal.trades.update(request.id, request.patch),
    'trades:delete': (request) => journal.trades.delete(request.ids),
    'tags:create': (request) => journal.tags.create(request),
    'tags:update': (request) => journal.tags.update(request.id, request.patch),
    'tags:merge': (request) => journal.tags.merge(request.sourceIds, request.targetId),
    'tags:delete': (request) => journal.tags.delete(request.id),
    'accounts:create': (request) => journal.accounts.create(request),
    'accounts:update': (request) => journal.accounts.update(request.id, request.patch),
    'instruments:create': (request) => journal.instruments.create(request),
    'instruments:update': (request) => journal.instruments.update(request.id, request.patch, services.clock.now()),
  };
}
