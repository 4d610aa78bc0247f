import { useEffect, useId, useMemo, useState } from 'react';
import { call } from '../api';
import { useDailyNoteStore } from '../store/daily-note-store';
import { PageHeader } from '../components/PageHeader';
import { HeadlineStats } from '../components/overview/HeadlineStats';
import { EquityChart } from '../components/overview/EquityChart';
import { PnlCalendarView } from '../components/overview/PnlCalendarView';
import { GoalsPanel } from '../components/overview/GoalsPanel';
import { BreakdownCard } from '../components/overview/BreakdownCard';
import { DiscrepancyTable, EquityStatusCard } from '../components/overview/EquityStatusCard';
import { PERIODS, filterOf, useOverviewStore, type Period } from '../store/overview-store';
import { useEquityStore } from '../store/equity-store';
import { useLookupsStore } from '../store/lookups-store';
import { useTradesStore } from '../store/trades-store';
import { useAppStore } from '../store/app-store';

export function OverviewPage() {
  const id = useId();
  const accounts = useLookupsStore((s) => s.accounts);
  const { scope, summary, curve, calendar, month, goals, props, error, loading, setScope, setMonth } = useOverviewStore();
  const loadEquity = useEquityStore((s) => s.load);
  const openNote = useDailyNoteStore((s) => s.openNote);
  const notesVersion = useDailyNoteStore((s) => s.version);
  const [noteDays, setNoteDays] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!month) return;
    let live = true;
    call('notes:days', { month })
      .then((days) => live && setNoteDays(new Set(days)))
      .catch(() => live && setNoteDays(new Set()));
    return () => {
      live = false;
    };
  }, [month, notesVersion]);
  const oneCurrency = useMemo(() => new Set(accounts.map((a) => a.currency)).size <= 1, [accounts]);

  useEffect(() => {
    void loadEquity();
  }, [loadEquity]);
  useEffect(() => {
    if (accounts.length === 0) return;
    if (!scope || (scope.accountId !== null && !accounts.some((a) => a.id === scope.accountId))) {
      // Figures in different currencies cannot be added up: start with one account unless all share one.
      void setScope({ accountId: oneCurrency ? null : accounts[0]!.id, period: 'all' });
    } else {
      void useOverviewStore.getState().reload();
    }
    // Only when the accounts change; scope changes reload through setScope.
  }, [accounts]);

  const currency = scope?.accountId != null ? (accounts.find((a) => a.id === scope.accountId)?.currency ?? 'USD') : (accounts[0]?.currency ?? 'USD');

  return (
    <section aria-labelledby="overview-title" className="page">
      <PageHeader id="overview-title" title="Overview">
        {scope && (
          <>
            <label htmlFor={`${id}-account`} className="sr-only">
              Account
            </label>
            <select id={`${id}-account`} value={scope.accountId ?? ''} onChange={(e) => void setScope({ ...scope, accountId: e.target.value === '' ? null : Number(e.target.value) })}>
              {oneCurrency && <option value="">All accounts</option>}
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.currency})
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-period`} className="sr-only">
              Period
            </label>
            <select id={`${id}-period`} value={scope.period} onChange={(e) => void setScope({ ...scope, period: e.target.value as Period })}>
              {PERIODS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </>
        )}
      </PageHeader>
      {error && (
        <p role="alert" className="notice crit">
          {error}
        </p>
      )}
      {!summary && loading && <p role="status">Adding up your trades…</p>}
      {summary && <HeadlineStats summary={summary} currency={currency} />}
      <DiscrepancyTable />
      <div className="overview-grid">
        <div className="overview-main">
          {curve && (
            <section className="card" aria-labelledby="curve-title">
              <h2 id="curve-title">Equity and drawdown</h2>
              {curve.points.length === 0 ? <p className="muted">No closed trades in this period.</p> : <EquityChart curve={curve} currency={currency} />}
            </section>
          )}
          {calendar && month && (
            <PnlCalendarView
              calendar={calendar}
              month={month}
              currency={currency}
              filter={scope ? filterOf(scope) : {}}
              onMonth={(m) => void setMonth(m)}
              noteDays={noteDays}
              onNote={(day) => openNote(day, scope?.accountId ?? null)}
              onDay={(day) => {
                // The day's closed trades in this account, on the Trades page.
                useTradesStore.setState({
                  filter: { dateFrom: day, dateTo: day, status: 'closed', ...(scope?.accountId != null ? { accountIds: [scope.accountId] } : {}) },
                });
                useAppStore.getState().navigate('trades');
              }}
            />
          )}
        </div>
        <div className="overview-side">
          <EquityStatusCard />
          <GoalsPanel goals={goals} props={props} />
        </div>
      </div>
      {scope && summary && <BreakdownCard filter={filterOf(scope)} currency={currency} />}
    </section>
  );
}
