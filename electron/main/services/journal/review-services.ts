import type { Sqlite } from '../db/client';
import { createAttachments, type Attachments } from './attachments';

/** What a trader reviews beside the trades: screenshots, day notes, playbooks and price bars. */
export interface ReviewServices {
  attachments: Attachments;
}

export function createReviewServices(deps: { sqlite: Sqlite; now: () => number }): ReviewServices {
  return {
    attachments: createAttachments(deps),
  };
}
