import { useEffect, useRef } from 'react';
import type { TradeRow } from '../../../shared/domain/trade';
import { useFormat } from '../hooks/use-format';

/** The side panel for one trade. Escape or the close button returns focus to the table. */
export function TradeDetail({ trade, currency, onClose }: { trade: TradeRow; currency: string; onClose: () => void }) {
  const fmt = useFormat();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);
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
        <dl className="facts">
          <dt>Account</dt>
          <dd>{trade.accountName}</dd>
          <dt>Status</dt>
          <dd>{trade.status === 'open' ? 'Open' : 'Closed'}</dd>
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
          <dt>Gross P&amp;L</dt>
          <dd>{fmt.money(trade.grossPnlCents, currency)}</dd>
          <dt>Fees</dt>
          <dd>{fmt.plainMoney(trade.feesCents, currency)}</dd>
          <dt>Net P&amp;L</dt>
          <dd className={pnlClass}>{trade.status === 'open' ? '—' : fmt.money(trade.netPnlCents, currency)}</dd>
          <dt>R multiple</dt>
          <dd>{fmt.number(trade.rMultiple, 2)}</dd>
          <dt>Tags</dt>
          <dd>{trade.tags.length ? trade.tags.join(', ') : 'None'}</dd>
        </dl>
        <h3>Notes</h3>
        <p className="notes">{trade.notes || <span className="muted">No notes.</span>}</p>
      </aside>
    </>
  );
}
