import { event } from './define';
import type { EquityValidationRun } from '../domain/equity';
import type { ExportFinishedEvent, ExportProgressEvent } from '../domain/export-job';

export interface JournalChangedEvent {
  reason:
    | 'demo-loaded'
    | 'trades-changed'
    | 'import'
    | 'import-undone'
    | 'restore'
    | 'accounts-changed'
    | 'tags-changed'
    | 'instruments-changed';
}

/** Main asks the window to show a screen (a notification or the tray was clicked). */
export interface AppNavigateEvent {
  /** A renderer route name, e.g. 'exports' or 'equity'; unknown names are ignored by the UI. */
  screen: string;
}

/** A daily-equity validation finished (scheduled, at start-up, manual or after a rebuild). */
export interface EquityValidatedEvent {
  run: EquityValidationRun;
}

/** Main -> renderer pushes. Areas add their events here. */
export const events = {
  'equity:validated': event<EquityValidatedEvent>(),
  'journal:changed': event<JournalChangedEvent>(),
  'app:navigate': event<AppNavigateEvent>(),
  /** A job's rows/bytes moved, or its status changed (queued, running, waiting for a retry). */
  'exports:progress': event<ExportProgressEvent>(),
  /** A job reached completed, failed or cancelled. */
  'exports:finished': event<ExportFinishedEvent>(),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> =
  (typeof events)[E] extends { payload?: infer P } ? P : never;
