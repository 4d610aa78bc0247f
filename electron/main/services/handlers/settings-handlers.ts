import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function settingsHandlers(services: Services): AreaHandlers<'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => services.settings.all(),
    'settings:update': (request) => services.settings.update(request.patch),
  };
}
