import { useAppStore } from '../store/app-store';

/** Shown when the journal is empty: one click fills it with a realistic demo journal. */
export function FirstRun({ onLoaded }: { onLoaded: () => void }) {
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
