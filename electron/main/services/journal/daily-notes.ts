import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { DailyNote, DailyNoteSave } from '../../../../shared/domain/daily-notes';
import { TAG_LIST_SEPARATOR } from '../../../../shared/domain/trade-input';

interface RawNote extends Omit<DailyNote, 'tags'> {
  tags: string;
}

export const DAILY_NOTE_SELECT = `SELECT n.id, n.day, n.account_id AS accountId, a.name AS accountName, n.plan, n.review, n.tags,
  n.updated_at AS updatedAt FROM daily_notes n LEFT JOIN accounts a ON a.id = n.account_id`;

export const splitNoteTags = (tags: string) => (tags === '' ? [] : tags.split(TAG_LIST_SEPARATOR));
const toNote = ({ tags, ...rest }: RawNote): DailyNote => ({ ...rest, tags: splitNoteTags(tags) });
/** LIKE pattern for a word, with LIKE's own wildcards taken literally. */
const likeWord = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The daily journal: one note per trading day per account, and one per day for the whole
 * journal. A save with nothing in it deletes the note.
 */
export function createDailyNotes(deps: { sqlite: Sqlite; now: () => number }) {
  const { sqlite, now } = deps;
  const accountExists = sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck();
  const find = sqlite.prepare(`${DAILY_NOTE_SELECT} WHERE n.day = ? AND n.account_id IS ?`);
  const insert = sqlite.prepare('INSERT INTO daily_notes (day, account_id, plan, review, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const update = sqlite.prepare('UPDATE daily_notes SET plan = ?, review = ?, tags = ?, updated_at = ? WHERE id = ?');
  const remove = sqlite.prepare('DELETE FROM daily_notes WHERE id = ?');
  const daysIn = sqlite.prepare("SELECT DISTINCT day FROM daily_notes WHERE day >= ? AND day < ? ORDER BY day").pluck();

  const get = (day: string, accountId: number | null): DailyNote | null => {
    const raw = find.get(day, accountId) as RawNote | undefined;
    return raw ? toNote(raw) : null;
  };

  return {
    get,
    save(input: DailyNoteSave): DailyNote | null {
      const tags = [...new Map(input.tags.map((t) => [t.toLowerCase(), t])).values()].join(TAG_LIST_SEPARATOR);
      return sqlite
        .transaction(() => {
          if (input.accountId !== null && !accountExists.get(input.accountId)) {
            throw new AppError('not_found', `Account ${input.accountId} does not exist; choose another account or the whole journal.`);
          }
          const existing = get(input.day, input.accountId);
          const empty = input.plan.trim() === '' && input.review.trim() === '' && tags === '';
          if (empty) {
            if (existing) remove.run(existing.id);
            return null;
          }
          if (existing) update.run(input.plan, input.review, tags, now(), existing.id);
          else insert.run(input.day, input.accountId, input.plan, input.review, tags, now(), now());
          return get(input.day, input.accountId);
        })
        .immediate();
    },
    /** Notes whose plan, review or tags hold every word of the query (any case), newest day first. */
    search(query: string, accountId: number | null | undefined, limit: number): DailyNote[] {
      const words = query.split(/\s+/).filter(Boolean).slice(0, 10);
      const where: string[] = [];
      const params: (string | number | null)[] = [];
      for (const word of words) {
        where.push("(n.plan LIKE ? ESCAPE '\\' OR n.review LIKE ? ESCAPE '\\' OR n.tags LIKE ? ESCAPE '\\')");
        const pattern = likeWord(word);
        params.push(pattern, pattern, pattern);
      }
      if (accountId !== undefined) {
        where.push('n.account_id IS ?');
        params.push(accountId);
      }
      const sql = `${DAILY_NOTE_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY n.day DESC, n.account_id IS NOT NULL, a.name LIMIT ?`;
      return (sqlite.prepare(sql).all(...params, limit) as RawNote[]).map(toNote);
    },
    /** Days of a month ('YYYY-MM') that have a note, for the calendar's markers. */
    daysWithNotes(month: string): string[] {
      const [year, mon] = month.split('-').map(Number) as [number, number];
      const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
      return daysIn.all(`${month}-01`, `${next}-01`) as string[];
    },
  };
}

export type DailyNotes = ReturnType<typeof createDailyNotes>;
