import { PageHeader } from '../components/PageHeader';

export function PerformancePage() {
  return (
    <section aria-labelledby="performance-title" className="page">
      <PageHeader id="performance-title" title="Performance" />
    </section>
  );
}
