import type { GoalPeriod } from '../../../../shared/domain/enums';
import type { Day } from '../../../../shared/domain/day';

const DAY_MS = 86_400_000;

const toUtcMs = (day: Day): number => Date.parse(`${day}T00:00:00Z`);
const fromUtcMs = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: Day, days: number): Day {
  return fromUtcMs(toUtcMs(day) + days * DAY_MS);
}

/** Calendar days from `from` to `to`, both included (0 when to < from). */
export function daysInclusive(from: Day, to: Day): number {
  return Math.max(0, Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS) + 1);
}

/** 0 = Monday ... 6 = Sunday (ISO order, so weeks start on Monday). */
export function isoWeekday(day: Day): number {
  return (new Date(toUtcMs(day)).getUTCDay() + 6) % 7;
}

/** The calendar period of the given kind that contains `day`. Weeks run Monday to Sunday. */
export function periodContaining(period: GoalPeriod, day: Day): { start: Day; end: Day } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const ymd = (year: number, month: number, d: number) => fromUtcMs(Date.UTC(year, month - 1, d));
  switch (period) {
    case 'day':
      return { start: day, end: day };
    case 'week': {
      const start = addDays(day, -isoWeekday(day));
      return { start, end: addDays(start, 6) };
    }
    case 'month':
      return { start: ymd(y, m, 1), end: ymd(y, m + 1, 0) };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { start: ymd(y, first, 1), end: ymd(y, first + 3, 0) };
    }
    case 'year':
      return { start: ymd(y, 1, 1), end: ymd(y, 12, 31) };
  }
}

export const maxDay = (a: Day, b: Day): Day => (a > b ? a : b);
export const minDay = (a: Day, b: Day): Day => (a < b ? a : b);
