import { PageHeader } from '../components/PageHeader';
import { DailyNotesCard } from '../components/review/DailyNotesCard';

/** The trader's own records beside the trades: day notes, playbooks and price bars. */
export function JournalPage() {
  return (
    <section aria-labelledby="journal-title" className="page">
      <PageHeader id="journal-title" title="Journal" />
      <DailyNotesCard />
    </section>
  );
}
