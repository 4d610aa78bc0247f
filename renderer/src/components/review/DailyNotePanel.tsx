import { useEffect, useId, useState, type FormEvent } from 'react';
import { SidePanel } from '../SidePanel';
import { call, errorMessage } from '../../api';
import { fieldErrors } from '../../validation';
import { useFormat } from '../../hooks/use-format';
import { useLookupsStore } from '../../store/lookups-store';
import { useDailyNoteStore } from '../../store/daily-note-store';

/** The day's plan (before) and review (after), with free tags; per account or for the whole journal. */
export function DailyNotePanel({ day, accountId: initialAccount }: { day: string; accountId: number | null }) {
  const id = useId();
  const fmt = useFormat();
  const accounts = useLookupsStore((s) => s.accounts);
  const { close, saved } = useDailyNoteStore();
  const [accountId, setAccountId] = useState<number | null>(initialAccount);
  const [plan, setPlan] = useState('');
  const [review, setReview] = useState('');
  const [tags, setTags] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    setLoaded(false);
    call('notes:get', { day, accountId })
      .then((note) => {
        if (!live) return;
        setPlan(note?.plan ?? '');
        setReview(note?.review ?? '');
        setTags(note?.tags.join(', ') ?? '');
        setLoaded(true);
      })
      .catch((error: unknown) => live && setStatus({ kind: 'error', text: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [day, accountId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const note = await call('notes:save', {
        day,
        accountId,
        plan,
        review,
        tags: tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      });
      setErrors({});
      setStatus({ kind: 'ok', text: note ? 'Day note saved.' : 'The note was empty, so there is no note for this day now.' });
      saved();
    } catch (error) {
      setErrors(fieldErrors(error));
      setStatus({ kind: 'error', text: errorMessage(error) });
    }
  };

  return (
    <SidePanel title={`Day note · ${fmt.day(day)}`} onClose={close}>
      <form className="trade-edit" aria-label="Day note" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-scope`}>Note for</label>
          <select id={`${id}-scope`} value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">The whole journal</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-plan`}>Plan (before the session)</label>
          <textarea id={`${id}-plan`} rows={6} value={plan} disabled={!loaded} onChange={(e) => setPlan(e.target.value)} placeholder="Bias, levels, what you will and will not trade" />
          {errors.plan && <span className="field-error">{errors.plan}</span>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-review`}>Review (after the session)</label>
          <textarea id={`${id}-review`} rows={6} value={review} disabled={!loaded} onChange={(e) => setReview(e.target.value)} placeholder="What happened, what to keep, what to change" />
          {errors.review && <span className="field-error">{errors.review}</span>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-tags`}>Tags (comma separated)</label>
          <input id={`${id}-tags`} value={tags} disabled={!loaded} onChange={(e) => setTags(e.target.value)} placeholder="e.g. tired, news day, followed plan" />
          {errors.tags && <span className="field-error">{errors.tags}</span>}
        </div>
        {status && (
          <p className={`notice ${status.kind === 'ok' ? 'good' : 'crit'}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
            {status.text}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!loaded}>
            Save day note
          </button>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </form>
    </SidePanel>
  );
}
