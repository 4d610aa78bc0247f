import { describe, expect, it } from 'vitest';
import { CME_SESSION, contractRoot, createTradingDay } from '../../../shared/domain/trading-day';

describe('trading day rules', () => {
  const cme = createTradingDay('America/New_York', CME_SESSION);
  const calendar = createTradingDay('America/New_York', { kind: 'calendar' });

  it('books a close before 17:00 Chicago on that day, and after it on the next trading day', () => {
    // Wed 2025-10-15 16:59 Chicago (CDT, UTC-5) = 21:59Z; 17:00 Chicago = 22:00Z.
    expect(cme(Date.UTC(2025, 9, 15, 21, 59))).toBe('2025-10-15');
    expect(cme(Date.UTC(2025, 9, 15, 22, 0))).toBe('2025-10-16');
    // The calendar rule keeps the New York calendar day (18:00 New York).
    expect(calendar(Date.UTC(2025, 9, 15, 22, 0))).toBe('2025-10-15');
    // 20:30 New York is already the next calendar day in UTC but still the 15th in New York.
    expect(calendar(Date.UTC(2025, 9, 16, 0, 30))).toBe('2025-10-15');
  });

  it('rolls the Friday evening and Sunday evening sessions to Monday', () => {
    // Fri 2025-10-17 17:30 Chicago = 22:30Z; Sun 2025-10-19 18:00 Chicago = 23:00Z.
    expect(cme(Date.UTC(2025, 9, 17, 22, 30))).toBe('2025-10-20');
    expect(cme(Date.UTC(2025, 9, 19, 23, 0))).toBe('2025-10-20');
    expect(cme(Date.UTC(2025, 9, 17, 21, 30))).toBe('2025-10-17');
  });

  it('follows daylight saving: 17:00 Chicago is 23:00Z in winter', () => {
    // Mon 2025-12-15 16:30 CST = 22:30Z (still Monday); 17:00 CST = 23:00Z -> Tuesday.
    expect(cme(Date.UTC(2025, 11, 15, 22, 30))).toBe('2025-12-15');
    expect(cme(Date.UTC(2025, 11, 15, 23, 0))).toBe('2025-12-16');
  });

  it('rolls futures contracts up to their root, leaving other symbols alone', () => {
    expect(contractRoot('ESZ6', 'future')).toBe('ES');
    expect(contractRoot('ESH7', 'future')).toBe('ES');
    expect(contractRoot('MNQH26', 'future')).toBe('MNQ');
    expect(contractRoot('6EM5', 'future')).toBe('6E');
    expect(contractRoot('AAPL', 'stock')).toBe('AAPL');
    expect(contractRoot('ESZ6', 'stock')).toBe('ESZ6');
  });
});
