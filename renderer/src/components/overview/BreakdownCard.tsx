import { useEffect, useId, useState } from 'react';
import { TableScroll } from '../TableScroll';
import type { AnalyticsFilter, BreakdownDimension, BreakdownRow } from '../../../../shared/domain/analytics';
import { call, errorMessage } from '../../api';
import { useFormat } from '../../hooks/use-format';

const DIMENSIONS: { id: BreakdownDimension; label: string }[] = [
  { id: 'tag', label: 'Tag' },
  { id: 'instrument', label: 'Instrument' },
  { id: 'weekday', label: 'Weekday' },
  { id: 'hour', label: 'Hour opened' },
  { id: 'direction', label: 'Long or short' },
  { id: 'account', label: 'Account' },
  { id: 'setup', label: 'Setup' },
];

/** Net P&L, win rate and expectancy split by one dimension, best first. */
export function BreakdownCard({ filter, currency }: { filter: AnalyticsFilter; currency: string }) {
  const id = useId();
  const fmt = useFormat();
  const [dimension, setDimension] = useState<BreakdownDimension>('tag');
  const [rows, setRows] = useState<BreakdownRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    call('analytics:breakdown', { filter: JSON.parse(filterKey) as AnalyticsFilter, dimension })
      .then((result) => {
        if (live) {
          setRows(result);
          setError(null);
        }
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [filterKey, dimension]);

  const ordered = dimension === 'weekday' || dimension === 'hour' ? rows : rows && [...rows].sort((a, b) => b.netPnlCents - a.netPnlCents);
  const worst = rows?.reduce((m, r) => Math.max(m, Math.abs(r.netPnlCents)), 0) || 1;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="page-header">
        <h2 id={`${id}-title`}>Where the P&amp;L comes from</h2>
        <span>
          <label htmlFor={`${id}-dim`} className="sr-only">
            Split by
          </label>
          <select id={`${id}-dim`} value={dimension} onChange={(e) => setDimension(e.target.value as BreakdownDimension)}>
            {DIMENSIONS.map((d) => (
              <option key={d.id} value={d.id}>
                By {d.label.toLowerCase()}
              </option>
            ))}
          </select>
        </span>
      </div>
      {error && (
        <p className="notice crit" role="alert">
          {error}
        </p>
      )}
      {ordered && ordered.length === 0 && <p className="muted">No closed trades in this period.</p>}
      {ordered && ordered.length > 0 && (
        <TableScroll label="P&L breakdown" className="breakdown">
          <table aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{DIMENSIONS.find((d) => d.id === dimension)!.label}</th>
                <th scope="col" className="num">
                  Trades
                </th>
                <th scope="col" className="num">
                  Win rate
                </th>
                <th scope="col" className="num">
                  Net P&amp;L
                </th>
                <th scope="col" className="bar-col">
                  <span className="sr-only">Net P&amp;L bar</span>
                </th>
                <th scope="col" className="num">
                  Expectancy
                </th>
                <th scope="col" className="num">
                  Avg R
                </th>
                <th scope="col" className="num">
                  Profit factor
                </th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((r) => (
                <tr key={r.key ?? 'none'}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{fmt.count(r.tradeCount)}</td>
                  <td className="num">{fmt.percent(r.winRate)}</td>
                  <td className={`num pnl ${r.netPnlCents > 0 ? 'win' : r.netPnlCents < 0 ? 'loss' : ''}`}>{fmt.money(r.netPnlCents, currency)}</td>
                  <td className="bar-col" aria-hidden="true">
                    <span className={`hbar ${r.netPnlCents < 0 ? 'neg' : 'pos'}`} style={{ width: `${(Math.abs(r.netPnlCents) / worst) * 100}%` }} />
                  </td>
                  <td className="num">{r.expectancyCents === null ? '—' : fmt.money(Math.round(r.expectancyCents), currency)}</td>
                  <td className="num">{fmt.r(r.avgR)}</td>
                  <td className="num">{r.profitFactor === null ? '—' : fmt.number(r.profitFactor, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
