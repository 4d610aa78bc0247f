import type { PnlCalendar } from '../../../../shared/domain/analytics';
import { useFormat } from '../../hooks/use-format';

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** Weeks (Monday first) of the month as day strings, null for padding cells. */
function weeks(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const out: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) out.push(cells.slice(i, i + 7));
  return out;
}

export function PnlCalendarView({
  calendar,
  month,
  currency,
  onMonth,
  onDay,
  onNote,
  noteDays,
}: {
  calendar: PnlCalendar;
  month: string;
  currency: string;
  onMonth: (m: string) => void;
  /** Opens the day's trades. */
  onDay: (day: string) => void;
  /** Opens the day's note (plan and review). */
  onNote?: (day: string) => void;
  /** Days that already have a note. */
  noteDays?: ReadonlySet<string>;
}) {
  const fmt = useFormat();
  const byDay = new Map(calendar.days.map((d) => [d.day, d]));
  const monthName = new Intl.DateTimeFormat(fmt.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const weekdayFormat = new Intl.DateTimeFormat(fmt.locale, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => weekdayFormat.format(new Date(Date.UTC(2024, 0, 1 + i))));
  return (
    <section className="card" aria-labelledby="calendar-title">
      <div className="page-header">
        <h2 id="calendar-title">Daily P&amp;L</h2>
        <div className="button-row">
          <button type="button" aria-label="Previous month" onClick={() => onMonth(shiftMonth(month, -1))}>
            ‹
          </button>
          <span className="month-name" aria-live="polite">
            {monthName}
          </span>
          <button type="button" aria-label="Next month" onClick={() => onMonth(shiftMonth(month, 1))}>
            ›
          </button>
        </div>
      </div>
      <table className="calendar">
        <caption className="sr-only">Net P&amp;L per trading day, {monthName}</caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks(month).map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => {
                if (!day) return <td key={j} className="empty" />;
                const d = byDay.get(day);
                const tone = !d ? '' : d.netPnlCents > 0 ? 'up' : d.netPnlCents < 0 ? 'down' : 'flat';
                const noteButton = onNote && (
                  <button
                    type="button"
                    className={`note-button${noteDays?.has(day) ? ' has-note' : ''}`}
                    onClick={() => onNote(day)}
                    aria-label={`${noteDays?.has(day) ? 'Open' : 'Write'} the day note of ${fmt.day(day)}`}
                    title={noteDays?.has(day) ? 'Open the day note' : 'Write a day note'}
                  >
                    {noteDays?.has(day) ? '✎ note' : '✎'}
                  </button>
                );
                return (
                  <td key={day} className={tone} data-day={day}>
                    {noteButton}
                    {d ? (
                      <button type="button" className="day-button" onClick={() => onDay(day)} title={`Show the trades of ${fmt.day(day)}`}>
                        <span className="dnum">{Number(day.slice(8))}</span>
                        <span className="dpnl">{fmt.money(d.netPnlCents, currency)}</span>
                        <span className="dcount">
                          {d.tradeCount} {d.tradeCount === 1 ? 'trade' : 'trades'}
                        </span>
                        <span className="sr-only">, {fmt.day(day)}: show the trades</span>
                      </button>
                    ) : (
                      <span className="dnum">{Number(day.slice(8))}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {monthName}: {fmt.money(calendar.netPnlCents, currency)} over {calendar.tradingDays} trading days ({calendar.winningDays} up, {calendar.losingDays} down).
      </p>
    </section>
  );
}
