import type { ReactNode } from 'react';
import type { TradeRow, TradeSortKey } from '../../../shared/domain/trade';
import type { Formatters } from '../format';

export interface TradeColumn {
  id: string;
  label: string;
  /** CSS grid track width. */
  width: string;
  numeric?: boolean;
  sortKey?: TradeSortKey;
  render(row: TradeRow, fmt: Formatters, currency: string): ReactNode;
  className?(row: TradeRow): string;
}

const STATUS_LABELS: Record<TradeRow['status'], string> = { open: 'Open', closed: 'Closed', needs_rate: 'Needs a rate' };
const unbooked = (t: TradeRow) => t.status !== 'closed';
const pnlClass = (cents: number) => (cents > 0 ? 'pnl win' : cents < 0 ? 'pnl loss' : 'pnl');

export const TRADE_COLUMNS: readonly TradeColumn[] = [
  { id: 'closedAt', label: 'Closed', width: '190px', sortKey: 'closedAt', render: (t, f) => f.dateTime(t.closedAt ?? t.openedAt) },
  { id: 'openedAt', label: 'Opened', width: '190px', sortKey: 'openedAt', render: (t, f) => f.dateTime(t.openedAt) },
  { id: 'account', label: 'Account', width: '180px', render: (t) => t.accountName },
  { id: 'symbol', label: 'Symbol', width: '100px', sortKey: 'symbol', render: (t) => t.symbol, className: () => 'symbol' },
  { id: 'side', label: 'Side', width: '70px', render: (t) => (t.direction === 'long' ? 'Long' : 'Short'), className: (t) => `side ${t.direction}` },
  { id: 'status', label: 'Status', width: '80px', render: (t) => STATUS_LABELS[t.status] },
  { id: 'qty', label: 'Qty', width: '90px', numeric: true, sortKey: 'qty', render: (t, f) => f.number(t.qty) },
  { id: 'entry', label: 'Entry', width: '110px', numeric: true, render: (t, f) => f.number(t.entryPrice) },
  { id: 'exit', label: 'Exit', width: '110px', numeric: true, render: (t, f) => f.number(t.exitPrice) },
  { id: 'gross', label: 'Gross P&L', width: '120px', numeric: true, render: (t, f, c) => (unbooked(t) ? '—' : f.money(t.grossPnlCents, c)) },
  { id: 'fees', label: 'Fees', width: '100px', numeric: true, render: (t, f, c) => f.plainMoney(t.feesCents, c) },
  {
    id: 'net',
    label: 'Net P&L',
    width: '120px',
    numeric: true,
    sortKey: 'netPnl',
    // A trade waiting for a rate has no account-currency P&L yet: it shows none.
    render: (t, f, c) => (t.status === 'open' ? '—' : t.status === 'needs_rate' ? 'needs a rate' : f.money(t.netPnlCents, c)),
    className: (t) => (unbooked(t) ? '' : pnlClass(t.netPnlCents)),
  },
  { id: 'r', label: 'R', width: '70px', numeric: true, render: (t, f) => f.number(t.rMultiple, 2) },
  { id: 'tags', label: 'Tags', width: '200px', render: (t) => t.tags.join(', ') },
  { id: 'notes', label: 'Notes', width: 'minmax(200px, 1fr)', render: (t) => t.notes },
];

export const DEFAULT_TRADE_COLUMNS = ['closedAt', 'account', 'symbol', 'side', 'status', 'qty', 'entry', 'exit', 'fees', 'net', 'tags'];
