import { useEffect, useRef, useState } from 'react';
import type { TradeRow } from '../../../shared/domain/trade';
import { useFormat } from '../hooks/use-format';
import { TradeEditForm } from './TradeEditForm';
import { call, errorMessage } from '../api';
import { describeRate, PNL_SOURCE_LABELS, RATE_SOURCE_LABELS } from '../../../shared/domain/fx-booking';

/** The side panel for one trade. Escape or the close button returns focus to the table. */
export function TradeDetail({
  trade,
  currency,
  onClose,
  onSaved,
}: {
  trade: TradeRow;
  currency: string;
  onClose: () => void;
  onSaved: (row: TradeRow) => void;
}) {
  const fmt = useFormat();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  // Once per opening: focus moves into the panel, and back to where it was when it closes.
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, []);
  const pnlClass = trade.netPnlCents > 0 ? 'win' : trade.netPnlCents < 0 ? 'loss' : '';
  return (
    <>
      <div className="panel-backdrop" onClick={onClose} />
      <aside className="side-panel" role="dialog" aria-modal="true" aria-labelledby="trade-detail-title">
        <div className="page-header">
          <h2 id="trade-detail-title">
            {trade.symbol} {trade.direction === 'long' ? 'long' : 'short'} · #{trade.id}
          </h2>
          <button type="button" ref={closeRef} onClick={onClose}>
            Close
          </button>
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
          <dd>{trade.status === 'open' ? 'Open' : trade.status === 'needs_rate' ? 'Closed, needs a rate' : 'Closed'}</dd>
          <dt>Opened</dt>
          <dd>{fmt.dateTime(trade.openedAt)}</dd>
          <dt>Closed</dt>
          <dd>{fmt.dateTime(trade.closedAt)}</dd>
          <dt>Trading day</dt>
          <dd>{fmt.day(trade.closeDay)}</dd>
          <dt>Quantity</dt>
          <dd>{fmt.number(trade.qty)}</dd>
          <dt>Entry price</dt>
          <dd>{fmt.number(trade.entryPrice)}</dd>
          <dt>Exit price</dt>
          <dd>{fmt.number(trade.exitPrice)}</dd>
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
          <dd>{trade.status === 'needs_rate' ? '—' : fmt.money(trade.grossPnlCents, currency)}</dd>
          <dt>Fees</dt>
          <dd>{fmt.plainMoney(trade.feesCents, currency)}</dd>
          <dt>Net P&amp;L</dt>
          <dd className={pnlClass}>{trade.status !== 'closed' ? '—' : fmt.money(trade.netPnlCents, currency)}</dd>
          <dt>R multiple</dt>
          <dd>{fmt.number(trade.rMultiple, 2)}</dd>
          <dt>Tags</dt>
          <dd>{trade.tags.length ? trade.tags.join(', ') : 'None'}</dd>
        </dl>
        <h3>Notes</h3>
        <p className="notes">{trade.notes || <span className="muted">No notes.</span>}</p>
          </>
        )}
      </aside>
    </>
  );
}
