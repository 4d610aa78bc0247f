/**
 * Value renderers shared by the writers. They run once per cell on a million rows, so they
 * avoid allocations where a plain loop will do.
 */

/** Integer cents as an exact decimal string ("-12.05"), without going through floats. */
export function centsText(cents: number): string {
  if (!Number.isInteger(cents)) return (cents / 100).toFixed(2);
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const whole = Math.floor(abs / 100);
  const fraction = abs - whole * 100;
  return `${negative ? '-' : ''}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * Epoch ms -> ISO 8601 UTC ("2024-03-01T14:30:05.120Z"), the same text as Date#toISOString.
 * Rows arrive mostly in time order, so the date part is cached per day.
 */
export function createIsoFormatter(): (ms: number) => string {
  let cachedDay = Number.NaN;
  let cachedPrefix = '';
  return (ms) => {
    const day = Math.floor(ms / DAY_MS);
    if (day !== cachedDay) {
      const iso = new Date(day * DAY_MS).toISOString();
      if (iso.length !== 24) return new Date(ms).toISOString();
      cachedDay = day;
      cachedPrefix = iso.slice(0, 11);
    }
    let rest = ms - day * DAY_MS;
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const s = Math.floor(rest / 1000);
    const milli = Math.floor(rest - s * 1000);
    return `${cachedPrefix}${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[milli]}Z`;
  };
}

/** Excel's serial day number (1900 date system, UTC) for an epoch ms. */
export const excelSerialFromMs = (ms: number) => ms / DAY_MS + 25569;

/** 'YYYY-MM-DD' -> Excel serial day, cached for runs of the same day. */
export function createDaySerial(): (day: string) => number {
  let cachedDay = '';
  let cachedSerial = 0;
  return (day) => {
    if (day !== cachedDay) {
      cachedDay = day;
      cachedSerial = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS + 25569;
    }
    return cachedSerial;
  };
}

/** Numbers that JSON and spreadsheets can hold; NaN and infinities become empty cells. */
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** SQLite hands booleans over as 0/1. */
export const truthy = (v: unknown) => v === true || v === 1;
