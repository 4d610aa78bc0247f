import { useEffect, useState } from 'react';
import type { AnalyticsFilter, PnlCalendar } from '../../../../shared/domain/analytics';
import { useFormat } from '../../hooks/use-format';
import { call, errorMessage } from '../../api';

/** Colour strength of a day: its size against the month's largest day, never fainter than a tint. */
const intensity = (cents: number, largest: number) => (largest > 0 ? 0.25 + 0.75 * Math.min(1, Math.abs(cents) / largest) : 0);

/** Twelve months of one year: each month's net, trading days and up/down days; a month opens in the month view. */
function YearView({ year, filter, currency, onOpen }: { year: number; filter: AnalyticsFilter; currency: string; onOpen: (month: string) => void }) {
  const fmt = useFormat();
  const [months, setMonths] = useState<(PnlCalendar | null)[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let live = true;
    setMonths(null);
    const keys = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    Promise.all(keys.map((month) => call('analytics:calendar', { filter: JSON.parse(filterKey) as AnalyticsFilter, month })))
      .then((list) => live && setMonths(list))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [year, filterKey]);
  if (error) return <p role="alert" className="notice crit">{error}</p>;
  if (!months) return <p role="status">Adding up {year}…</p>;
  const largest = Math.max(0, ...months.map((m) => Math.abs(m?.netPnlCents ?? 0)));
  const monthName = new Intl.DateTimeFormat(fmt.locale, { month: 'long', timeZone: 'UTC' });
  const total = months.reduce((sum, m) => sum + (m?.netPnlCents ?? 0), 0);
  const days = months.reduce((sum, m) => sum + (m?.tradingDays ?? 0), 0);
  return (
    <>
      <ol className="year-grid">
        {months.map((m, i) => {
          const key = `${year}-${String(i + 1).padStart(2, '0')}`;
          const net = m?.netPnlCents ?? 0;
          const tone = !m || m.tradingDays === 0 ? '' : net > 0 ? 'up' : net < 0 ? 'down' : 'flat';
          return (
            <li key={key} className={`year-month ${tone}`} data-month={key} style={{ ['--intensity' as string]: intensity(net, largest) }}>
              <button type="button" className="day-button" onClick={() => onOpen(key)}>
                <span className="dnum">{monthName.format(new Date(`${key}-01T00:00:00Z`))}</span>
                <span className="dpnl">{m && m.tradingDays > 0 ? fmt.money(net, currency) : '—'}</span>
                <span className="dcount">{m && m.tradingDays > 0 ? `${m.tradingDays} days (${m.winningDays} up, ${m.losingDays} down)` : 'No trading'}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="muted small" data-year-total={total}>
        {year}: {fmt.money(total, currency)} over {fmt.count(days)} trading days.
      </p>
    </>
  );
}

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
  filter,
  onMonth,
  onDay,
  onNote,
  noteDays,
}: {
  calendar: PnlCalendar;
  month: string;
  currency: string;
  /** The overview's filter, for the year view's months. */
  filter: AnalyticsFilter;
  onMonth: (m: string) => void;
  /** Opens the day's trades. */
  onDay: (day: string) => void;
  /** Opens the day's note (plan and review). */
  onNote?: (day: string) => void;
  /** Days that already have a note. */
  noteDays?: ReadonlySet<string>;
}) {
  const fmt = useFormat();
  const [view, setView] = useState<'month' | 'year'>('month');
  const year = Number(month.slice(0, 4));
  const byDay = new Map(calendar.days.map((d) => [d.day, d]));
  const largest = Math.max(0, ...calendar.days.map((d) => Math.abs(d.netPnlCents)));
  const monthName = new Intl.DateTimeFormat(fmt.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const weekdayFormat = new Intl.DateTimeFormat(fmt.locale, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => weekdayFormat.format(new Date(Date.UTC(2024, 0, 1 + i))));
  return (
    <section className="card" aria-labelledby="calendar-title">
      <div className="page-header">
        <h2 id="calendar-title">Daily P&amp;L</h2>
        <div className="button-row">
          <div className="segmented" role="group" aria-label="Calendar view">
            <button type="button" aria-pressed={view === 'month'} onClick={() => setView('month')}>
              Month
            </button>
            <button type="button" aria-pressed={view === 'year'} onClick={() => setView('year')}>
              Year
            </button>
          </div>
          <button type="button" aria-label={view === 'month' ? 'Previous month' : 'Previous year'} onClick={() => onMonth(shiftMonth(month, view === 'month' ? -1 : -12))}>
            ‹
          </button>
          <span className="month-name" aria-live="polite">
            {view === 'month' ? monthName : year}
          </span>
          <button type="button" aria-label={view === 'month' ? 'Next month' : 'Next year'} onClick={() => onMonth(shiftMonth(month, view === 'month' ? 1 : 12))}>
            ›
          </button>
        </div>
      </div>
      {view === 'year' && (
        <YearView
          year={year}
          filter={filter}
          currency={currency}
          onOpen={(m) => {
            onMonth(m);
            setView('month');
          }}
        />
      )}
      {view === 'month' && (
      <>
      <table className="calendar">
        <caption className="sr-only">Net P&amp;L per trading day, {monthName}</caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
            <th scope="col" className="week-col">
              Week
            </th>
          </tr>
        </thead>
        <tbody>
          {weeks(month).map((week, i) => {
            const inWeek = week.flatMap((day) => (day && byDay.get(day) ? [byDay.get(day)!] : []));
            const weekNet = inWeek.reduce((sum, d) => sum + d.netPnlCents, 0);
            return (
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
                  <td key={day} className={tone} data-day={day} style={d ? { ['--intensity' as string]: intensity(d.netPnlCents, largest) } : undefined}>
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
              <td className={`week-total ${weekNet > 0 ? 'win' : weekNet < 0 ? 'loss' : ''}`} data-week-total={weekNet}>
                {inWeek.length > 0 && (
                  <>
                    <span className="dpnl">{fmt.money(weekNet, currency)}</span>
                    <span className="dcount">{inWeek.length} {inWeek.length === 1 ? 'day' : 'days'}</span>
                  </>
                )}
              </td>
            </tr>
            );
          })}
        </tbody>
      </table>
      <p className="month-total" data-month-total={calendar.netPnlCents}>
        <strong>
          {monthName}: <span className={calendar.netPnlCents > 0 ? 'pnl win' : calendar.netPnlCents < 0 ? 'pnl loss' : ''}>{fmt.money(calendar.netPnlCents, currency)}</span>
        </strong>{' '}
        <span className="muted small">
          over {calendar.tradingDays} trading days ({calendar.winningDays} up, {calendar.losingDays} down).
        </span>
      </p>
      </>
      )}
    </section>
  );
}
