/**
 * Number and date formatting for one locale ('' = the system's). Built once per locale
 * change (Intl formatters are costly to create, cheap to reuse).
 */
export interface Formatters {
  locale: string | undefined;
  money(cents: number, currency?: string): string;
  /** Money without the +/- sign rule, for limits and balances. */
  plainMoney(cents: number, currency?: string): string;
  dateTime(epochMs: number | null): string;
  /** Date and time in the locale's short numeric style, for dense tables. */
  shortDateTime(epochMs: number | null): string;
  /** Date and time as a clock in `timeZone` reads it (imports show a file's times in the file's zone). */
  dateTimeIn(epochMs: number | null, timeZone: string): string;
  /** A 'YYYY-MM-DD' trading day, written the locale's way (no time zone shift). */
  day(day: string | null): string;
  count(n: number): string;
  /** A price with exactly `digits` decimals (the instrument's tick size), or up to five when unknown. */
  price(n: number | null, digits: number | undefined): string;
  number(n: number | null, maxFractionDigits?: number): string;
  /** Cents as a plain amount with two decimals, for amounts whose currency is not known yet. */
  amount(cents: number): string;
  /** A fraction 0..1 as a percentage. */
  percent(fraction: number | null, maxFractionDigits?: number): string;
  /** An R multiple, signed, two decimals: "+1.50 R". */
  r(value: number | null): string;
  bytes(n: number): string;
  duration(ms: number | null): string;
}

export function createFormatters(localeSetting: string): Formatters {
  const locale = localeSetting === '' ? undefined : localeSetting;
  const money = new Map<string, Intl.NumberFormat>();
  const plain = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (cache: Map<string, Intl.NumberFormat>, currency: string, signed: boolean) => {
    let f = cache.get(currency);
    if (!f) {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency, signDisplay: signed ? 'exceptZero' : 'auto' });
      cache.set(currency, f);
    }
    return f;
  };
  // Every time says its zone (the machine's here): a trader in one zone reading another's clock is how imports go wrong.
  const dateTime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const zoned = new Map<string, Intl.DateTimeFormat>();
  // Dense tables: numeric date, still with the zone, so no time is read in the wrong clock.
  const shortDateTime = new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const numbers = new Map<number, Intl.NumberFormat>();
  const percents = new Map<number, Intl.NumberFormat>();
  const prices = new Map<number, Intl.NumberFormat>();
  const cached = (cache: Map<number, Intl.NumberFormat>, digits: number, options: Intl.NumberFormatOptions) => {
    let f = cache.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { ...options, maximumFractionDigits: digits });
      cache.set(digits, f);
    }
    return f;
  };
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

  return {
    locale,
    money: (cents, currency = 'USD') => moneyFormat(money, currency, true).format(cents / 100),
    plainMoney: (cents, currency = 'USD') => moneyFormat(plain, currency, false).format(cents / 100),
    dateTime: (ms) => (ms === null ? '—' : dateTime.format(new Date(ms))),
    shortDateTime: (ms) => (ms === null ? '—' : shortDateTime.format(new Date(ms))),
    dateTimeIn(ms, timeZone) {
      if (ms === null) return '—';
      let f = zoned.get(timeZone);
      if (!f) {
        f = new Intl.DateTimeFormat(locale, {
          year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short', timeZone,
        });
        zoned.set(timeZone, f);
      }
      return f.format(new Date(ms));
    },
    day: (day) => (day === null ? '—' : dayFormat.format(new Date(`${day}T00:00:00Z`))),
    count: (n) => integer.format(n),
    price: (n, digits) =>
      n === null ? '—' : digits === undefined ? cached(numbers, 5, {}).format(n) : cached(prices, digits, { minimumFractionDigits: digits }).format(n),
    number: (n, digits = 5) => (n === null ? '—' : cached(numbers, digits, {}).format(n)),
    amount: (cents) => twoDecimals.format(cents / 100),
    percent: (fraction, digits = 1) =>
      fraction === null ? '—' : cached(percents, digits, { style: 'percent' }).format(fraction),
    r: (value) => (value === null ? '—' : `${twoDecimals.format(value)} R`),
    bytes(n) {
      if (n < 1024) return `${integer.format(n)} B`;
      if (n < 1024 ** 2) return `${oneDecimal.format(n / 1024)} KB`;
      if (n < 1024 ** 3) return `${oneDecimal.format(n / 1024 ** 2)} MB`;
      return `${oneDecimal.format(n / 1024 ** 3)} GB`;
    },
    duration(ms) {
      if (ms === null) return '—';
      if (ms < 1000) return `${integer.format(Math.round(ms))} ms`;
      if (ms < 60_000) return `${oneDecimal.format(ms / 1000)} s`;
      const minutes = Math.floor(ms / 60_000);
      const seconds = Math.round((ms % 60_000) / 1000);
      return `${integer.format(minutes)} min ${integer.format(seconds)} s`;
    },
  };
}
