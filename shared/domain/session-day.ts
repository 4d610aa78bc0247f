import { dayNumberToDay, type ZoneCalendar } from './zone-calendar';

const DAY_MS = 86_400_000;

/**
 * The trading day of an instant under a session rule: the calendar day in the rule's zone,
 * except that from `startMinute` (minutes after local midnight) on, the instant belongs to the
 * next day. 17:00 America/Chicago (1020): Monday 16:59 CT is Monday, Monday 17:00 CT is Tuesday.
 * 0 = plain midnight. Exact across DST: the wall clock is read at the instant itself.
 */
export function sessionTradingDay(calendar: ZoneCalendar, epochMs: number, startMinute: number): string {
  const dayNumber = calendar.dayNumberOf(epochMs);
  if (startMinute <= 0) return dayNumberToDay(dayNumber);
  const local = epochMs + calendar.offsetAt(epochMs);
  const minuteOfDay = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return dayNumberToDay(minuteOfDay >= startMinute ? dayNumber + 1 : dayNumber);
}
