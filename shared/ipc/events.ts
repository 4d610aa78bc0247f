import { event } from './define';

export interface JournalChangedEvent {
  reason: 'demo-loaded' | 'trades-changed' | 'import' | 'restore';
}

/** Main -> renderer pushes. Areas add their events here. */
export const events = {
  'journal:changed': event<JournalChangedEvent>(),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> =
  (typeof events)[E] extends { payload?: infer P } ? P : never;
