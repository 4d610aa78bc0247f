import type { DiscrepancyField, EquityDiscrepancy } from '../../../../shared/domain/equity';
import { TableScroll } from '../TableScroll';
import { useEffect, useRef } from 'react';
import { useFormat } from '../../hooks/use-format';
import { DISCREPANCY_PAGE, useEquityStore } from '../../store/equity-store';
import { useLookupsStore } from '../../store/lookups-store';

const FIELD_LABELS: Record<DiscrepancyField, string> = {
  gross_pnl_cents: 'Gross P&L',
  fees_cents: 'Fees',
  net_pnl_cents: 'Net P&L',
  trade_count: 'Trade count',
  win_count: 'Winning trades',
  ending_equity_cents: 'Ending equity',
  peak_equity_cents: 'Peak equity',
  drawdown_cents: 'Drawdown',
  day_missing: 'Day missing from stored equity',
  day_unexpected: 'Stored day with no closed trades',
  trade_close_day: 'A trade stored on the wrong day (net shown)',
  trade_net_pnl: 'A trade whose net is not gross minus fees',
  analytics_day_facts: 'Analytics summary of the day',
};

const isCount = (field: DiscrepancyField) => field === 'trade_count' || field === 'win_count';

/** The drill-down: every stored figure that differs from what the trades add up to. */
export function DiscrepancyTable() {
  const fmt = useFormat();
  const page = useEquityStore((s) => s.discrepancies);
  const open = useEquityStore((s) => s.openDiscrepancies);
  const close = useEquityStore((s) => s.closeDiscrepancies);
  const accounts = useLookupsStore((s) => s.accounts);
  const show = useEquityStore((s) => s.showDiscrepancies);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (show) headingRef.current?.focus();
  }, [show]);
  if (!page || !show) return null;
  const currencyOf = (id: number) => accounts.find((a) => a.id === id)?.currency ?? 'USD';
  const value = (d: EquityDiscrepancy, v: number | null) => (v === null ? 'none' : isCount(d.field) ? fmt.count(v) : fmt.plainMoney(v, currencyOf(d.accountId)));
  const last = Math.min(page.offset + page.rows.length, page.total);
  return (
    <section className="card drilldown" aria-labelledby="mismatch-title">
      <div className="page-header">
        <h2 id="mismatch-title" tabIndex={-1} ref={headingRef}>
          Mismatched days
        </h2>
        <button type="button" onClick={close}>
          Hide
        </button>
      </div>
      <p className="muted small">
        Stored is what the daily equity table holds; expected is recomputed from your trades. Rebuilding replaces the stored figures with the expected ones.
      </p>
      <TableScroll label="Mismatched figures">
        <table aria-labelledby="mismatch-title">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Account</th>
              <th scope="col">Figure</th>
              <th scope="col" className="num">
                Stored
              </th>
              <th scope="col" className="num">
                Expected
              </th>
              <th scope="col" className="num">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((d) => (
              <tr key={`${d.accountId}-${d.day}-${d.field}`} data-day={d.day}>
                <td>{fmt.day(d.day)}</td>
                <td>{d.accountName ?? `Account ${d.accountId}`}</td>
                <td>{FIELD_LABELS[d.field]}</td>
                <td className="num">{value(d, d.stored)}</td>
                <td className="num">{value(d, d.expected)}</td>
                <td className="num">{isCount(d.field) ? fmt.count(d.difference) : fmt.money(d.difference, currencyOf(d.accountId))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {page.total > DISCREPANCY_PAGE && (
        <nav className="button-row pager" aria-label="Mismatch pages">
          <button type="button" disabled={page.offset === 0} onClick={() => void open(Math.max(0, page.offset - DISCREPANCY_PAGE))}>
            Previous
          </button>
          <span>
            {fmt.count(page.offset + 1)}–{fmt.count(last)} of {fmt.count(page.total)}
          </span>
          <button type="button" disabled={last >= page.total} onClick={() => void open(page.offset + DISCREPANCY_PAGE)}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}

export function EquityStatusCard() {
  const fmt = useFormat();
  const { status, busy, message, error, showDiscrepancies, validate, rebuild, openDiscrepancies } = useEquityStore();
  const run = status?.lastRun ?? null;
  let tone = 'info';
  let headline = 'Not checked yet';
  if (busy === 'validate' || run?.status === 'running') {
    headline = 'Checking…';
  } else if (busy === 'rebuild') {
    headline = 'Rebuilding…';
  } else if (run?.status === 'ok') {
    tone = 'ok';
    headline = 'Equity reconciles with your trades';
  } else if (run?.status === 'discrepancies') {
    tone = 'crit';
    headline = `${fmt.count(run.daysWithDiscrepancies)} ${run.daysWithDiscrepancies === 1 ? 'day does' : 'days do'} not match your trades`;
  } else if (run?.status === 'error') {
    tone = 'crit';
    headline = 'The last check could not finish';
  }
  return (
    <section className="card equity-status" data-tone={tone} aria-labelledby="equity-title" data-status={run?.status ?? 'none'}>
      <h2 id="equity-title">Equity check</h2>
      <p className={`status-line ${tone}`} role="status">
        <span className={`dot ${tone}`} aria-hidden="true" />
        {headline}
      </p>
      {run && (
        <p className="muted small">
          Last checked {fmt.dateTime(run.finishedAt ?? run.startedAt)} ({run.trigger}) · {fmt.count(run.daysChecked)} account-days · took {fmt.duration(run.durationMs)}
          {status?.nextRunAt ? ` · next check ${fmt.dateTime(status.nextRunAt)}` : ''}
        </p>
      )}
      {run?.status === 'error' && run.errorMessage && <p className="notice crit">{run.errorMessage}</p>}
      {run?.status === 'discrepancies' && (
        <p className="small">
          The stored daily equity disagrees with what your trades add up to. Look at the days, then rebuild: it recomputes every day from your trades and checks again. A trade stored on the wrong trading day is moved to the day its close time gives, and a net that is not gross minus fees is set to it; nothing else of your trades changes.
        </p>
      )}
      {run?.status === 'discrepancies' && run.rootCause && (
        <p className="small" data-testid="equity-root-cause">
          <strong>Cause:</strong> {run.rootCause}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => void validate()} disabled={busy !== null}>
          {busy === 'validate' ? 'Checking…' : 'Check now'}
        </button>
        {run?.status === 'discrepancies' && !showDiscrepancies && (
          <button type="button" onClick={() => void openDiscrepancies(0)}>
            Show mismatched days
          </button>
        )}
        <button type="button" className={run?.status === 'discrepancies' ? 'primary' : undefined} onClick={() => void rebuild()} disabled={busy !== null}>
          {busy === 'rebuild' ? 'Rebuilding…' : 'Rebuild from trades'}
        </button>
      </div>
      {message && <p className="notice good">{message}</p>}
      {error && (
        <p className="notice crit" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
