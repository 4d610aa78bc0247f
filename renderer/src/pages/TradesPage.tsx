import { useEffect, useState } from 'react';
import { NewTradeForm } from '../components/NewTradeForm';
import { TradeFilters } from '../components/TradeFilters';
import { TradesTable } from '../components/TradesTable';
import { ColumnChooser } from '../components/ColumnChooser';
import { TradeDetail } from '../components/TradeDetail';
import { PageHeader } from '../components/PageHeader';
import { TradesSummaryBar } from '../components/trades/TradesSummaryBar';
import { useTradesStore } from '../store/trades-store';
import { useLookupsStore } from '../store/lookups-store';
import { useExportsStore } from '../store/exports-store';
import { useAppStore } from '../store/app-store';
import type { ExportFormState } from '../components/exports/export-form-state';
import type { TradeFilter, TradeSort } from '../../../shared/domain/trade';

/** The Trades filter and order as export form values (the form takes one account, instrument and tag). */
function exportValues(filter: TradeFilter, sort: TradeSort): Partial<ExportFormState> {
  const first = (ids: number[] | undefined) => (ids?.length ? String(ids[0]) : '');
  const sortKey: ExportFormState['sortKey'] = sort.key === 'qty' ? 'closedAt' : sort.key;
  return {
    type: 'trades',
    dateFrom: filter.dateFrom ?? '',
    dateTo: filter.dateTo ?? '',
    accountId: first(filter.accountIds),
    instrumentId: first(filter.instrumentIds),
    tagId: first(filter.tagIds),
    direction: filter.direction ?? '',
    status: filter.status ?? '',
    sortKey,
    sortDir: sort.dir,
    // The whole filter, so the file holds exactly the trades on screen.
    tradesFilter: filter,
  };
}

export function TradesPage() {
  const reload = useTradesStore((s) => s.reload);
  const selected = useTradesStore((s) => s.selected);
  const select = useTradesStore((s) => s.select);
  const step = useTradesStore((s) => s.step);
  const selectedIndex = useTradesStore((s) => s.selectedIndex);
  const replaceRow = useTradesStore((s) => s.replaceRow);
  const accounts = useLookupsStore((s) => s.accounts);
  const filter = useTradesStore((s) => s.filter);
  const sort = useTradesStore((s) => s.sort);
  const total = useTradesStore((s) => s.total);
  const handOff = useExportsStore((s) => s.handOff);
  const navigate = useAppStore((s) => s.navigate);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    void reload();
  }, [reload]);
  const currency = accounts.find((a) => a.id === selected?.accountId)?.currency ?? 'USD';
  return (
    <section aria-labelledby="trades-title" className="page page-wide page-trades">
      <PageHeader id="trades-title" title="Trades">
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add trade…
        </button>
        <button
          type="button"
          disabled={total === 0}
          onClick={() => {
            handOff(exportValues(filter, sort));
            navigate('exports');
          }}
        >
          Export these trades…
        </button>
        <ColumnChooser />
      </PageHeader>
      <TradeFilters />
      <TradesSummaryBar />
      <TradesTable />
      {adding && (
        <NewTradeForm
          onClose={() => setAdding(false)}
          onCreated={(row) => {
            setAdding(false);
            select(row);
          }}
        />
      )}
      {selected && (
        <TradeDetail
          key={selected.id}
          trade={selected}
          currency={currency}
          onClose={() => select(null)}
          onSaved={replaceRow}
          position={{ index: selectedIndex, total }}
          onStep={(delta) => void step(delta)}
        />
      )}
    </section>
  );
}
