import type { Sqlite } from '../db/client';
import { createAttachments, type Attachments } from './attachments';
import { createDailyNotes, type DailyNotes } from './daily-notes';
import { createPlaybooks, type Playbooks } from './playbooks';
import { createBars, type Bars } from './bars';
import type { Instruments } from './instruments';

/** What a trader reviews beside the trades: screenshots, day notes, playbooks and price bars. */
export interface ReviewServices {
  attachments: Attachments;
  dailyNotes: DailyNotes;
  playbooks: Playbooks;
  bars: Bars;
}

export function createReviewServices(deps: { sqlite: Sqlite; now: () => number; instruments: Instruments }): ReviewServices {
  return {
    attachments: createAttachments(deps),
    dailyNotes: createDailyNotes(deps),
    playbooks: createPlaybooks(deps),
    bars: createBars(deps),
  };
}
