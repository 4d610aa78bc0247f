import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function attachmentsHandlers(services: Services): AreaHandlers<'attachments:list' | 'attachments:get' | 'attachments:add' | 'attachments:delete'> {
  const attachments = services.review.attachments;
  return {
    'attachments:list': (request) => attachments.list(request.tradeId),
    'attachments:get': (request) => attachments.get(request.id),
    'attachments:add': (request) => attachments.add(request),
    'attachments:delete': (request) => attachments.delete(request.id),
  };
}
