import { PageHeader } from '../components/PageHeader';
import { DailyNotesCard } from '../components/review/DailyNotesCard';
import { PlaybooksCard } from '../components/review/PlaybooksCard';
import { BarsCard } from '../components/review/BarsCard';

/** The trader's own records beside the trades: day notes, playbooks and price bars. */
export function JournalPage() {
  return (
    <section aria-labelledby="journal-title" className="page">
      <PageHeader id="journal-title" title="Journal" />
      <DailyNotesCard />
      <PlaybooksCard />
      <BarsCard />
    </section>
  );
}
