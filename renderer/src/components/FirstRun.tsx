import { useAppStore } from '../store/app-store';

/** Shown when the journal is empty: import real trades, or one click fills it with a demo journal. */
export function FirstRun({ onLoaded, onImport }: { onLoaded: () => void; onImport: () => void }) {
  const demoLoading = useAppStore((s) => s.demoLoading);
  const loadDemo = useAppStore((s) => s.loadDemo);
  const error = useAppStore((s) => s.error);
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Welcome to Spark Journal</h1>
      <p>
        Your journal is empty. Everything you record stays in one file on this computer. Import your broker&apos;s
        trades, or look around first with a demo journal of made-up trades.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={demoLoading}
          onClick={async () => {
            if (await loadDemo()) onLoaded();
          }}
        >
          {demoLoading ? 'Loading demo journal…' : 'Load demo journal'}
        </button>
        <button type="button" onClick={onImport}>
          Import trades from a CSV file
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
