import { PageHeader } from '../components/PageHeader';

export function ImportPage() {
  return (
    <section aria-labelledby="import-title" className="page">
      <PageHeader id="import-title" title="Import" />
    </section>
  );
}
