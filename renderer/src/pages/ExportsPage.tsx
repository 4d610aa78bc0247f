import { PageHeader } from '../components/PageHeader';

export function ExportsPage() {
  return (
    <section aria-labelledby="exports-title" className="page">
      <PageHeader id="exports-title" title="Exports" />
    </section>
  );
}
