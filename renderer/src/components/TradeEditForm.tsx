import { useId, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import type { TradeRow } from '../../../shared/domain/trade';
import type { TradePatch } from '../../../shared/domain/trade-input';
import { call, errorMessage } from '../api';
import { fieldErrors } from '../validation';
import { useLookupsStore } from '../store/lookups-store';
import { R_DEFINITION } from '../../../shared/domain/trade-input-pnl';
import { SetupInput } from './SetupInput';

/** epoch ms -> the value of a datetime-local input (local wall time). */
function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string): number | null {
  if (value === '') return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? Number.NaN : ms;
}

interface Draft {
  direction: 'long' | 'short';
  qty: string;
  entryPrice: string;
  exitPrice: string;
  openedAt: string;
  closedAt: string;
  fees: string;
  stopPrice: string;
  targetPrice: string;
  plannedRisk: string;
  setup: string;
  notes: string;
  tags: string[];
}

const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.replace(',', '.')));

/** Edits a trade; the server checks the merged trade and its messages are shown per field. */
export function TradeEditForm({ trade, onSaved, onCancel }: { trade: TradeRow; onSaved: (row: TradeRow) => void; onCancel: () => void }) {
  const id = useId();
  const tagsKnown = useLookupsStore((s) => s.tags);
  // A tag typed here but not saved yet has no colour: the swatch stays see-through.
  const colorOf = (name: string) => tagsKnown.find((k) => k.name === name)?.color ?? 'transparent';
  const [draft, setDraft] = useState<Draft>({
    direction: trade.direction,
    qty: String(trade.qty),
    entryPrice: String(trade.entryPrice),
    exitPrice: trade.exitPrice === null ? '' : String(trade.exitPrice),
    openedAt: toLocalInput(trade.openedAt),
    closedAt: toLocalInput(trade.closedAt),
    fees: (trade.feesCents / 100).toFixed(2),
    stopPrice: trade.stopPrice === null ? '' : String(trade.stopPrice),
    targetPrice: trade.targetPrice === null ? '' : String(trade.targetPrice),
    plannedRisk: trade.plannedRiskCents === null ? '' : (trade.plannedRiskCents / 100).toFixed(2),
    setup: trade.setup ?? '',
    notes: trade.notes,
    tags: trade.tags,
  });
  const [tagInput, setTagInput] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const patch = (): TradePatch => {
    const p: Record<string, unknown> = {};
    if (draft.direction !== trade.direction) p.direction = draft.direction;
    if (num(draft.qty) !== trade.qty) p.qty = num(draft.qty);
    if (num(draft.entryPrice) !== trade.entryPrice) p.entryPrice = num(draft.entryPrice);
    const exit = draft.exitPrice.trim() === '' ? null : num(draft.exitPrice);
    if (exit !== trade.exitPrice) p.exitPrice = exit;
    const opened = fromLocalInput(draft.openedAt);
    if (opened !== null && toLocalInput(opened) !== toLocalInput(trade.openedAt)) p.openedAt = opened;
    const closed = fromLocalInput(draft.closedAt);
    if (toLocalInput(closed) !== toLocalInput(trade.closedAt)) p.closedAt = closed;
    const fees = Math.round(num(draft.fees) * 100);
    if (fees !== trade.feesCents) p.feesCents = fees;
    const optional = (v: string) => (v.trim() === '' ? null : num(v));
    const stop = optional(draft.stopPrice);
    if (stop !== trade.stopPrice) p.stopPrice = stop;
    const target = optional(draft.targetPrice);
    if (target !== trade.targetPrice) p.targetPrice = target;
    const risk = draft.plannedRisk.trim() === '' ? null : Math.round(num(draft.plannedRisk) * 100);
    if (risk !== trade.plannedRiskCents) p.plannedRiskCents = risk;
    const setup = draft.setup.trim() === '' ? null : draft.setup.trim();
    if (setup !== trade.setup) p.setup = setup;
    if (draft.notes !== trade.notes) p.notes = draft.notes;
    if (draft.tags.join('\u0000') !== trade.tags.join('\u0000')) p.tags = draft.tags;
    return p as TradePatch;
  };

  const addTag = () => {
    const name = tagInput.trim();
    if (name && !draft.tags.includes(name)) setDraft({ ...draft, tags: [...draft.tags, name] });
    setTagInput('');
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const changes = patch();
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setSaving(true);
    try {
      const row = await call('trades:update', { id: trade.id, patch: changes });
      onSaved(row);
    } catch (error) {
      const fields = fieldErrors(error, ['patch']);
      setErrors(fields);
      setMessage(Object.keys(fields).length ? 'Not saved: fix the fields marked below.' : errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const field = (key: keyof Draft & string, label: string, input: ReactElement, serverKey: string = key) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {errors[serverKey] && (
        <span id={`${id}-${key}-err`} className="field-error">
          {errors[serverKey]}
        </span>
      )}
    </div>
  );
  const common = (key: string, serverKey: string = key) => ({
    id: `${id}-${key}`,
    'aria-invalid': errors[serverKey] ? true : undefined,
    'aria-describedby': errors[serverKey] ? `${id}-${key}-err` : undefined,
  });

  return (
    <form className="trade-edit" aria-label="Edit trade" onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="edit-grid">
        {field(
          'direction',
          'Direction',
          <select {...common('direction')} value={draft.direction} onChange={(e) => setDraft({ ...draft, direction: e.target.value as 'long' | 'short' })}>
            <option value="long">Long</option>
            <option value="short">Short</option>
          </select>,
        )}
        {field('qty', 'Quantity', <input {...common('qty')} inputMode="decimal" value={draft.qty} onChange={(e) => setDraft({ ...draft, qty: e.target.value })} />)}
        {field('openedAt', 'Opened', <input {...common('openedAt')} type="datetime-local" value={draft.openedAt} onChange={(e) => setDraft({ ...draft, openedAt: e.target.value })} />)}
        {field('closedAt', 'Closed (empty while open)', <input {...common('closedAt')} type="datetime-local" value={draft.closedAt} onChange={(e) => setDraft({ ...draft, closedAt: e.target.value })} />)}
        {field('entryPrice', 'Entry price', <input {...common('entryPrice')} inputMode="decimal" value={draft.entryPrice} onChange={(e) => setDraft({ ...draft, entryPrice: e.target.value })} />)}
        {field('exitPrice', 'Exit price (empty while open)', <input {...common('exitPrice')} inputMode="decimal" value={draft.exitPrice} onChange={(e) => setDraft({ ...draft, exitPrice: e.target.value })} />)}
        {field('fees', 'Fees', <input {...common('fees', 'feesCents')} inputMode="decimal" value={draft.fees} onChange={(e) => setDraft({ ...draft, fees: e.target.value })} />, 'feesCents')}
        {field('stopPrice', 'Stop price', <input {...common('stopPrice')} inputMode="decimal" value={draft.stopPrice} onChange={(e) => setDraft({ ...draft, stopPrice: e.target.value })} />)}
        {field('targetPrice', 'Target price', <input {...common('targetPrice')} inputMode="decimal" value={draft.targetPrice} onChange={(e) => setDraft({ ...draft, targetPrice: e.target.value })} />)}
        {field('plannedRisk', 'Planned risk (money, optional)', <input {...common('plannedRisk', 'plannedRiskCents')} inputMode="decimal" value={draft.plannedRisk} onChange={(e) => setDraft({ ...draft, plannedRisk: e.target.value })} />, 'plannedRiskCents')}
        {field('setup', 'Setup', <SetupInput {...common('setup')} value={draft.setup} onChange={(value) => setDraft({ ...draft, setup: value })} />)}
      </div>
      <p className="muted small">{R_DEFINITION}</p>
      <div className="field">
        <label htmlFor={`${id}-tag`}>Tags</label>
        <ul className="tag-list" aria-label="Tags on this trade">
          {draft.tags.map((t) => (
            <li key={t} className="tag-chip">
              <span className="tag-swatch" style={{ background: colorOf(t) }} aria-hidden="true" />
              {t}
              <button type="button" aria-label={`Remove tag ${t}`} onClick={() => setDraft({ ...draft, tags: draft.tags.filter((x) => x !== t) })}>
                ×
              </button>
            </li>
          ))}
          {draft.tags.length === 0 && <li className="muted small">No tags</li>}
        </ul>
        <span className="button-row">
          <input
            id={`${id}-tag`}
            list={`${id}-known-tags`}
            value={tagInput}
            placeholder="Type a tag, press Enter"
            onChange={(e) => setTagInput(e.target.value)}
            onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTag();
              }
            }}
          />
          <button type="button" onClick={addTag} disabled={tagInput.trim() === ''}>
            Add tag
          </button>
        </span>
        <datalist id={`${id}-known-tags`}>
          {tagsKnown.map((t) => (
            <option key={t.id} value={t.name} />
          ))}
        </datalist>
        {errors.tags && <span className="field-error">{errors.tags}</span>}
      </div>
      {field('notes', 'Notes', <textarea {...common('notes')} rows={6} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />)}
      {message && (
        <p className="notice crit" role="alert">
          {message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save trade'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
