import { useEffect } from 'react';
import { FirstRun } from './components/FirstRun';
import { OverviewPage } from './pages/OverviewPage';
import { TradesPage } from './pages/TradesPage';
import { JournalPage } from './pages/JournalPage';
import { ImportPage } from './pages/ImportPage';
import { ExportsPage } from './pages/ExportsPage';
import { PerformancePage } from './pages/PerformancePage';
import { SettingsPage } from './pages/SettingsPage';
import { useAppStore } from './store/app-store';
import { useLookupsStore } from './store/lookups-store';
import { useTradesStore } from './store/trades-store';
import { useSettingsStore } from './store/settings-store';
import { useExportsStore } from './store/exports-store';
import { useEquityStore } from './store/equity-store';
import { useOverviewStore } from './store/overview-store';
import { subscribe } from './api';
import { PAGES, pageForScreen, type Page } from './navigation';
import { useApplyTheme } from './hooks/use-apply-theme';
import { useDailyNoteStore } from './store/daily-note-store';
import { DailyNotePanel } from './components/review/DailyNotePanel';
import { useFormat } from './hooks/use-format';

/** Pages that only make sense with trades in the journal; an empty journal shows the welcome there. */
const NEEDS_TRADES: ReadonlySet<Page> = new Set(['overview', 'trades']);

function CurrentPage({ page }: { page: Page }) {
  switch (page) {
    case 'overview':
      return <OverviewPage />;
    case 'trades':
      return <TradesPage />;
    case 'journal':
      return <JournalPage />;
    case 'import':
      return <ImportPage />;
    case 'exports':
      return <ExportsPage />;
    case 'performance':
      return <PerformancePage />;
    case 'settings':
      return <SettingsPage />;
  }
}

export function App() {
  const info = useAppStore((s) => s.info);
  const loadInfo = useAppStore((s) => s.load);
  const appError = useAppStore((s) => s.error);
  const page = useAppStore((s) => s.page);
  const navigate = useAppStore((s) => s.navigate);
  const loadLookups = useLookupsStore((s) => s.load);
  const refreshTrades = useTradesStore((s) => s.refresh);
  const loadSettings = useSettingsStore((s) => s.load);
  const listenExports = useExportsStore((s) => s.listen);
  const listenEquity = useEquityStore((s) => s.listen);
  useApplyTheme();
  const fmt = useFormat();
  const openNote = useDailyNoteStore((s) => s.open);

  useEffect(() => {
    void loadInfo();
    void loadLookups();
    void loadSettings();
    const offChanged = subscribe('journal:changed', () => {
      void loadInfo();
      void loadLookups();
      // Pages load fresh when opened; only the one on screen refreshes now.
      const current = useAppStore.getState().page;
      if (current === 'trades') void refreshTrades();
      if (current === 'overview') {
        void useOverviewStore.getState().reload();
        void useEquityStore.getState().load();
      }
    });
    const offNavigate = subscribe('app:navigate', ({ screen }) => {
      const target = pageForScreen(screen);
      if (target) navigate(target);
    });
    const offExports = listenExports();
    const offEquity = listenEquity();
    return () => {
      offEquity();
      offChanged();
      offNavigate();
      offExports();
    };
  }, [loadInfo, loadLookups, loadSettings, refreshTrades, navigate, listenExports, listenEquity]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="sidebar">
        <span className="brand">Spark Journal</span>
        <nav aria-label="Main">
          <ul>
            {PAGES.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  aria-current={page === p.id ? 'page' : undefined}
                  onClick={() => navigate(p.id)}
                >
                  {p.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {info && (
          <p className="sidebar-foot">
            {fmt.count(info.tradeCount)} trades
            <br />
            Version {info.version}
          </p>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {!info && !appError && <p role="status">Opening your journal…</p>}
        {appError && !info && (
          <p role="alert" className="error">
            {appError}
          </p>
        )}
        {info && info.isEmpty && NEEDS_TRADES.has(page) && (
          <FirstRun onLoaded={() => void loadLookups()} onImport={() => navigate('import')} />
        )}
        {info && !(info.isEmpty && NEEDS_TRADES.has(page)) && <CurrentPage key={page} page={page} />}
        {openNote && <DailyNotePanel key={`${openNote.day}:${openNote.accountId ?? ''}`} day={openNote.day} accountId={openNote.accountId} />}
      </main>
    </div>
  );
}
