import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { offsetSpans, offsetCaseSql } from '../../../../electron/main/services/analytics/zone-offsets';
import { periodContaining } from '../../../../electron/main/services/analytics/period';

const HOUR = 3_600_000;

describe('offsetSpans', () => {
  it('pins each daylight-saving change to the minute', () => {
    const spans = offsetSpans('America/New_York', Date.parse('2024-01-01T00:00:00Z'), Date.parse('2024-12-31T00:00:00Z'));
    expect(spans.map((s) => [Number.isFinite(s.from) ? new Date(s.from).toISOString() : 'start', s.offsetMs / HOUR])).toEqual([
      ['start', -5],
      ['2024-03-10T07:00:00.000Z', -4], // 02:00 EST
      ['2024-11-03T06:00:00.000Z', -5], // 02:00 EDT
    ]);
    // Half-hour shifts (Lord Howe moves by 30 minutes) and zones without changes.
    const lordHowe = offsetSpans('Australia/Lord_Howe', Date.parse('2024-01-01T00:00:00Z'), Date.parse('2024-12-31T00:00:00Z'));
    expect(lordHowe.map((s) => s.offsetMs / 60_000)).toEqual([660, 630, 660]);
    expect(offsetSpans('Asia/Kolkata', 0, Date.parse('2024-01-01T00:00:00Z'))).toEqual([{ from: -Infinity, offsetMs: 5.5 * HOUR }]);
  });

  it('turns spans into a SQL expression that picks the right offset', () => {
    const spans = offsetSpans('Europe/London', Date.parse('2023-01-01T00:00:00Z'), Date.parse('2024-12-31T00:00:00Z'));
    const db = new Database(':memory:');
    const offsetAt = (iso: string) => db.prepare(`SELECT ${offsetCaseSql('x', spans)} AS o FROM (SELECT ? AS x)`).pluck().get(Date.parse(iso));
    expect(offsetAt('2024-03-31T00:59:59Z')).toBe(0);
    expect(offsetAt('2024-03-31T01:00:00Z')).toBe(HOUR);
    expect(offsetAt('2024-10-27T00:59:59Z')).toBe(HOUR);
    expect(offsetAt('2024-10-27T01:00:00Z')).toBe(0);
    expect(offsetAt('2023-07-01T12:00:00Z')).toBe(HOUR);
    db.close();
  });
});

describe('periodContaining', () => {
  it('finds ISO weeks, months, quarters and years', () => {
    expect(periodContaining('week', '2024-03-17')).toEqual({ start: '2024-03-11', end: '2024-03-17' });
    expect(periodContaining('week', '2024-12-31')).toEqual({ start: '2024-12-30', end: '2025-01-05' });
    expect(periodContaining('month', '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodContaining('quarter', '2024-11-30')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(periodContaining('year', '2024-06-01')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(periodContaining('day', '2024-06-01')).toEqual({ start: '2024-06-01', end: '2024-06-01' });
  });
});
