import { useEffect } from 'react';
import { TradeFilters } from '../components/TradeFilters';
import { TradesTable } from '../components/TradesTable';
import { ColumnChooser } from '../components/ColumnChooser';
import { TradeDetail } from '../components/TradeDetail';
import { PageHeader } from '../components/PageHeader';
import { useTradesStore } from '../store/trades-store';
import { useLookupsStore } from '../store/lookups-store';

export function TradesPage() {
  const reload = useTradesStore((s) => s.reload);
  const selected = useTradesStore((s) => s.selected);
  const select = useTradesStore((s) => s.select);
  const replaceRow = useTradesStore((s) => s.replaceRow);
  const accounts = useLookupsStore((s) => s.accounts);
  useEffect(() => {
    void reload();
  }, [reload]);
  const currency = accounts.find((a) => a.id === selected?.accountId)?.currency ?? 'USD';
  return (
    <section aria-labelledby="trades-title" className="page page-wide">
      <PageHeader id="trades-title" title="Trades">
        <ColumnChooser />
      </PageHeader>
      <TradeFilters />
      <TradesTable />
      {selected && <TradeDetail key={selected.id} trade={selected} currency={currency} onClose={() => select(null)} onSaved={replaceRow} />}
    </section>
  );
}
