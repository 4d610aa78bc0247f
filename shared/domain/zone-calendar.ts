import type { Day } from './day';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Day arithmetic in one IANA time zone that stays fast for millions of instants.
 * Intl is exact but costs microseconds per call; UTC offsets only change on whole
 * transitions, so the offset is cached per UTC hour and Intl is asked once per hour
 * (or per call, inside the rare hour that holds a transition). Results always equal
 * `dayInZone`, including around DST changes.
 */
export interface ZoneCalendar {
  readonly timeZone: string;
  /** Local time minus UTC, in ms, at the instant. */
  offsetAt(epochMs: number): number;
  /** The local calendar day of the instant: the same answer as `dayInZone`. */
  dayOf(epochMs: number): Day;
  /** Days since 1970-01-01 of the local calendar day of the instant. */
  dayNumberOf(epochMs: number): number;
  /**
   * The instant at which local clocks read `minuteOfDay` on local day `dayNumber`
   * (days since 1970-01-01). A wall time skipped by a DST gap lands just after the gap; an
   * ambiguous one (clocks going back) resolves to one of its two instants.
   */
  instantAt(dayNumber: number, minuteOfDay: number): number;
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function dayNumberToDay(dayNumber: number): Day {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' day. */
export function dayToDayNumber(day: Day): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** A formatter giving a zone's wall-clock parts (24-hour, numeric) for any instant. */
export function zoneWallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

export function createZoneCalendar(timeZone: string): ZoneCalendar {
  const format = zoneWallClockFormatter(timeZone);
  const exactOffset = (epochMs: number): number => {
    const wholeSecond = Math.floor(epochMs / 1000) * 1000;
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of format.formatToParts(wholeSecond)) {
      const value = Number(part.value);
      switch (part.type) {
        case 'year': year = value; break;
        case 'month': month = value; break;
        case 'day': day = value; break;
        case 'hour': hour = value; break;
        case 'minute': minute = value; break;
        case 'second': second = value; break;
        default: break;
      }
    }
    return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond;
  };

  // NaN marks an hour that holds a transition: those instants ask Intl directly.
  const hourOffsets = new Map<number, number>();
  const dayNames = new Map<number, Day>();

  const offsetAt = (epochMs: number): number => {
    const hour = Math.floor(epochMs / HOUR_MS);
    let offset = hourOffsets.get(hour);
    if (offset === undefined) {
      const start = hour * HOUR_MS;
      const atStart = exactOffset(start);
      offset = exactOffset(start + HOUR_MS - 1000) === atStart ? atStart : Number.NaN;
      hourOffsets.set(hour, offset);
    }
    return Number.isNaN(offset) ? exactOffset(epochMs) : offset;
  };

  const dayNumberOf = (epochMs: number): number => Math.floor((epochMs + offsetAt(epochMs)) / DAY_MS);

  return {
    timeZone,
    offsetAt,
    dayNumberOf,
    dayOf(epochMs) {
      const dayNumber = dayNumberOf(epochMs);
      let name = dayNames.get(dayNumber);
      if (name === undefined) {
        name = dayNumberToDay(dayNumber);
        dayNames.set(dayNumber, name);
      }
      return name;
    },
    instantAt(dayNumber, minuteOfDay) {
      const wall = dayNumber * DAY_MS + minuteOfDay * 60_000;
      const first = wall - offsetAt(wall);
      const firstOffset = offsetAt(first);
      if (first + firstOffset === wall) return first;
      const second = wall - firstOffset;
      if (second + offsetAt(second) === wall) return second;
      // No instant reads this wall time (a DST gap): the later candidate lies just after it.
      return Math.max(first, second);
    },
  };
}
