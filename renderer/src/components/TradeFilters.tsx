import { useId, type ReactNode } from 'react';
import { useTradesStore } from '../store/trades-store';
import type { Direction, TradeStatus } from '../../../shared/domain/enums';
import { LookupOptions } from './LookupOptions';

function idList(value: string): number[] | undefined {
  return value === '' ? undefined : [Number(value)];
}

/** A label beside (not around) its control, so the control's name is just the label text. */
function Filter({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export function TradeFilters() {
  const id = useId();
  const filter = useTradesStore((s) => s.filter);
  const setFilter = useTradesStore((s) => s.setFilter);
  const clearFilter = useTradesStore((s) => s.clearFilter);

  return (
    <form className="filters" aria-label="Trade filters" onSubmit={(e) => e.preventDefault()}>
      <Filter id={`${id}-from`} label="From">
        <input id={`${id}-from`} type="date" value={filter.dateFrom ?? ''} max={filter.dateTo} onChange={(e) => void setFilter({ dateFrom: e.target.value || undefined })} />
      </Filter>
      <Filter id={`${id}-to`} label="To">
        <input id={`${id}-to`} type="date" value={filter.dateTo ?? ''} min={filter.dateFrom} onChange={(e) => void setFilter({ dateTo: e.target.value || undefined })} />
      </Filter>
      <Filter id={`${id}-account`} label="Account">
        <select id={`${id}-account`} value={filter.accountIds?.[0] ?? ''} onChange={(e) => void setFilter({ accountIds: idList(e.target.value) })}>
          <option value="">All accounts</option>
          <LookupOptions of="accounts" />
        </select>
      </Filter>
      <Filter id={`${id}-instrument`} label="Instrument">
        <select id={`${id}-instrument`} value={filter.instrumentIds?.[0] ?? ''} onChange={(e) => void setFilter({ instrumentIds: idList(e.target.value) })}>
          <option value="">All instruments</option>
          <LookupOptions of="instruments" />
        </select>
      </Filter>
      <Filter id={`${id}-direction`} label="Direction">
        <select id={`${id}-direction`} value={filter.direction ?? ''} onChange={(e) => void setFilter({ direction: (e.target.value || undefined) as Direction | undefined })}>
          <option value="">Long and short</option>
          <option value="long">Long</option>
          <option value="short">Short</option>
        </select>
      </Filter>
      <Filter id={`${id}-status`} label="Status">
        <select id={`${id}-status`} value={filter.status ?? ''} onChange={(e) => void setFilter({ status: (e.target.value || undefined) as TradeStatus | undefined })}>
          <option value="">Open and closed</option>
          <option value="closed">Closed</option>
          <option value="open">Open</option>
        </select>
      </Filter>
      <Filter id={`${id}-tag`} label="Tag">
        <select id={`${id}-tag`} value={filter.tagIds?.[0] ?? ''} onChange={(e) => void setFilter({ tagIds: idList(e.target.value) })}>
          <option value="">Any tag</option>
          <LookupOptions of="tags" />
        </select>
      </Filter>
      <button type="button" onClick={() => void clearFilter()}>
        Clear filters
      </button>
    </form>
  );
}
