import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../../../shared/domain/day';
import { createZoneCalendar, dayNumberToDay, dayToDayNumber } from '../../../../shared/domain/zone-calendar';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The wall-clock minutes of an instant in a zone, straight from Intl. */
function wallMinutes(epochMs: number, timeZone: string): { day: string; minute: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

// Zones with DST both ways round, half-hour offsets and a half-hour DST shift.
const TRANSITIONS: { zone: string; around: string }[] = [
  { zone: 'America/New_York', around: '2024-03-10T07:00:00Z' },
  { zone: 'America/New_York', around: '2024-11-03T06:00:00Z' },
  { zone: 'America/Chicago', around: '2025-03-09T08:00:00Z' },
  { zone: 'Europe/London', around: '2024-03-31T01:00:00Z' },
  { zone: 'Europe/London', around: '2024-10-27T01:00:00Z' },
  { zone: 'Australia/Sydney', around: '2024-04-06T16:00:00Z' },
  { zone: 'Australia/Sydney', around: '2024-10-05T16:00:00Z' },
  { zone: 'Australia/Lord_Howe', around: '2024-04-06T15:00:00Z' },
  { zone: 'America/St_Johns', around: '2024-11-03T03:30:00Z' },
  { zone: 'Asia/Kolkata', around: '2024-06-01T18:30:00Z' },
  { zone: 'Asia/Tokyo', around: '2024-06-01T15:00:00Z' },
  { zone: 'Pacific/Kiritimati', around: '2024-06-01T10:00:00Z' },
];

describe('zone calendar', () => {
  it('gives the same trading day as dayInZone for every instant around DST changes', () => {
    for (const { zone, around } of TRANSITIONS) {
      const calendar = createZoneCalendar(zone);
      const centre = Date.parse(around);
      // Every 7 minutes and 13 seconds over two days either side: hits every hour and minute offset.
      for (let t = centre - 48 * HOUR; t <= centre + 48 * HOUR; t += 7 * MINUTE + 13_000) {
        expect(calendar.dayOf(t), `${zone} at ${new Date(t).toISOString()}`).toBe(dayInZone(t, zone));
      }
    }
  });

  it('matches dayInZone over a whole year of random instants', () => {
    const zones = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles'];
    let state = 12345;
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
    for (const zone of zones) {
      const calendar = createZoneCalendar(zone);
      for (let i = 0; i < 2000; i++) {
        const t = Date.UTC(2023, 0, 1) + Math.floor(random() * 366 * 24 * HOUR);
        expect(calendar.dayOf(t)).toBe(dayInZone(t, zone));
      }
    }
  });

  it('finds the instant of a local wall time, moving times inside a DST gap past it', () => {
    for (const { zone, around } of TRANSITIONS) {
      const calendar = createZoneCalendar(zone);
      const day = calendar.dayNumberOf(Date.parse(around));
      for (let minute = 0; minute < 24 * 60; minute += 5) {
        const instant = calendar.instantAt(day, minute);
        const wall = wallMinutes(instant, zone);
        if (wall.day === dayNumberToDay(day) && wall.minute === minute) continue;
        // Only a wall time that the clocks skipped may land elsewhere: later, by at most the gap.
        expect(instant, `${zone} ${dayNumberToDay(day)} minute ${minute}`).toBeGreaterThan(Date.parse(around) - 2 * HOUR);
        expect(wall.day).toBe(dayNumberToDay(day));
        expect(wall.minute).toBeGreaterThan(minute);
        expect(wall.minute - minute).toBeLessThanOrEqual(60);
      }
    }
  });

  it('converts between day names and day numbers', () => {
    expect(dayNumberToDay(0)).toBe('1970-01-01');
    expect(dayToDayNumber('2024-02-29')).toBe(19782);
    expect(dayNumberToDay(dayToDayNumber('2024-12-31'))).toBe('2024-12-31');
  });
});
