import { useMemo } from 'react';
import type { TradeSortKey } from '../../../shared/domain/trade';
import { useLookupsStore } from '../store/lookups-store';
import { PAGE_SIZE, useTradesStore } from '../store/trades-store';
import { formatCount, formatDateTime, formatMoney, formatNumber } from '../format';

const SORTABLE: { key: TradeSortKey; label: string }[] = [
  { key: 'closedAt', label: 'Closed' },
  { key: 'symbol', label: 'Symbol' },
  { key: 'qty', label: 'Qty' },
  { key: 'netPnl', label: 'Net P&L' },
];

function SortHeader({ sortKey, label }: { sortKey: TradeSortKey; label: string }) {
  const sort = useTradesStore((s) => s.sort);
  const setSort = useTradesStore((s) => s.setSort);
  const active = sort.key === sortKey;
  const next = active && sort.dir === 'desc' ? 'asc' : 'desc';
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => void setSort({ key: sortKey, dir: next })}>
        {label}
        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

export function TradesTable() {
  const { rows, total, offset, loading, error, goTo } = useTradesStore();
  const accounts = useLookupsStore((s) => s.accounts);
  const currencyOf = useMemo(() => new Map(accounts.map((a) => [a.id, a.currency])), [accounts]);
  const label = (key: TradeSortKey) => SORTABLE.find((s) => s.key === key)?.label ?? key;
  const last = Math.min(offset + rows.length, total);

  return (
    <div className="trades-table">
      <div className="table-status" role="status" aria-live="polite">
        {loading ? 'Loading trades…' : total === 0 ? 'No trades match these filters.' : `Showing ${formatCount(offset + 1)}–${formatCount(last)} of ${formatCount(total)} trades`}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="table-scroll" tabIndex={0} aria-label="Trades">
        <table>
          <thead>
            <tr>
              <SortHeader sortKey="closedAt" label={label('closedAt')} />
              <th scope="col">Account</th>
              <SortHeader sortKey="symbol" label={label('symbol')} />
              <th scope="col">Side</th>
              <th scope="col">Status</th>
              <SortHeader sortKey="qty" label={label('qty')} />
              <th scope="col" className="num">Entry</th>
              <th scope="col" className="num">Exit</th>
              <th scope="col" className="num">Fees</th>
              <SortHeader sortKey="netPnl" label={label('netPnl')} />
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => {
              const currency = currencyOf.get(t.accountId) ?? 'USD';
              return (
                <tr key={t.id} data-trade-id={t.id}>
                  <td>{formatDateTime(t.closedAt ?? t.openedAt)}</td>
                  <td>{t.accountName}</td>
                  <td className="symbol">{t.symbol}</td>
                  <td className={`side ${t.direction}`}>{t.direction === 'long' ? 'Long' : 'Short'}</td>
                  <td>{t.status === 'open' ? 'Open' : 'Closed'}</td>
                  <td className="num">{formatNumber(t.qty)}</td>
                  <td className="num">{formatNumber(t.entryPrice)}</td>
                  <td className="num">{formatNumber(t.exitPrice)}</td>
                  <td className="num">{formatMoney(t.feesCents, currency)}</td>
                  <td className={`num pnl ${t.netPnlCents > 0 ? 'win' : t.netPnlCents < 0 ? 'loss' : ''}`}>
                    {t.status === 'open' ? '—' : formatMoney(t.netPnlCents, currency)}
                  </td>
                  <td>{t.tags.join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Trade pages">
        <button type="button" disabled={offset === 0 || loading} onClick={() => void goTo(0)}>
          First
        </button>
        <button type="button" disabled={offset === 0 || loading} onClick={() => void goTo(offset - PAGE_SIZE)}>
          Previous page
        </button>
        <span>
          Page {formatCount(Math.floor(offset / PAGE_SIZE) + 1)} of {formatCount(Math.max(1, Math.ceil(total / PAGE_SIZE)))}
        </span>
        <button type="button" disabled={last >= total || loading} onClick={() => void goTo(offset + PAGE_SIZE)}>
          Next page
        </button>
      </nav>
    </div>
  );
}
