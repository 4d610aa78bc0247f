import type { Services } from '../app';
import { chooseFolderSetting } from '../settings/choose-folder';
import type { AreaHandlers } from './define';

export function settingsHandlers(services: Services): AreaHandlers<'settings:get' | 'settings:update' | 'settings:chooseFolder'> {
  return {
    'settings:get': () => services.settings.all(),
    'settings:update': (request) => services.settings.update(request.patch),
    'settings:chooseFolder': (request) => chooseFolderSetting(services.desktop, services.settings, request.key),
  };
}
