import type { EventName, EventPayload } from '../../../shared/ipc/events';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Services publish renderer events here; main forwards them to the window, the harness to its socket. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
