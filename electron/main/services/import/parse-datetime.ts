import type { ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import type { DateOrder } from '../../../../shared/domain/import-preset';
import type { NumberFailure } from './parse-number';

const DAY_MS = 86_400_000;

// Abbreviations brokers print after times (IBKR: "2025-01-02;10:00:00 EST"), in minutes east of UTC.
const ZONE_ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CET: 60, CEST: 120, EET: 120, EEST: 180, BST: 60, JST: 540, HKT: 480, SGT: 480, AEST: 600, AEDT: 660,
};

const ISO_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;

const DATE_TIME = new RegExp(
  '^' +
    // date: 2025-01-02 | 2025.01.02 | 2025/1/2 | 20250102 | 1/2/2025 | 02.01.2025 | 1/2/25
    '(?:(\\d{4})([-./])(\\d{1,2})\\2(\\d{1,2})|(\\d{4})(\\d{2})(\\d{2})|(\\d{1,2})([-./])(\\d{1,2})\\9(\\d{4}|\\d{2}))' +
    // time: 09:30 | 9:30:05 | 09:30:05.123 | 093005 (IBKR compact), with AM/PM
    '(?:(?:[T ;,]+|,\\s*)(?:(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?|(\\d{2})(\\d{2})(\\d{2}))\\s*([AaPp][Mm])?)?' +
    // zone: Z | +01:00 | -0500 | EST
    '\\s*(Z|[+-]\\d{2}:?\\d{2}|[A-Z]{2,4})?$',
);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses the date-time formats broker exports use into epoch ms. Times without a zone are
 * wall-clock times in `calendar`'s zone (the import's time zone). Ambiguous numeric dates
 * (1/2/2025) follow `order`; under 'YMD' they are read as US month/day unless a part
 * cannot be a month or the separator is a dot (European).
 */
export function parseDateTime(raw: string, order: DateOrder, calendar: ZoneCalendar): number | NumberFailure {
  const text = raw.trim();
  if (text === '') return { reason: 'is empty' };
  // ISO 8601 in UTC (what exports write) is the common case: Date.parse reads it exactly.
  if (ISO_UTC.test(text)) {
    const ms = Date.parse(text);
    // V8 rolls 2025-02-30 over into March; such a day takes the slow path and its error.
    if (new Date(ms).getUTCDate() === Number(text.slice(8, 10))) return ms;
  }
  if (/^\d{12,13}$/.test(text)) return Number(text);
  if (/^\d{9,10}$/.test(text)) return Number(text) * 1000;
  const m = DATE_TIME.exec(text);
  if (!m) return { reason: 'is not a date and time this importer knows (use e.g. 2025-01-31 14:30:00)' };

  let year: number;
  let month: number;
  let day: number;
  if (m[1] !== undefined) {
    year = Number(m[1]);
    month = Number(m[3]);
    day = Number(m[4]);
  } else if (m[5] !== undefined) {
    year = Number(m[5]);
    month = Number(m[6]);
    day = Number(m[7]);
  } else {
    const a = Number(m[8]);
    const b = Number(m[10]);
    const yearText = m[11]!;
    year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    let dayFirst: boolean;
    if (order === 'DMY') dayFirst = true;
    else if (order === 'MDY') dayFirst = false;
    else dayFirst = a > 12 || (b <= 12 && m[9] === '.');
    if (dayFirst) {
      day = a;
      month = b;
    } else {
      month = a;
      day = b;
    }
  }
  if (year < 1970 || year > 2100) return { reason: `has the year ${year}, outside 1970-2100` };
  if (month < 1 || month > 12) return { reason: `has no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) return { reason: `has no day ${day} in month ${month}` };

  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  if (m[12] !== undefined) {
    hour = Number(m[12]);
    minute = Number(m[13]);
    second = m[14] === undefined ? 0 : Number(m[14]);
    ms = m[15] === undefined ? 0 : Math.floor(Number(`0.${m[15]}`) * 1000);
  } else if (m[16] !== undefined) {
    hour = Number(m[16]);
    minute = Number(m[17]);
    second = Number(m[18]);
  }
  const meridiem = m[19]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return { reason: `has the hour ${hour} with ${meridiem}` };
    if (meridiem === 'AM' && hour === 12) hour = 0;
    else if (meridiem === 'PM' && hour !== 12) hour += 12;
  }
  if (hour > 23 || minute > 59 || second > 59) return { reason: 'has a time of day that does not exist' };

  const dayNumber = Date.UTC(year, month - 1, day) / DAY_MS;
  const zone = m[20];
  const subMinute = second * 1000 + ms;
  if (zone === undefined) {
    return calendar.instantAt(dayNumber, hour * 60 + minute) + subMinute;
  }
  let offsetMinutes: number;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone[0] === '+' || zone[0] === '-') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  } else {
    const known = ZONE_ABBREVIATIONS[zone];
    if (known === undefined) return { reason: `has the time zone "${zone}", which this importer does not know` };
    offsetMinutes = known;
  }
  return dayNumber * DAY_MS + (hour * 60 + minute - offsetMinutes) * 60_000 + subMinute;
}
