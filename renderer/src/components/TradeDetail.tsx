import { useEffect, useRef, useState } from 'react';
import type { TradeRow } from '../../../shared/domain/trade';
import { useFormat } from '../hooks/use-format';
import { TradeEditForm } from './TradeEditForm';
import { call, errorMessage } from '../api';
import { useLookupsStore } from '../store/lookups-store';
import { TradeAttachments } from './review/TradeAttachments';
import { TradeChecklist } from './review/TradeChecklist';
import { TradeChart } from './review/TradeChart';
import { useDailyNoteStore } from '../store/daily-note-store';
import { initialRiskCents, R_DEFINITION } from '../../../shared/domain/trade-input-pnl';
import { describeRate, PNL_SOURCE_LABELS, RATE_SOURCE_LABELS } from '../../../shared/domain/fx-booking';

/** The side panel for one trade. Escape or the close button returns focus to the table. */
export function TradeDetail({
  trade,
  currency,
  onClose,
  onSaved,
  position,
  onStep,
}: {
  trade: TradeRow;
  currency: string;
  onClose: () => void;
  onSaved: (row: TradeRow) => void;
  /** Where this trade sits in the Trades page's filter and order (index null when unknown). */
  position?: { index: number | null; total: number };
  onStep?: (delta: -1 | 1) => void;
}) {
  const fmt = useFormat();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const onStepRef = useRef(onStep);
  onStepRef.current = editing ? undefined : onStep;
  // Once per opening: focus moves into the panel, and back to where it was when it closes.
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') onCloseRef.current();
      // J/K and the arrow keys step through the trades, but never while typing in a field.
      const target = e.target as HTMLElement | null;
      const typing = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowDown' || e.key === 'j') {
        e.preventDefault();
        onStepRef.current?.(1);
      } else if (e.key === 'ArrowUp' || e.key === 'k') {
        e.preventDefault();
        onStepRef.current?.(-1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, []);
  const pnlClass = trade.netPnlCents > 0 ? 'win' : trade.netPnlCents < 0 ? 'loss' : '';
  const rClass = trade.rMultiple === null || trade.rMultiple === 0 ? '' : trade.rMultiple > 0 ? 'win' : 'loss';
  const open = trade.status === 'open';
  const multiplier = useLookupsStore((s) => s.instruments.find((i) => i.id === trade.instrumentId)?.multiplier ?? 1);
  const risk = initialRiskCents({ ...trade, multiplier });
  return (
    <>
      <div className="panel-backdrop" onClick={onClose} />
      <aside className="side-panel" role="dialog" aria-modal="true" aria-labelledby="trade-detail-title">
        <div className="page-header">
          <h2 id="trade-detail-title">
            {trade.symbol} {trade.direction === 'long' ? 'long' : 'short'} · #{trade.id}
          </h2>
          <span className="button-row">
            {onStep && position && (
              <>
                <button type="button" onClick={() => onStep(-1)} disabled={position.index !== null && position.index <= 0} title="Previous trade (↑ or K)">
                  ← Previous
                </button>
                <span className="muted small" aria-live="polite">
                  {position.index === null ? '' : `${position.index + 1} of ${position.total}`}
                </span>
                <button type="button" onClick={() => onStep(1)} disabled={position.index !== null && position.index >= position.total - 1} title="Next trade (↓ or J)">
                  Next →
                </button>
              </>
            )}
            <button type="button" ref={closeRef} onClick={onClose}>
              Close
            </button>
          </span>
        </div>
        {status && (
          <p className={`notice ${status.kind === 'ok' ? 'good' : 'crit'}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
            {status.text}
          </p>
        )}
        {editing ? (
          <TradeEditForm
            trade={trade}
            onCancel={() => setEditing(false)}
            onSaved={(row) => {
              setEditing(false);
              setStatus({ kind: 'ok', text: 'Trade saved. P&L and equity were updated.' });
              onSaved(row);
            }}
          />
        ) : (
          <>
            <div className="button-row">
              <button type="button" className="primary" onClick={() => setEditing(true)}>
                Edit trade, tags and notes
              </button>
              <button
                type="button"
                onClick={() => {
                  const day = trade.closeDay ?? new Date(trade.openedAt).toLocaleDateString('en-CA');
                  onClose();
                  useDailyNoteStore.getState().openNote(day, null);
                }}
              >
                Day note
              </button>
              {confirmDelete ? (
                <>
                  <button
                    type="button"
                    className="danger"
                    onClick={async () => {
                      try {
                        await call('trades:delete', { ids: [trade.id] });
                        onClose();
                      } catch (error) {
                        setStatus({ kind: 'error', text: errorMessage(error) });
                      }
                    }}
                  >
                    Delete for good
                  </button>
                  <button type="button" onClick={() => setConfirmDelete(false)}>
                    Keep
                  </button>
                </>
              ) : (
                <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
                  Delete trade
                </button>
              )}
            </div>
        <dl className="facts">
          <dt>Account</dt>
          <dd>{trade.accountName}</dd>
          <dt>Status</dt>
          <dd>{open ? <span className="badge info">Open: not closed yet, P&amp;L unrealized</span> : trade.status === 'needs_rate' ? 'Closed, needs a rate' : 'Closed'}</dd>
          <dt>Opened</dt>
          <dd>{fmt.dateTime(trade.openedAt)}</dd>
          <dt>Closed</dt>
          <dd>{open ? 'Still open' : fmt.dateTime(trade.closedAt)}</dd>
          <dt>Trading day</dt>
          <dd>{open ? 'Set when the trade closes' : fmt.day(trade.closeDay)}</dd>
          <dt>Quantity</dt>
          <dd>{fmt.number(trade.qty)}</dd>
          <dt>Entry price</dt>
          <dd>{fmt.number(trade.entryPrice)}</dd>
          <dt>Exit price</dt>
          <dd>{open ? 'None yet' : fmt.number(trade.exitPrice)}</dd>
          <dt>Stop / target</dt>
          <dd>
            {trade.stopPrice === null ? 'No stop' : fmt.number(trade.stopPrice)} / {trade.targetPrice === null ? 'no target' : fmt.number(trade.targetPrice)}
          </dd>
          <dt>Setup</dt>
          <dd>{trade.setup ?? <span className="muted">None</span>}</dd>
          {trade.pnlCurrency && trade.quoteGrossPnlCents !== null && trade.pnlCurrency !== currency && (
            <>
              <dt>Gross P&amp;L in {trade.pnlCurrency}</dt>
              <dd>{fmt.money(trade.quoteGrossPnlCents, trade.pnlCurrency)}</dd>
            </>
          )}
          <dt>Conversion</dt>
          <dd data-testid="trade-rate">
            {trade.status === 'open'
              ? '—'
              : trade.status === 'needs_rate'
                ? `Needs a ${trade.pnlCurrency ?? ''}→${currency} rate: add one under Settings → Exchange rates, or type one on the trade. Kept out of money totals until then.`
                : trade.fxRateSource === null
                  ? 'Booked before currencies were tracked'
                  : trade.fxRate !== null && trade.fxRateSource !== 'same-currency'
                    ? `${describeRate(trade.fxRate, trade.pnlCurrency ?? '', currency)} (${RATE_SOURCE_LABELS[trade.fxRateSource]})`
                    : RATE_SOURCE_LABELS[trade.fxRateSource]}
          </dd>
          <dt>P&amp;L source</dt>
          <dd data-testid="trade-pnl-source">{PNL_SOURCE_LABELS[trade.pnlSource]}</dd>
          <dt>Gross P&amp;L</dt>
          <dd>{open ? <span className="muted">Unrealized (no exit price yet)</span> : trade.status === 'needs_rate' ? '—' : fmt.money(trade.grossPnlCents, currency)}</dd>
          <dt>Fees</dt>
          <dd>{fmt.plainMoney(trade.feesCents, currency)}{open ? ' so far' : ''}</dd>
          <dt>Net P&amp;L</dt>
          <dd className={trade.status === 'closed' ? pnlClass : ''}>{open ? <span className="muted">Unrealized: counted when the trade closes</span> : trade.status === 'needs_rate' ? '—' : fmt.money(trade.netPnlCents, currency)}</dd>
          <dt>Initial risk</dt>
          <dd>
            {risk === null ? (
              <span className="muted">Unknown: give a stop or a planned risk</span>
            ) : (
              <>
                {fmt.plainMoney(risk, currency)} {trade.plannedRiskCents !== null ? '(planned)' : '(entry to stop)'}
              </>
            )}
          </dd>
          <dt>R multiple</dt>
          <dd className={open ? '' : rClass} data-testid="trade-r">
            {open ? <span className="muted">Measured when the trade closes</span> : fmt.r(trade.rMultiple)}
          </dd>
          <dt>Tags</dt>
          <dd>{trade.tags.length ? trade.tags.join(', ') : 'None'}</dd>
        </dl>
        <p className="muted small">{R_DEFINITION}</p>
        <h3>Notes</h3>
        <p className="notes">{trade.notes || <span className="muted">No notes.</span>}</p>
        <TradeChart tradeId={trade.id} currency={currency} />
        <TradeChecklist tradeId={trade.id} setup={trade.setup} />
        <TradeAttachments tradeId={trade.id} />
          </>
        )}
      </aside>
    </>
  );
}
