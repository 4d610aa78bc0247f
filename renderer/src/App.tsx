import { useEffect, useState } from 'react';
import { FirstRun } from './components/FirstRun';
import { TradesPage } from './pages/TradesPage';
import { useAppStore } from './store/app-store';
import { useLookupsStore } from './store/lookups-store';
import { useTradesStore } from './store/trades-store';
import { subscribe } from './api';

type Page = 'trades';
const PAGES: { id: Page; label: string }[] = [{ id: 'trades', label: 'Trades' }];

export function App() {
  const info = useAppStore((s) => s.info);
  const loadInfo = useAppStore((s) => s.load);
  const appError = useAppStore((s) => s.error);
  const loadLookups = useLookupsStore((s) => s.load);
  const reloadTrades = useTradesStore((s) => s.reload);
  const [page, setPage] = useState<Page>('trades');

  useEffect(() => {
    void loadInfo();
    void loadLookups();
    return subscribe('journal:changed', () => {
      void loadInfo();
      void loadLookups();
      void reloadTrades();
    });
  }, [loadInfo, loadLookups, reloadTrades]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">Spark Journal</span>
        <nav aria-label="Main">
          <ul>
            {PAGES.map((p) => (
              <li key={p.id}>
                <button type="button" aria-current={page === p.id ? 'page' : undefined} onClick={() => setPage(p.id)}>
                  {p.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {!info && !appError && <p role="status">Opening your journal…</p>}
        {appError && !info && (
          <p role="alert" className="error">
            {appError}
          </p>
        )}
        {info?.isEmpty && <FirstRun onLoaded={() => void loadLookups()} />}
        {info && !info.isEmpty && page === 'trades' && <TradesPage />}
      </main>
    </div>
  );
}
