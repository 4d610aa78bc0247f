import { useId } from 'react';
import { useLookupsStore } from '../store/lookups-store';
import { useTradesStore } from '../store/trades-store';
import type { Direction, TradeStatus } from '../../../shared/domain/enums';

function idList(value: string): number[] | undefined {
  return value === '' ? undefined : [Number(value)];
}

export function TradeFilters() {
  const id = useId();
  const filter = useTradesStore((s) => s.filter);
  const setFilter = useTradesStore((s) => s.setFilter);
  const clearFilter = useTradesStore((s) => s.clearFilter);
  const { accounts, instruments, tags } = useLookupsStore();

  return (
    <form className="filters" aria-label="Trade filters" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={`${id}-from`}>
        From
        <input
          id={`${id}-from`}
          type="date"
          value={filter.dateFrom ?? ''}
          onChange={(e) => void setFilter({ dateFrom: e.target.value || undefined })}
        />
      </label>
      <label htmlFor={`${id}-to`}>
        To
        <input
          id={`${id}-to`}
          type="date"
          value={filter.dateTo ?? ''}
          onChange={(e) => void setFilter({ dateTo: e.target.value || undefined })}
        />
      </label>
      <label htmlFor={`${id}-account`}>
        Account
        <select
          id={`${id}-account`}
          value={filter.accountIds?.[0] ?? ''}
          onChange={(e) => void setFilter({ accountIds: idList(e.target.value) })}
        >
          <option value="">All accounts</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-instrument`}>
        Instrument
        <select
          id={`${id}-instrument`}
          value={filter.instrumentIds?.[0] ?? ''}
          onChange={(e) => void setFilter({ instrumentIds: idList(e.target.value) })}
        >
          <option value="">All instruments</option>
          {instruments.map((i) => (
            <option key={i.id} value={i.id}>
              {i.symbol}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-direction`}>
        Direction
        <select
          id={`${id}-direction`}
          value={filter.direction ?? ''}
          onChange={(e) => void setFilter({ direction: (e.target.value || undefined) as Direction | undefined })}
        >
          <option value="">Long and short</option>
          <option value="long">Long</option>
          <option value="short">Short</option>
        </select>
      </label>
      <label htmlFor={`${id}-status`}>
        Status
        <select
          id={`${id}-status`}
          value={filter.status ?? ''}
          onChange={(e) => void setFilter({ status: (e.target.value || undefined) as TradeStatus | undefined })}
        >
          <option value="">Open and closed</option>
          <option value="closed">Closed</option>
          <option value="open">Open</option>
        </select>
      </label>
      <label htmlFor={`${id}-tag`}>
        Tag
        <select
          id={`${id}-tag`}
          value={filter.tagIds?.[0] ?? ''}
          onChange={(e) => void setFilter({ tagIds: idList(e.target.value) })}
        >
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void clearFilter()}>
        Clear filters
      </button>
    </form>
  );
}
