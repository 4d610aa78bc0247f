/** Money is integer minor units (cents) everywhere below the UI. */
export type Cents = number;

export function toCents(amount: number): Cents {
  return Math.round(amount * 100);
}

export function centsToNumber(cents: Cents): number {
  return cents / 100;
}

export function formatCents(cents: Cents, currency = 'USD', locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}
