import { useEffect, useId, useState } from 'react';
import type { DailyNote } from '../../../../shared/domain/daily-notes';
import { call, errorMessage } from '../../api';
import { useFormat } from '../../hooks/use-format';
import { useDailyNoteStore } from '../../store/daily-note-store';
import { useExportsStore } from '../../store/exports-store';
import { useAppStore } from '../../store/app-store';

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

/** Search the daily journal; open a note, write today's, or export them all. */
export function DailyNotesCard() {
  const id = useId();
  const fmt = useFormat();
  const openNote = useDailyNoteStore((s) => s.openNote);
  const version = useDailyNoteStore((s) => s.version);
  const handOff = useExportsStore((s) => s.handOff);
  const navigate = useAppStore((s) => s.navigate);
  const [query, setQuery] = useState('');
  const [notes, setNotes] = useState<DailyNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      call('notes:search', { query, limit: 100 })
        .then((found) => {
          if (live) {
            setNotes(found);
            setError(null);
          }
        })
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, version]);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="page-header">
        <h2 id={`${id}-title`}>Daily notes</h2>
        <span className="button-row">
          <button type="button" onClick={() => openNote(new Date().toLocaleDateString('en-CA'), null)}>
            Today's note
          </button>
          <button
            type="button"
            onClick={() => {
              handOff({ type: 'dailyNotes' });
              navigate('exports');
            }}
          >
            Export notes…
          </button>
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-q`}>Search plans, reviews and tags</label>
        <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. FOMC, overtraded" />
      </div>
      {error && (
        <p className="notice crit" role="alert">
          {error}
        </p>
      )}
      {notes && notes.length === 0 && <p className="muted">{query ? 'No note matches.' : 'No day notes yet. Open one from a day of the calendar on the Overview, or from a trade.'}</p>}
      {notes && notes.length > 0 && (
        <ul className="note-list" aria-label="Day notes">
          {notes.map((n) => (
            <li key={n.id}>
              <button type="button" className="link" onClick={() => openNote(n.day, n.accountId)}>
                {fmt.day(n.day)} · {n.accountName ?? 'Whole journal'}
              </button>
              {n.tags.length > 0 && <span className="muted small"> · {n.tags.join(', ')}</span>}
              {n.plan && (
                <p className="small">
                  <strong>Plan:</strong> {excerpt(n.plan)}
                </p>
              )}
              {n.review && (
                <p className="small">
                  <strong>Review:</strong> {excerpt(n.review)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
