import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { TradeRow } from '../../../shared/domain/trade';
import { call, errorMessage } from '../api';
import { fieldErrors } from '../validation';
import { useLookupsStore } from '../store/lookups-store';
import { SidePanel } from './SidePanel';
import { LookupOptions } from './LookupOptions';
import { SetupInput } from './SetupInput';
import { R_DEFINITION } from '../../../shared/domain/trade-input-pnl';

function nowLocalInput(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.replace(',', '.')));
const time = (v: string) => (v === '' ? null : new Date(v).getTime());

/** Records a trade by hand; P&L, status and trading day are worked out by the server. */
export function NewTradeForm({ onCreated, onClose }: { onCreated: (row: TradeRow) => void; onClose: () => void }) {
  const id = useId();
  const accounts = useLookupsStore((s) => s.accounts);
  const [d, setD] = useState({
    accountId: String(accounts[0]?.id ?? ''),
    symbol: '',
    direction: 'long',
    qty: '',
    openedAt: nowLocalInput(),
    closedAt: '',
    entryPrice: '',
    exitPrice: '',
    fees: '0.00',
    stopPrice: '',
    targetPrice: '',
    plannedRisk: '',
    setup: '',
    tags: '',
    notes: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const row = await call('trades:create', {
        accountId: Number(d.accountId),
        symbol: d.symbol,
        direction: d.direction as 'long' | 'short',
        qty: num(d.qty),
        openedAt: time(d.openedAt) ?? Number.NaN,
        closedAt: time(d.closedAt),
        entryPrice: num(d.entryPrice),
        exitPrice: d.exitPrice.trim() === '' ? null : num(d.exitPrice),
        feesCents: Math.round(num(d.fees) * 100),
        stopPrice: d.stopPrice.trim() === '' ? null : num(d.stopPrice),
        targetPrice: d.targetPrice.trim() === '' ? null : num(d.targetPrice),
        plannedRiskCents: d.plannedRisk.trim() === '' ? null : Math.round(num(d.plannedRisk) * 100),
        setup: d.setup.trim() === '' ? null : d.setup.trim(),
        tags: d.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        notes: d.notes,
      });
      onCreated(row);
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(Object.keys(fields).length ? fields : { '': errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof typeof d, label: string, input: ReactNode, serverKey: string = key) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {errors[serverKey] && <span className="field-error">{errors[serverKey]}</span>}
    </div>
  );
  const text = (key: keyof typeof d, serverKey: string = key, extra: object = {}) => (
    <input id={`${id}-${key}`} value={d[key]} aria-invalid={errors[serverKey] ? true : undefined} onChange={(e) => setD({ ...d, [key]: e.target.value })} {...extra} />
  );

  return (
    <SidePanel title="Add a trade" onClose={onClose}>
      <form className="trade-edit" aria-label="New trade" onSubmit={(e) => void submit(e)} noValidate>
        <div className="edit-grid">
          {field(
            'accountId',
            'Account',
            <select id={`${id}-accountId`} value={d.accountId} onChange={(e) => setD({ ...d, accountId: e.target.value })}>
              <LookupOptions of="accounts" />
            </select>,
          )}
          {field('symbol', 'Symbol', text('symbol', 'symbol', { placeholder: 'e.g. AAPL, ESZ5, EURUSD' }))}
          {field(
            'direction',
            'Direction',
            <select id={`${id}-direction`} value={d.direction} onChange={(e) => setD({ ...d, direction: e.target.value })}>
              <option value="long">Long</option>
              <option value="short">Short</option>
            </select>,
          )}
          {field('qty', 'Quantity', text('qty', 'qty', { inputMode: 'decimal' }))}
          {field('openedAt', 'Opened', text('openedAt', 'openedAt', { type: 'datetime-local' }))}
          {field('closedAt', 'Closed (empty while open)', text('closedAt', 'closedAt', { type: 'datetime-local' }))}
          {field('entryPrice', 'Entry price', text('entryPrice', 'entryPrice', { inputMode: 'decimal' }))}
          {field('exitPrice', 'Exit price (empty while open)', text('exitPrice', 'exitPrice', { inputMode: 'decimal' }))}
          {field('fees', 'Fees', text('fees', 'feesCents', { inputMode: 'decimal' }), 'feesCents')}
          {field('stopPrice', 'Stop price', text('stopPrice', 'stopPrice', { inputMode: 'decimal' }))}
          {field('targetPrice', 'Target price', text('targetPrice', 'targetPrice', { inputMode: 'decimal' }))}
          {field('plannedRisk', 'Planned risk (money, optional)', text('plannedRisk', 'plannedRiskCents', { inputMode: 'decimal' }), 'plannedRiskCents')}
          {field('setup', 'Setup', <SetupInput id={`${id}-setup`} value={d.setup} onChange={(value) => setD({ ...d, setup: value })} />)}
          {field('tags', 'Tags (comma separated)', text('tags'))}
        </div>
        <p className="muted small">{R_DEFINITION}</p>
        {field('notes', 'Notes', <textarea id={`${id}-notes`} rows={4} value={d.notes} onChange={(e) => setD({ ...d, notes: e.target.value })} />)}
        {(errors[''] || Object.keys(errors).length > 0) && (
          <p className="notice crit" role="alert">
            {errors[''] ?? 'Not saved: fix the fields marked above.'}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || accounts.length === 0}>
            {busy ? 'Saving…' : 'Add trade'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
        {accounts.length === 0 && <p className="muted">Add an account in Settings first.</p>}
      </form>
    </SidePanel>
  );
}
