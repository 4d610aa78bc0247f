import { channel } from '../define';
import {
  DailyNoteSaveSchema,
  DailyNoteSearchSchema,
  NoteDaysSchema,
  NoteScopeSchema,
  type DailyNote,
} from '../../domain/daily-notes';

/** The daily journal: a plan and a review per trading day, per account or for the whole journal. */
export const dailyNotesChannels = {
  /** The note of a day (null when none was written). */
  'notes:get': channel<DailyNote | null>()(NoteScopeSchema),
  /** Creates or replaces the day's note; an empty plan, review and tag list deletes it (null). */
  'notes:save': channel<DailyNote | null>()(DailyNoteSaveSchema),
  'notes:search': channel<DailyNote[]>()(DailyNoteSearchSchema),
  /** Days of a month that have a note. */
  'notes:days': channel<string[]>()(NoteDaysSchema),
};
