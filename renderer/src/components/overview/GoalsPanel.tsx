import type { GoalProgress } from '../../../../shared/domain/goals';
import type { PropEvaluationProgress } from '../../../../shared/domain/prop';
import { useFormat } from '../../hooks/use-format';
import { useState } from 'react';
import { useLookupsStore } from '../../store/lookups-store';
import { GoalsManager } from './GoalsManager';

const GOAL_STATUS: Record<GoalProgress['status'], { label: string; tone: string }> = {
  not_started: { label: 'Not started', tone: '' },
  on_track: { label: 'On track', tone: 'ok' },
  at_risk: { label: 'At risk', tone: 'warn' },
  achieved: { label: 'Achieved', tone: 'ok' },
  missed: { label: 'Missed', tone: 'crit' },
};

function Bar({ value, label, tone }: { value: number; label: string; tone?: string }) {
  const pct = Math.max(0, Math.min(100, value * 100));
  return (
    <div className={`progress ${tone ?? ''}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}

export function GoalsPanel({ goals, props }: { goals: GoalProgress[]; props: PropEvaluationProgress[] }) {
  const fmt = useFormat();
  const accounts = useLookupsStore((s) => s.accounts);
  const currencyOf = (id: number | null) => accounts.find((a) => a.id === id)?.currency ?? accounts[0]?.currency ?? 'USD';
  const [managing, setManaging] = useState(false);
  const activeGoals = goals.filter((g) => g.active);
  const activeProps = props.filter((p) => p.computedStatus === 'active' || p.status === 'active');
  return (
    <section className="card" aria-labelledby="goals-title">
      <div className="page-header">
        <h2 id="goals-title">Goals and evaluations</h2>
        <button type="button" onClick={() => setManaging(true)}>
          Manage
        </button>
      </div>
      {managing && <GoalsManager goals={goals} props={props} onClose={() => setManaging(false)} />}
      {activeProps.length === 0 && activeGoals.length === 0 && <p className="muted">No active goals or prop-firm evaluations.</p>}
      {activeProps.length > 0 && (
        <ul className="plain-list">
          {activeProps.map((p) => {
            const c = currencyOf(p.accountId);
            const status = p.computedStatus === 'failed' ? 'crit' : p.computedStatus === 'passed' ? 'ok' : p.alerts.length ? 'warn' : 'info';
            return (
              <li key={`p${p.id}`} className="goal">
                <div className="job-head">
                  <strong>
                    {p.firm} · {p.name}
                  </strong>
                  <span className={`badge ${status}`}>
                    {p.computedStatus === 'active' ? (p.alerts.length ? 'Near a limit' : 'In progress') : p.computedStatus === 'passed' ? 'Passed' : 'Failed'}
                  </span>
                </div>
                <div className="muted small">
                  {p.accountName} · {p.phase === 'funded' ? 'Funded' : p.phase === 'phase1' ? 'Phase 1' : 'Phase 2'} · {p.tradingDays} trading days{p.minTradingDays > 0 ? ` (minimum ${p.minTradingDays})` : ''}
                </div>
                <Bar value={p.progressPct / 100} label={`${p.name} profit target progress`} tone={p.computedStatus === 'passed' ? 'done' : undefined} />
                <div className="goal-figures">
                  <span>
                    Profit {fmt.money(p.cumulativeProfitCents, c)} of {fmt.plainMoney(p.profitTargetCents, c)} ({fmt.number(p.progressPct, 1)}%)
                  </span>
                  <span>Daily loss left {fmt.plainMoney(p.remainingDailyLossCents, c)}</span>
                  <span>Drawdown left {fmt.plainMoney(p.remainingDrawdownCents, c)}</span>
                </div>
                {p.alerts.map((a) => (
                  <p key={a.limit} className={`notice ${a.severity === 'breached' ? 'crit' : 'warn'}`} role="alert">
                    {a.message}
                  </p>
                ))}
                {p.breaches.map((b) => (
                  <p key={b} className="notice crit">
                    {b}
                  </p>
                ))}
                <details className="small">
                  <summary>The rules, in plain words</summary>
                  <ul>
                    {p.ruleWords.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      {activeGoals.length > 0 && (
        <ul className="plain-list">
          {activeGoals.map((g) => {
            const status = GOAL_STATUS[g.status];
            const limit = g.kind === 'max_daily_loss' || g.kind === 'max_trades_per_day';
            return (
              <li key={`g${g.id}`} className="goal">
                <div className="job-head">
                  <strong>{g.name}</strong>
                  <span className={`badge ${status.tone}`}>{status.label}</span>
                </div>
                <Bar
                  value={g.progress}
                  label={`${g.name} ${limit ? 'share of the limit used' : 'progress'}`}
                  tone={g.status === 'missed' ? 'failed' : g.status === 'achieved' ? 'done' : undefined}
                />
                <div className="muted small">{g.message}</div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
