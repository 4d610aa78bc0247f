import type { Sqlite } from '../db/client';
import { createAttachments, type Attachments } from './attachments';
import { createDailyNotes, type DailyNotes } from './daily-notes';

/** What a trader reviews beside the trades: screenshots, day notes, playbooks and price bars. */
export interface ReviewServices {
  attachments: Attachments;
  dailyNotes: DailyNotes;
}

export function createReviewServices(deps: { sqlite: Sqlite; now: () => number }): ReviewServices {
  return {
    attachments: createAttachments(deps),
    dailyNotes: createDailyNotes(deps),
  };
}
