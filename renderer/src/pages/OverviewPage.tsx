import { PageHeader } from '../components/PageHeader';

export function OverviewPage() {
  return (
    <section aria-labelledby="overview-title" className="page">
      <PageHeader id="overview-title" title="Overview" />
    </section>
  );
}
