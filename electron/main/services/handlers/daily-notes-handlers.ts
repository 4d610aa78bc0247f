import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function dailyNotesHandlers(services: Services): AreaHandlers<'notes:get' | 'notes:save' | 'notes:search' | 'notes:days'> {
  const notes = services.review.dailyNotes;
  return {
    'notes:get': (request) => notes.get(request.day, request.accountId),
    'notes:save': (request) => notes.save(request),
    'notes:search': (request) => notes.search(request.query, request.accountId, request.limit),
    'notes:days': (request) => notes.daysWithNotes(request.month),
  };
}
