import { useEffect } from 'react';
import { TradeFilters } from '../components/TradeFilters';
import { TradesTable } from '../components/TradesTable';
import { useTradesStore } from '../store/trades-store';

export function TradesPage() {
  const reload = useTradesStore((s) => s.reload);
  useEffect(() => {
    void reload();
  }, [reload]);
  return (
    <section aria-labelledby="trades-title" className="page">
      <h1 id="trades-title">Trades</h1>
      <TradeFilters />
      <TradesTable />
    </section>
  );
}
