import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function goalsHandlers(
  services: Services,
): AreaHandlers<
  'goals:list' | 'goals:create' | 'goals:update' | 'goals:delete' | 'prop:list' | 'prop:create' | 'prop:update' | 'prop:delete'
> {
  return {
    'goals:list': () => services.goals.list(),
    'goals:create': (request) => services.goals.create(request),
    'goals:update': (request) => services.goals.update(request.id, request.patch),
    'goals:delete': (request) => services.goals.delete(request.id),
    'prop:list': () => services.prop.list(),
    'prop:create': (request) => services.prop.create(request),
    'prop:update': (request) => services.prop.update(request.id, request.patch),
    'prop:delete': (request) => services.prop.delete(request.id),
  };
}
