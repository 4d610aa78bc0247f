import { z } from 'zod';
import { DaySchema } from './day';
import { MonthSchema } from './analytics';
import { TagNameSchema } from './trade-input';

const Id = z.number().int().positive();
const NOTE_TEXT_MAX = 50_000;

/** Whose note: an account's, or the whole journal's (null). */
export const NoteScopeSchema = z.object({ day: DaySchema, accountId: Id.nullable().default(null) }).strict();

export const DailyNoteSaveSchema = z
  .object({
    day: DaySchema,
    accountId: Id.nullable().default(null),
    /** Written before the session: what to trade, levels, rules for the day. */
    plan: z.string().max(NOTE_TEXT_MAX, `a plan has at most ${NOTE_TEXT_MAX} characters`).default(''),
    /** Written after: what happened, what to keep, what to change. */
    review: z.string().max(NOTE_TEXT_MAX, `a review has at most ${NOTE_TEXT_MAX} characters`).default(''),
    tags: z.array(TagNameSchema).max(50).default([]),
  })
  .strict();
export type DailyNoteSave = z.output<typeof DailyNoteSaveSchema>;

export const DailyNoteSearchSchema = z
  .object({
    /** Words that must all appear in the plan, review or tags (any case); empty lists the latest notes. */
    query: z.string().trim().max(200, 'a search has at most 200 characters').default(''),
    accountId: Id.nullable().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const NoteDaysSchema = z.object({ month: MonthSchema }).strict();

export interface DailyNote {
  id: number;
  day: string;
  accountId: number | null;
  /** The account's name, or null for the whole journal's note. */
  accountName: string | null;
  plan: string;
  review: string;
  tags: string[];
  updatedAt: number;
}
