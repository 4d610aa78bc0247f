import { useEffect } from 'react';
import { PageHeader } from '../components/PageHeader';
import { ExportForm } from '../components/exports/ExportForm';
import { ExportJobList } from '../components/exports/ExportJobList';
import { ExportHealthBar } from '../components/exports/ExportHealthBar';
import { useExportsStore } from '../store/exports-store';

export function ExportsPage() {
  const load = useExportsStore((s) => s.load);
  const error = useExportsStore((s) => s.error);
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
      <ExportHealthBar />
      <div className="exports-layout">
        <ExportForm />
        <ExportJobList />
      </div>
    </section>
  );
}
