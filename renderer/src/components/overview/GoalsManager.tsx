import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { GOAL_KINDS, GOAL_PERIODS, type PROP_PHASES, type GoalKind } from '../../../../shared/domain/enums';
import type { GoalProgress } from '../../../../shared/domain/goals';
import type { PropEvaluationProgress } from '../../../../shared/domain/prop';
import { dayInZone } from '../../../../shared/domain/day';
import { call, errorMessage } from '../../api';
import { fieldErrors } from '../../validation';
import { useLookupsStore } from '../../store/lookups-store';
import { useOverviewStore } from '../../store/overview-store';
import { SidePanel } from '../SidePanel';
import { LookupOptions } from '../LookupOptions';

const KIND_LABELS: Record<GoalKind, string> = {
  profit_target: 'Make at least (net P&L)',
  max_daily_loss: 'Lose at most a day',
  max_trades_per_day: 'Take at most trades a day',
  win_rate: 'Win at least (% of trades)',
};
const today = () => dayInZone(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
const money = (v: string) => Math.round(Number(v.replace(',', '.')) * 100);

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

function GoalForm({ onDone }: { onDone: (text: string) => void }) {
  const id = useId();
  const [d, setD] = useState({ name: '', kind: 'profit_target' as GoalKind, period: 'month', accountId: '', target: '', startsOn: today() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const raw = Number(d.target.replace(',', '.'));
    const target = d.kind === 'win_rate' ? raw / 100 : d.kind === 'max_trades_per_day' ? raw : money(d.target);
    try {
      await call('goals:create', {
        name: d.name,
        kind: d.kind,
        period: d.period as (typeof GOAL_PERIODS)[number],
        accountId: d.accountId === '' ? null : Number(d.accountId),
        target,
        startsOn: d.startsOn,
      });
      setErrors({});
      setD({ ...d, name: '', target: '' });
      onDone(`Added the goal “${d.name}”.`);
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(Object.keys(fields).length ? fields : { '': errorMessage(error) });
    }
  };
  return (
    <form aria-label="New goal" className="filters plain" onSubmit={(e) => void submit(e)} noValidate>
      <Field id={`${id}-name`} label="Name" error={errors.name}>
        <input id={`${id}-name`} value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
      </Field>
      <Field id={`${id}-kind`} label="Goal" error={errors.kind}>
        <select id={`${id}-kind`} value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as GoalKind })}>
          {GOAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-target`} label={d.kind === 'win_rate' ? 'Target (%)' : d.kind === 'max_trades_per_day' ? 'Trades' : 'Amount'} error={errors.target}>
        <input id={`${id}-target`} inputMode="decimal" value={d.target} onChange={(e) => setD({ ...d, target: e.target.value })} />
      </Field>
      <Field id={`${id}-period`} label="Each" error={errors.period}>
        <select id={`${id}-period`} value={d.period} onChange={(e) => setD({ ...d, period: e.target.value })}>
          {GOAL_PERIODS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-account`} label="Account" error={errors.accountId}>
        <select id={`${id}-account`} value={d.accountId} onChange={(e) => setD({ ...d, accountId: e.target.value })}>
          <option value="">All accounts</option>
          <LookupOptions of="accounts" />
        </select>
      </Field>
      <Field id={`${id}-starts`} label="Starts on" error={errors.startsOn}>
        <input id={`${id}-starts`} type="date" value={d.startsOn} onChange={(e) => setD({ ...d, startsOn: e.target.value })} />
      </Field>
      <button type="submit" className="primary">
        Add goal
      </button>
      {errors[''] && <p className="notice crit">{errors['']}</p>}
    </form>
  );
}

function PropForm({ onDone }: { onDone: (text: string) => void }) {
  const id = useId();
  const accounts = useLookupsStore((s) => s.accounts);
  const [d, setD] = useState({
    firm: '',
    name: '',
    accountId: String(accounts[0]?.id ?? ''),
    phase: 'phase1',
    startBalance: '50000',
    profitTarget: '3000',
    dailyLoss: '1100',
    maxDrawdown: '2000',
    drawdownMode: 'trailing',
    minTradingDays: '5',
    startedOn: today(),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call('prop:create', {
        firm: d.firm,
        name: d.name,
        accountId: Number(d.accountId),
        phase: d.phase as (typeof PROP_PHASES)[number],
        startBalanceCents: money(d.startBalance),
        profitTargetCents: money(d.profitTarget),
        dailyLossLimitCents: money(d.dailyLoss),
        maxDrawdownCents: money(d.maxDrawdown),
        drawdownMode: d.drawdownMode as 'static' | 'trailing',
        minTradingDays: Number(d.minTradingDays),
        startedOn: d.startedOn,
      });
      setErrors({});
      onDone(`Added the evaluation “${d.name}”.`);
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(Object.keys(fields).length ? fields : { '': errorMessage(error) });
    }
  };
  const text = (key: keyof typeof d, label: string, serverKey: string = key) => (
    <Field id={`${id}-${key}`} label={label} error={errors[serverKey]}>
      <input id={`${id}-${key}`} value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} />
    </Field>
  );
  return (
    <form aria-label="New evaluation" className="filters plain" onSubmit={(e) => void submit(e)} noValidate>
      {text('firm', 'Firm')}
      {text('name', 'Name')}
      <Field id={`${id}-account`} label="Account" error={errors.accountId}>
        <select id={`${id}-account`} value={d.accountId} onChange={(e) => setD({ ...d, accountId: e.target.value })}>
          <LookupOptions of="accounts" />
        </select>
      </Field>
      <Field id={`${id}-phase`} label="Phase" error={errors.phase}>
        <select id={`${id}-phase`} value={d.phase} onChange={(e) => setD({ ...d, phase: e.target.value })}>
          <option value="phase1">Phase 1</option>
          <option value="phase2">Phase 2</option>
          <option value="funded">Funded</option>
        </select>
      </Field>
      {text('startBalance', 'Start balance', 'startBalanceCents')}
      {text('profitTarget', 'Profit target', 'profitTargetCents')}
      {text('dailyLoss', 'Daily loss limit', 'dailyLossLimitCents')}
      {text('maxDrawdown', 'Max drawdown', 'maxDrawdownCents')}
      <Field id={`${id}-mode`} label="Drawdown is" error={errors.drawdownMode}>
        <select id={`${id}-mode`} value={d.drawdownMode} onChange={(e) => setD({ ...d, drawdownMode: e.target.value })}>
          <option value="trailing">Trailing the peak</option>
          <option value="static">Static from the start</option>
        </select>
      </Field>
      {text('minTradingDays', 'Minimum trading days')}
      <Field id={`${id}-started`} label="Started on" error={errors.startedOn}>
        <input id={`${id}-started`} type="date" value={d.startedOn} onChange={(e) => setD({ ...d, startedOn: e.target.value })} />
      </Field>
      <button type="submit" className="primary">
        Add evaluation
      </button>
      {errors[''] && <p className="notice crit">{errors['']}</p>}
    </form>
  );
}

/** Add, pause and delete goals and prop-firm evaluations. */
export function GoalsManager({ goals, props, onClose }: { goals: GoalProgress[]; props: PropEvaluationProgress[]; onClose: () => void }) {
  const reload = useOverviewStore((s) => s.reload);
  const [message, setMessage] = useState<{ kind: 'good' | 'crit'; text: string } | null>(null);
  // The last deleted goal, so its delete can be undone (it comes back as a new goal with the same settings).
  const [deleted, setDeleted] = useState<GoalProgress | null>(null);
  // An evaluation's delete asks once more: it cannot be undone.
  const [confirming, setConfirming] = useState<number | null>(null);
  const act = async (run: () => Promise<unknown>, text: string) => {
    try {
      await run();
      setDeleted(null);
      setMessage({ kind: 'good', text });
      await reload();
    } catch (error) {
      setMessage({ kind: 'crit', text: errorMessage(error) });
    }
  };
  const done = (text: string) => void act(async () => undefined, text);
  return (
    <SidePanel title="Goals and evaluations" onClose={onClose}>
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'crit' ? 'alert' : 'status'}>
          {message.text}
          {deleted && message.kind === 'good' && (
            <>
              {' '}
              <button
                type="button"
                className="link"
                onClick={() =>
                  void act(
                    () =>
                      call('goals:create', {
                        name: deleted.name,
                        kind: deleted.kind,
                        period: deleted.period,
                        accountId: deleted.accountId,
                        target: deleted.target,
                        startsOn: deleted.startsOn,
                        endsOn: deleted.endsOn,
                        active: deleted.active,
                      }),
                    `Restored “${deleted.name}”.`,
                  )
                }
              >
                Undo
              </button>
            </>
          )}
        </p>
      )}
      <h3>Goals</h3>
      <ul className="plain-list manage-list">
        {goals.map((g) => (
          <li key={g.id} className="job-head">
            <span>
              {g.name} <span className="muted small">({g.period}{g.active ? '' : ', paused'})</span>
            </span>
            <span className="button-row">
              <button type="button" onClick={() => void act(() => call('goals:update', { id: g.id, patch: { active: !g.active } }), `${g.active ? 'Paused' : 'Resumed'} “${g.name}”.`)}>
                {g.active ? 'Pause' : 'Resume'}
              </button>
              <button type="button" className="danger" aria-label={`Delete goal ${g.name}`} onClick={() =>
                  void act(() => call('goals:delete', { id: g.id }), `Deleted “${g.name}”.`).then(() => setDeleted(g))
                }>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      <h4>Add a goal</h4>
      <GoalForm onDone={done} />
      <h3>Prop-firm evaluations</h3>
      <ul className="plain-list manage-list">
        {props.map((p) => (
          <li key={p.id} className="job-head">
            <span>
              {p.firm} · {p.name}
            </span>
            {confirming === p.id ? (
              <span className="button-row">
                <button
                  type="button"
                  className="danger"
                  aria-label={`Yes, delete evaluation ${p.name}`}
                  onClick={() => {
                    setConfirming(null);
                    void act(() => call('prop:delete', { id: p.id }), `Deleted “${p.name}”.`);
                  }}
                >
                  Yes, delete
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" className="danger" aria-label={`Delete evaluation ${p.name}`} onClick={() => setConfirming(p.id)}>
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      <h4>Add an evaluation</h4>
      <PropForm onDone={done} />
    </SidePanel>
  );
}
