import { useEffect, useId, useMemo, useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { BarChart, type Bar } from '../components/reports/BarChart';
import { GroupTable, type GroupRow } from '../components/reports/GroupTable';
import { ReportEquityChart } from '../components/reports/ReportEquityChart';
import { call, errorMessage } from '../api';
import { useFormat } from '../hooks/use-format';
import { useLookupsStore } from '../store/lookups-store';
import type { BreakdownDimension, BreakdownRow, EquityCurve } from '../../../shared/domain/analytics';
import type { TradeBucket, TradeDistributions, TradeFilter } from '../../../shared/domain/trade';
import type { Formatters } from '../format';

interface Report {
  curve: EquityCurve;
  breakdowns: Record<'hour' | 'weekday' | 'instrument' | 'tag', BreakdownRow[]>;
  shapes: TradeDistributions;
}

const BREAKDOWNS = ['hour', 'weekday', 'instrument', 'tag'] as const satisfies readonly BreakdownDimension[];

const fromBreakdown = (rows: BreakdownRow[]): GroupRow[] =>
  rows.map((r) => ({ key: r.key ?? 'none', label: r.label, trades: r.tradeCount, wins: r.winCount, netCents: r.netPnlCents }));

const fromBuckets = (buckets: TradeBucket[], label: (b: TradeBucket) => string): GroupRow[] =>
  buckets.map((b) => ({ key: b.key, label: label(b), trades: b.trades, wins: b.wins, netCents: b.netCents }));

/** Holding-time steps in words: "< 1 min", "1–5 min", "1–4 h", "1 day +". */
function durationLabel(b: TradeBucket, fmt: Formatters): string {
  const words = (ms: number) =>
    ms < 3_600_000 ? `${fmt.count(ms / 60_000)} min` : ms < 86_400_000 ? `${fmt.count(ms / 3_600_000)} h` : `${fmt.count(ms / 86_400_000)} d`;
  if (b.from === 0 && b.to !== null) return `< ${words(b.to)}`;
  if (b.to === null) return `${words(b.from ?? 0)} +`;
  return `${words(b.from ?? 0)}–${words(b.to)}`;
}

function rLabel(b: TradeBucket, fmt: Formatters): string {
  if (b.from === null) return `< ${fmt.number(b.to, 1)} R`;
  if (b.to === null) return `≥ ${fmt.number(b.from, 1)} R`;
  return `${fmt.number(b.from, 1)} R`;
}

/** The bars of a grouping: net P&L per group. */
const netBars = (rows: GroupRow[], fmt: Formatters, currency: string): Bar[] =>
  rows.map((r) => ({ key: r.key, label: r.label, value: r.netCents, display: fmt.money(r.netCents, currency) }));

/** A short text alternative: the best and the worst group. */
function netSummary(what: string, rows: GroupRow[], fmt: Formatters, currency: string): string {
  const withTrades = rows.filter((r) => r.trades > 0);
  if (withTrades.length === 0) return `No closed trades to show by ${what}.`;
  const best = withTrades.reduce((a, b) => (b.netCents > a.netCents ? b : a));
  const worst = withTrades.reduce((a, b) => (b.netCents < a.netCents ? b : a));
  return `Net P&L by ${what}: best ${best.label} at ${fmt.money(best.netCents, currency)} over ${fmt.count(best.trades)} trades; worst ${worst.label} at ${fmt.money(worst.netCents, currency)}. The table below lists every ${what}.`;
}

/** Trading performance for one currency: equity, distributions and where the P&L comes from. */
export function PerformancePage() {
  const id = useId();
  const fmt = useFormat();
  const accounts = useLookupsStore((s) => s.accounts);
  const currencies = useMemo(() => [...new Set(accounts.map((a) => a.currency))].sort(), [accounts]);
  const [currency, setCurrency] = useState('');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = currency || currencies.includes('USD') ? currency || 'USD' : (currencies[0] ?? '');

  useEffect(() => {
    if (!chosen) return;
    // One currency at a time: money from accounts in different currencies is never added up.
    const filter: TradeFilter = {
      accountIds: accounts.filter((a) => a.currency === chosen).map((a) => a.id),
      ...(dateFrom ? { dateFrom } : {}),
      ...(dateTo ? { dateTo } : {}),
    };
    let live = true;
    setReport(null);
    Promise.all([
      call('analytics:equityCurve', { filter }),
      Promise.all(BREAKDOWNS.map((dimension) => call('analytics:breakdown', { filter, dimension }))),
      call('trades:distributions', { filter }),
    ])
      .then(([curve, lists, shapes]) => {
        if (!live) return;
        const breakdowns = Object.fromEntries(BREAKDOWNS.map((d, i) => [d, lists[i]!])) as Report['breakdowns'];
        setReport({ curve, breakdowns, shapes });
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [chosen, accounts, dateFrom, dateTo]);

  const compact = new Intl.NumberFormat(fmt.locale, { style: 'currency', currency: chosen || 'USD', notation: 'compact', maximumFractionDigits: 1 });
  const groups = report && {
    hour: fromBreakdown(report.breakdowns.hour),
    weekday: fromBreakdown(report.breakdowns.weekday),
    instrument: fromBreakdown([...report.breakdowns.instrument].sort((a, b) => b.netPnlCents - a.netPnlCents)),
    tag: fromBreakdown([...report.breakdowns.tag].sort((a, b) => b.netPnlCents - a.netPnlCents)),
    setup: fromBuckets(report.shapes.setup, (b) => b.key || '(no setup)'),
    duration: fromBuckets(report.shapes.duration, (b) => durationLabel(b, fmt)),
  };

  return (
    <section aria-labelledby="performance-title" className="page page-wide reports-page">
      <PageHeader id="performance-title" title="Performance" />
      <form className="filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
        <div className="filter">
          <label htmlFor={`${id}-currency`}>Currency</label>
          <select id={`${id}-currency`} value={chosen} onChange={(e) => setCurrency(e.target.value)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c} ({accounts.filter((a) => a.currency === c).length} accounts)
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={dateFrom} max={dateTo || undefined} onChange={(e) => setDateFrom(e.target.value)} />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={dateTo} min={dateFrom || undefined} onChange={(e) => setDateTo(e.target.value)} />
        </div>
      </form>
      {error && (
        <p role="alert" className="notice crit">
          {error}
        </p>
      )}
      {!report && !error && <p role="status">Working out the figures…</p>}
      {report && groups && (
        <>
          <ReportEquityChart curve={report.curve} currency={chosen} />
          <div className="report-grid">
            <BarChart
              title="P&L per trade"
              tone="count"
              bars={report.shapes.pnl.map((b) => ({
                key: b.key,
                label: compact.format((b.from ?? 0) / 100),
                value: b.trades,
                display: `${fmt.count(b.trades)} trades`,
                kind: (b.from ?? 0) >= 0 ? 'win' : 'loss',
              }))}
              summary={`How many trades made or lost how much, in ${fmt.count(report.shapes.pnl.length)} equal steps from ${fmt.money(report.shapes.pnl[0]?.from ?? 0, chosen)} to ${fmt.money(report.shapes.pnl.at(-1)?.to ?? 0, chosen)}, over ${fmt.count(report.shapes.closed)} closed trades.`}
            >
              <GroupTable label="P&L per trade table" heading="From" rows={fromBuckets(report.shapes.pnl, (b) => fmt.money(b.from ?? 0, chosen)).filter((r) => r.trades > 0)} currency={chosen} />
            </BarChart>
            <BarChart
              title="R multiples"
              tone="count"
              bars={report.shapes.r.map((b) => ({ key: b.key, label: rLabel(b, fmt), value: b.trades, display: `${fmt.count(b.trades)} trades`, kind: (b.from ?? -1) >= 0 ? 'win' : 'loss' }))}
              summary={
                report.shapes.r.length
                  ? `How many trades ended at each R multiple, in half-R steps, over the trades that have a planned risk.`
                  : 'No trades with a planned risk (R) in this period.'
              }
            >
              <GroupTable label="R multiples table" heading="R from" rows={fromBuckets(report.shapes.r, (b) => rLabel(b, fmt)).filter((r) => r.trades > 0)} currency={chosen} />
            </BarChart>
            <BarChart title="By hour opened" bars={netBars(groups.hour, fmt, chosen)} summary={netSummary('hour', groups.hour, fmt, chosen)}>
              <GroupTable label="By hour table" heading="Hour" rows={groups.hour} currency={chosen} />
            </BarChart>
            <BarChart title="By weekday" bars={netBars(groups.weekday, fmt, chosen)} summary={netSummary('weekday', groups.weekday, fmt, chosen)}>
              <GroupTable label="By weekday table" heading="Weekday" rows={groups.weekday} currency={chosen} />
            </BarChart>
            <BarChart title="By holding time" bars={netBars(groups.duration, fmt, chosen)} summary={netSummary('holding time', groups.duration, fmt, chosen)}>
              <GroupTable label="By holding time table" heading="Held" rows={groups.duration} currency={chosen} />
            </BarChart>
            <BarChart title="By instrument" bars={netBars(groups.instrument, fmt, chosen)} summary={netSummary('instrument', groups.instrument, fmt, chosen)}>
              <GroupTable label="By instrument table" heading="Instrument" rows={groups.instrument} currency={chosen} />
            </BarChart>
            <BarChart title="By setup" bars={netBars(groups.setup, fmt, chosen)} summary={netSummary('setup', groups.setup, fmt, chosen)}>
              <GroupTable label="By setup table" heading="Setup" rows={groups.setup} currency={chosen} />
            </BarChart>
            <BarChart title="By tag" bars={netBars(groups.tag, fmt, chosen)} summary={netSummary('tag', groups.tag, fmt, chosen)}>
              <GroupTable label="By tag table" heading="Tag" rows={groups.tag} currency={chosen} />
            </BarChart>
            <BarChart
              title="Win and loss streaks"
              tone="count"
              bars={report.shapes.streaks.map((s) => ({
                key: `${s.kind}-${s.length}`,
                label: `${s.kind === 'win' ? 'W' : 'L'}${s.length}`,
                value: s.count,
                display: `${fmt.count(s.count)} runs`,
                kind: s.kind,
              }))}
              summary={`Runs of wins and losses in close order. Longest winning streak ${fmt.count(report.shapes.longestWin)} trades, longest losing streak ${fmt.count(report.shapes.longestLoss)} trades.`}
            >
              <p className="muted small">
                Longest winning streak: <strong>{fmt.count(report.shapes.longestWin)}</strong> · longest losing streak: <strong>{fmt.count(report.shapes.longestLoss)}</strong>. W3 = a run of three wins.
              </p>
            </BarChart>
          </div>
        </>
      )}
    </section>
  );
}
