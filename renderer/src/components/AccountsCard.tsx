import { useId, useState, type FormEvent } from 'react';
import type { Account } from '../../../shared/domain/journal';
import { call, errorMessage } from '../api';
import { useFormat } from '../hooks/use-format';
import { useLookupsStore } from '../store/lookups-store';
import { fieldErrors } from '../validation';

interface Draft {
  name: string;
  broker: string;
  currency: string;
  timezone: string;
  startingBalance: string;
}

const blank: Draft = { name: '', broker: '', currency: 'USD', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', startingBalance: '0' };

function toDraft(a: Account): Draft {
  return { name: a.name, broker: a.broker ?? '', currency: a.currency, timezone: a.timezone, startingBalance: (a.startingBalanceCents / 100).toFixed(2) };
}

function toRequest(d: Draft) {
  const amount = Number(d.startingBalance.replace(',', '.'));
  return {
    name: d.name,
    broker: d.broker.trim() === '' ? null : d.broker,
    currency: d.currency.trim().toUpperCase(),
    timezone: d.timezone,
    startingBalanceCents: Number.isFinite(amount) ? Math.round(amount * 100) : Number.NaN,
  };
}

function AccountForm({ initial, submitLabel, onSubmit, onCancel }: { initial: Draft; submitLabel: string; onSubmit: (d: Draft) => Promise<Record<string, string> | null>; onCancel?: () => void }) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const field = (key: keyof Draft, label: string, serverKey: string, hint?: string) => (
    <div className="filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        aria-invalid={errors[serverKey] ? true : undefined}
        aria-describedby={errors[serverKey] ? `${id}-${key}-err` : undefined}
        placeholder={hint}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
      {errors[serverKey] && (
        <span id={`${id}-${key}-err`} className="field-error">
          {errors[serverKey]}
        </span>
      )}
    </div>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await onSubmit(draft);
    setBusy(false);
    setErrors(result ?? {});
    if (!result && !onCancel) setDraft(blank);
  };
  return (
    <form className="filters plain account-form" aria-label={submitLabel} onSubmit={(e) => void submit(e)} noValidate>
      {field('name', 'Name', 'name')}
      {field('broker', 'Broker', 'broker', 'Optional')}
      {field('currency', 'Currency', 'currency', 'USD')}
      {field('timezone', 'Time zone', 'timezone', 'America/New_York')}
      {field('startingBalance', 'Starting balance', 'startingBalanceCents')}
      <span className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </span>
      {errors[''] && <p className="notice crit">{errors['']}</p>}
    </form>
  );
}

/** Accounts: currency, time zone (which decides each trade's trading day) and starting balance. */
export function AccountsCard() {
  const fmt = useFormat();
  const accounts = useLookupsStore((s) => s.accounts);
  const reload = useLookupsStore((s) => s.load);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const save = async (run: () => Promise<Account>, done: string) => {
    try {
      await run();
      setMessage(done);
      setEditing(null);
      await reload();
      return null;
    } catch (error) {
      const fields = fieldErrors(error);
      return Object.keys(fields).length ? fields : { '': errorMessage(error) };
    }
  };

  return (
    <section className="card" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Accounts</h2>
      <p className="muted small">The time zone decides which trading day a trade belongs to; changing it or the starting balance recomputes equity.</p>
      <ul className="plain-list accounts">
        {accounts.map((a) => (
          <li key={a.id}>
            {editing === a.id ? (
              <AccountForm
                initial={toDraft(a)}
                submitLabel={`Save ${a.name}`}
                onCancel={() => setEditing(null)}
                onSubmit={(d) => save(() => call('accounts:update', { id: a.id, patch: toRequest(d) }), `Saved ${d.name}.`)}
              />
            ) : (
              <div className="job-head">
                <span>
                  <strong>{a.name}</strong>
                  <span className="muted">
                    {' '}
                    · {a.currency} · {a.timezone} · starts at {fmt.plainMoney(a.startingBalanceCents, a.currency)}
                    {a.broker ? ` · ${a.broker}` : ''}
                  </span>
                </span>
                <button type="button" onClick={() => setEditing(a.id)} aria-label={`Edit account ${a.name}`}>
                  Edit
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <h3>Add an account</h3>
      <AccountForm initial={blank} submitLabel="Add account" onSubmit={(d) => save(() => call('accounts:create', toRequest(d)), `Added ${d.name}.`)} />
      {message && (
        <p className="notice good" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
