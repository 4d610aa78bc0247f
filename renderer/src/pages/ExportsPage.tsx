import { useEffect, useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { ExportForm } from '../components/exports/ExportForm';
import { ExportJobList } from '../components/exports/ExportJobList';
import { ExportHealthBar } from '../components/exports/ExportHealthBar';
import { ExportHealth } from '../components/exports/ExportHealth';
import { useExportsStore } from '../store/exports-store';

export function ExportsPage() {
  const load = useExportsStore((s) => s.load);
  const error = useExportsStore((s) => s.error);
  // Timings load when the section is opened: most visits are to export, not to audit.
  const [healthOpen, setHealthOpen] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="exports-title" className="page">
      <PageHeader id="exports-title" title="Exports" />
      {error && (
        <p role="alert" className="notice crit">
          {error}
        </p>
      )}
      <div className="exports-layout">
        <ExportForm />
        <ExportJobList />
      </div>
      <details className="card export-health" onToggle={(e) => setHealthOpen(e.currentTarget.open)}>
        <summary>
          <h2>Export health</h2>
          <ExportHealthBar />
        </summary>
        {healthOpen && <ExportHealth />}
      </details>
    </section>
  );
}
