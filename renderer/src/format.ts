const moneyFormatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency = 'USD'): string {
  let formatter = moneyFormatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency, signDisplay: 'exceptZero' });
    moneyFormatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(epochMs: number | null): string {
  return epochMs === null ? '—' : dateTime.format(new Date(epochMs));
}

const integer = new Intl.NumberFormat();
export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatNumber(n: number | null, maxFractionDigits = 5): string {
  return n === null ? '—' : n.toLocaleString(undefined, { maximumFractionDigits: maxFractionDigits });
}
