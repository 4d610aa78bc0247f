import { useEffect, useMemo } from 'react';
import { TradeFilters } from '../components/TradeFilters';
import { TradesTable } from '../components/TradesTable';
import { ColumnChooser } from '../components/ColumnChooser';
import { TradeDetail } from '../components/TradeDetail';
import { PageHeader } from '../components/PageHeader';
import { useTradesStore } from '../store/trades-store';
import { useLookupsStore } from '../store/lookups-store';

export function TradesPage() {
  const reload = useTradesStore((s) => s.reload);
  const selectedId = useTradesStore((s) => s.selectedId);
  const pages = useTradesStore((s) => s.pages);
  const select = useTradesStore((s) => s.select);
  const accounts = useLookupsStore((s) => s.accounts);
  useEffect(() => {
    void reload();
  }, [reload]);
  const selected = useMemo(() => {
    if (selectedId === null) return null;
    for (const rows of pages.values()) {
      const found = rows.find((r) => r.id === selectedId);
      if (found) return found;
    }
    return null;
  }, [pages, selectedId]);
  const currency = accounts.find((a) => a.id === selected?.accountId)?.currency ?? 'USD';
  return (
    <section aria-labelledby="trades-title" className="page page-wide">
      <PageHeader id="trades-title" title="Trades">
        <ColumnChooser />
      </PageHeader>
      <TradeFilters />
      <TradesTable />
      {selected && <TradeDetail trade={selected} currency={currency} onClose={() => select(null)} />}
    </section>
  );
}
