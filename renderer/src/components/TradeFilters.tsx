import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTradesStore } from '../store/trades-store';
import { useLookupsStore } from '../store/lookups-store';
import type { Direction, TradeStatus } from '../../../shared/domain/enums';
import type { TradeFilter } from '../../../shared/domain/trade';
import { instrumentRoot } from '../../../shared/domain/instrument-root';
import { MultiSelect, type MultiOption } from './trades/MultiSelect';
import { useFormat } from '../hooks/use-format';
import { SavedViews } from './trades/SavedViews';

/** A label beside (not around) its control, so the control's name is just the label text. */
function Filter({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** Typing settles for this long before the filter is applied (one request, not one per key). */
const SETTLE_MS = 350;

/** A text or number input whose value is applied once typing settles, and shown as the filter holds it otherwise. */
function SettledInput({
  id,
  value,
  apply,
  ...rest
}: { id: string; value: string; apply(value: string): void } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => apply(draft), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, apply]);
  return <input id={id} value={draft} onChange={(e) => setDraft(e.target.value)} {...rest} />;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Monday..Sunday written the locale's way (2024-01-01 was a Monday). */
function weekdayNames(locale: string | undefined): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return WEEKDAYS.map((d) => format.format(new Date(Date.UTC(2024, 0, d))));
}

const toCents = (text: string): number | undefined => {
  const n = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) ? undefined : Math.round(n * 100);
};
const fromCents = (cents: number | undefined) => (cents === undefined ? '' : String(cents / 100));
const toWhole = (text: string): number | undefined => {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) || n < 0 ? undefined : Math.round(n);
};

/** How many of the extra filters (under "More filters") are set. */
function extraCount(f: TradeFilter): number {
  return [
    f.netMinCents !== undefined || f.netMaxCents !== undefined,
    f.hourFrom !== undefined || f.hourTo !== undefined,
    (f.weekdays?.length ?? 0) > 0,
    f.holdMinMinutes !== undefined || f.holdMaxMinutes !== undefined,
  ].filter(Boolean).length;
}

export function TradeFilters() {
  const id = useId();
  const filter = useTradesStore((s) => s.filter);
  const setFilter = useTradesStore((s) => s.setFilter);
  const clearFilter = useTradesStore((s) => s.clearFilter);
  const accounts = useLookupsStore((s) => s.accounts);
  const instruments = useLookupsStore((s) => s.instruments);
  const tags = useLookupsStore((s) => s.tags);
  const setups = useLookupsStore((s) => s.setups);
  const fmt = useFormat();
  const days = useMemo(() => weekdayNames(fmt.locale), [fmt.locale]);

  // Contracts grouped under their product: ticking ES picks every ES contract.
  const instrumentOptions = useMemo((): MultiOption<number>[] => {
    const roots = new Map<string, MultiOption<number>[]>();
    for (const i of instruments) {
      const root = instrumentRoot(i.symbol, i.assetClass);
      roots.set(root, [...(roots.get(root) ?? []), { value: i.id, label: i.symbol }]);
    }
    return [...roots.entries()].map(([root, contracts], index) =>
      contracts.length === 1 && contracts[0]!.label === root ? contracts[0]! : { value: -(index + 1), label: `${root} (all)`, children: contracts },
    );
  }, [instruments]);

  const extras = extraCount(filter);
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

  return (
    <form className="filters" aria-label="Trade filters" onSubmit={(e) => e.preventDefault()}>
      <Filter id={`${id}-from`} label="From">
        <input id={`${id}-from`} type="date" value={filter.dateFrom ?? ''} max={filter.dateTo} onChange={(e) => void setFilter({ dateFrom: e.target.value || undefined })} />
      </Filter>
      <Filter id={`${id}-to`} label="To">
        <input id={`${id}-to`} type="date" value={filter.dateTo ?? ''} min={filter.dateFrom} onChange={(e) => void setFilter({ dateTo: e.target.value || undefined })} />
      </Filter>
      <MultiSelect
        label="Accounts"
        allLabel="All accounts"
        options={accounts.map((a) => ({ value: a.id, label: a.name }))}
        selected={filter.accountIds ?? []}
        onChange={(ids) => void setFilter({ accountIds: ids })}
      />
      <MultiSelect
        label="Instruments"
        allLabel="All instruments"
        options={instrumentOptions}
        selected={filter.instrumentIds ?? []}
        onChange={(ids) => void setFilter({ instrumentIds: ids.filter((v) => v > 0) })}
      />
      <MultiSelect label="Tags" allLabel="Any tag" options={tags.map((t) => ({ value: t.id, label: t.name }))} selected={filter.tagIds ?? []} onChange={(ids) => void setFilter({ tagIds: ids })} />
      <MultiSelect label="Setups" allLabel="Any setup" options={setups.map((s) => ({ value: s, label: s }))} selected={filter.setups ?? []} onChange={(names) => void setFilter({ setups: names })} />
      <Filter id={`${id}-symbol`} label="Symbol">
        <SettledInput
          id={`${id}-symbol`}
          type="search"
          className="symbol-search"
          placeholder="Search"
          maxLength={40}
          value={filter.symbol ?? ''}
          apply={(text) => void setFilter({ symbol: text.trim() || undefined })}
        />
      </Filter>
      <Filter id={`${id}-direction`} label="Side">
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
      <div className="filter">
        <span className="filter-label" aria-hidden="true">
          More
        </span>
        <details className="popover">
          <summary>{extras > 0 ? `More filters (${extras})` : 'More filters'}</summary>
          <div className="popover-body left more-filters">
            <fieldset className="range">
              <legend>Net P&amp;L (account currency)</legend>
              <Filter id={`${id}-net-min`} label="At least">
                <SettledInput id={`${id}-net-min`} type="number" step="0.01" inputMode="decimal" value={fromCents(filter.netMinCents)} apply={(t) => void setFilter({ netMinCents: toCents(t) })} />
              </Filter>
              <Filter id={`${id}-net-max`} label="At most">
                <SettledInput id={`${id}-net-max`} type="number" step="0.01" inputMode="decimal" value={fromCents(filter.netMaxCents)} apply={(t) => void setFilter({ netMaxCents: toCents(t) })} />
              </Filter>
            </fieldset>
            <fieldset className="range">
              <legend>Time of day (opened, account time)</legend>
              <Filter id={`${id}-hour-from`} label="Opened from">
                <select id={`${id}-hour-from`} value={filter.hourFrom ?? ''} onChange={(e) => void setFilter({ hourFrom: e.target.value === '' ? undefined : Number(e.target.value) })}>
                  <option value="">Any time</option>
                  {hours.map((h) => (
                    <option key={h} value={h}>
                      {hourLabel(h)}
                    </option>
                  ))}
                </select>
              </Filter>
              <Filter id={`${id}-hour-to`} label="Opened until the end of">
                <select id={`${id}-hour-to`} value={filter.hourTo ?? ''} onChange={(e) => void setFilter({ hourTo: e.target.value === '' ? undefined : Number(e.target.value) })}>
                  <option value="">Any time</option>
                  {hours.map((h) => (
                    <option key={h} value={h}>
                      {`${String(h).padStart(2, '0')}:59`}
                    </option>
                  ))}
                </select>
              </Filter>
            </fieldset>
            <fieldset className="weekdays">
              <legend>Weekday (trading day)</legend>
              {WEEKDAYS.map((d, i) => (
                <label key={d} className="check">
                  <input
                    type="checkbox"
                    checked={filter.weekdays?.includes(d) ?? false}
                    onChange={(e) => {
                      const next = new Set(filter.weekdays ?? []);
                      if (e.target.checked) next.add(d);
                      else next.delete(d);
                      void setFilter({ weekdays: [...next].sort() });
                    }}
                  />
                  {days[i]}
                </label>
              ))}
            </fieldset>
            <fieldset className="range">
              <legend>Holding time (minutes)</legend>
              <Filter id={`${id}-hold-min`} label="At least">
                <SettledInput id={`${id}-hold-min`} type="number" min={0} step={1} value={filter.holdMinMinutes === undefined ? '' : String(filter.holdMinMinutes)} apply={(t) => void setFilter({ holdMinMinutes: toWhole(t) })} />
              </Filter>
              <Filter id={`${id}-hold-max`} label="At most">
                <SettledInput id={`${id}-hold-max`} type="number" min={0} step={1} value={filter.holdMaxMinutes === undefined ? '' : String(filter.holdMaxMinutes)} apply={(t) => void setFilter({ holdMaxMinutes: toWhole(t) })} />
              </Filter>
            </fieldset>
          </div>
        </details>
      </div>
      <button type="button" onClick={() => void clearFilter()}>
        Clear filters
      </button>
      <SavedViews />
    </form>
  );
}
