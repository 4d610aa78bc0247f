import type { ReactNode } from 'react';
import type { TradeRow, TradeSortKey } from '../../../shared/domain/trade';
import type { Formatters } from '../format';

export interface TradeColumn {
  id: string;
  label: string;
  /** Default width in px (the user may drag it wider or narrower). */
  width: number;
  /** Takes the row's spare width (the last, text-heavy column). */
  grow?: boolean;
  numeric?: boolean;
  sortKey?: TradeSortKey;
  /** `priceDigits`: decimals of the instrument's tick size, when known. */
  render(row: TradeRow, fmt: Formatters, currency: string, priceDigits?: number): ReactNode;
  className?(row: TradeRow): string;
}

const STATUS_LABELS: Record<TradeRow['status'], string> = { open: 'Open', closed: 'Closed', needs_rate: 'Needs a rate' };
const unbooked = (t: TradeRow) => t.status !== 'closed';
const pnlClass = (cents: number) => (cents > 0 ? 'pnl win' : cents < 0 ? 'pnl loss' : 'pnl');

export const TRADE_COLUMNS: readonly TradeColumn[] = [
  // An open trade has not closed: its Closed cell stays empty (its open time is under Opened).
  { id: 'closedAt', label: 'Closed', width: 194, sortKey: 'closedAt', render: (t, f) => (t.closedAt === null ? '' : f.shortDateTime(t.closedAt)) },
  { id: 'openedAt', label: 'Opened', width: 194, sortKey: 'openedAt', render: (t, f) => f.shortDateTime(t.openedAt) },
  { id: 'account', label: 'Account', width: 124, render: (t) => t.accountName },
  { id: 'symbol', label: 'Symbol', width: 96, sortKey: 'symbol', render: (t) => t.symbol, className: () => 'symbol' },
  { id: 'side', label: 'Side', width: 60, render: (t) => (t.direction === 'long' ? 'Long' : 'Short'), className: (t) => `side ${t.direction}` },
  { id: 'status', label: 'Status', width: 70, render: (t) => STATUS_LABELS[t.status] },
  { id: 'qty', label: 'Qty', width: 64, numeric: true, sortKey: 'qty', render: (t, f) => f.number(t.qty) },
  { id: 'entry', label: 'Entry', width: 92, numeric: true, render: (t, f, _c, d) => f.price(t.entryPrice, d) },
  { id: 'exit', label: 'Exit', width: 92, numeric: true, render: (t, f, _c, d) => (t.status === 'open' ? 'open' : f.price(t.exitPrice, d)), className: (t) => (t.status === 'open' ? 'muted' : '') },
  { id: 'gross', label: 'Gross P&L', width: 110, numeric: true, render: (t, f, c) => (unbooked(t) ? '—' : f.money(t.grossPnlCents, c)) },
  { id: 'fees', label: 'Fees', width: 84, numeric: true, render: (t, f, c) => f.plainMoney(t.feesCents, c) },
  {
    id: 'net',
    label: 'Net P&L',
    width: 112,
    numeric: true,
    sortKey: 'netPnl',
    // A trade waiting for a rate has no account-currency P&L yet: it shows none.
    render: (t, f, c) => (t.status === 'open' ? '—' : t.status === 'needs_rate' ? 'needs a rate' : f.money(t.netPnlCents, c)),
    className: (t) => (unbooked(t) ? '' : pnlClass(t.netPnlCents)),
  },
  { id: 'r', label: 'R', width: 80, numeric: true, render: (t, f) => f.r(t.rMultiple) },
  { id: 'tags', label: 'Tags', width: 100, grow: true, render: (t) => t.tags.join(', ') },
  { id: 'notes', label: 'Notes', width: 200, grow: true, render: (t) => t.notes },
];

/**
 * What a trader reads first, fitting a 1280 px window beside the sidebar (about 1,030 px):
 * the rest are one tick away in the column chooser.
 */
export const DEFAULT_TRADE_COLUMNS = ['closedAt', 'account', 'symbol', 'side', 'qty', 'entry', 'exit', 'net', 'r', 'tags'];

export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 600;

/** The grid track of a column: its width, or at least it and the row's spare room when it grows. */
export function columnTrack(column: TradeColumn, width: number | undefined): string {
  const px = `${Math.round(width ?? column.width)}px`;
  return column.grow ? `minmax(${px}, 1fr)` : px;
}
