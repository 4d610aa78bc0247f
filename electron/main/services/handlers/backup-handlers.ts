import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function backupHandlers(services: Services): AreaHandlers<'backup:create' | 'backup:list' | 'backup:restore'> {
  return {
    'backup:create': () => services.backup.backupInteractive(),
    'backup:list': () => ({ folder: services.backup.folder(), files: services.backup.list() }),
    'backup:restore': (request) => (request.name === undefined ? services.backup.restore() : services.backup.restoreListed(request.name)),
  };
}
