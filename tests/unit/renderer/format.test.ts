import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../renderer/src/format';

describe('formatters follow the locale setting', () => {
  it('writes money, counts and days the locale’s way', () => {
    const us = createFormatters('en-US');
    const de = createFormatters('de-DE');
    expect(us.money(123456, 'USD')).toBe('+$1,234.56');
    expect(us.money(-5, 'USD')).toBe('-$0.05');
    expect(us.money(0, 'USD')).toBe('$0.00');
    expect(de.money(123456, 'EUR')).toBe('+1.234,56\u00a0€');
    expect(us.count(1_000_000)).toBe('1,000,000');
    expect(de.count(1_000_000)).toBe('1.000.000');
    // A trading day is a calendar date: no time-zone shift whatever the machine's zone.
    expect(us.day('2025-03-01')).toBe('Mar 1, 2025');
    expect(us.amount(2800)).toBe('+28.00');
  });

  it('writes durations and sizes for people', () => {
    const f = createFormatters('en-US');
    expect(f.duration(250)).toBe('250 ms');
    expect(f.duration(12_300)).toBe('12.3 s');
    expect(f.duration(125_000)).toBe('2 min 5 s');
    expect(f.bytes(512)).toBe('512 B');
    expect(f.bytes(1536)).toBe('1.5 KB');
    expect(f.percent(0.4327)).toBe('43.3%');
  });
});
