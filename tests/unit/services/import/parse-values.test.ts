import { describe, expect, it } from 'vitest';
import { canonicalToCents, isFailure, parseDecimalString } from '../../../../electron/main/services/import/parse-number';
import { parseDateTime } from '../../../../electron/main/services/import/parse-datetime';
import { createZoneCalendar } from '../../../../shared/domain/zone-calendar';

describe('parseDecimalString', () => {
  it.each([
    ['6650.25', '.', '6650.25'],
    ['1,234.56', '.', '1234.56'],
    ['1.234,56', ',', '1234.56'],
    ['1 234,56', ',', '1234.56'],
    ["1'234.5", '.', '1234.5'],
    ['$1,250.50', '.', '1250.50'],
    ['(50.00)', '.', '-50.00'],
    ['-1.24', '.', '-1.24'],
    ['12-', '.', '-12'],
    ['+3', '.', '3'],
    ['2,5', '.', '2.5'],
    ['0,50', ',', '0.50'],
    ['1,234', ',', '1.234'],
    ['1,234', '.', '1234'],
    ['1e3', '.', '1000'],
    ['-0', '.', '0'],
    ['€ 12,00', ',', '12.00'],
  ] as const)('%s with decimal mark %s -> %s', (raw, mark, expected) => {
    expect(parseDecimalString(raw, mark)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3,4,5', '12a', '--1'])('rejects %j with a reason', (raw) => {
    const parsed = parseDecimalString(raw, '.');
    expect(isFailure(parsed)).toBe(true);
  });

  it('turns canonical decimals into exact cents, half away from zero', () => {
    expect(['12.05', '-12.05', '1.005', '-1.005', '0.5', '1234567.895', '7'].map(canonicalToCents)).toEqual([
      1205, -1205, 101, -101, 50, 123456790, 700,
    ]);
  });
});

describe('parseDateTime', () => {
  const ny = createZoneCalendar('America/New_York');
  const at = (iso: string) => Date.parse(iso);

  it.each([
    ['2025-10-15T13:31:05.120Z', 'YMD', '2025-10-15T13:31:05.120Z'],
    ['2025-10-15 09:31:05', 'YMD', '2025-10-15T13:31:05.000Z'],
    ['2025.10.15 09:31:05', 'YMD', '2025-10-15T13:31:05.000Z'],
    ['20251015;093105', 'YMD', '2025-10-15T13:31:05.000Z'],
    ['2025-10-15;09:31:05 EDT', 'YMD', '2025-10-15T13:31:05.000Z'],
    ['2025-10-15 09:31:05+02:00', 'YMD', '2025-10-15T07:31:05.000Z'],
    ['10/15/2025 9:31:05 AM', 'MDY', '2025-10-15T13:31:05.000Z'],
    ['10/15/2025 12:05:00 PM', 'MDY', '2025-10-15T16:05:00.000Z'],
    ['10/15/2025 12:05:00 AM', 'MDY', '2025-10-15T04:05:00.000Z'],
    ['15.10.2025 09:31', 'YMD', '2025-10-15T13:31:00.000Z'],
    ['15/10/2025 09:31', 'YMD', '2025-10-15T13:31:00.000Z'],
    ['01/02/2025 09:31', 'DMY', '2025-02-01T14:31:00.000Z'],
    ['01/02/2025 09:31', 'YMD', '2025-01-02T14:31:00.000Z'],
    ['10/15/25 09:31:00', 'MDY', '2025-10-15T13:31:00.000Z'],
    ['2025-10-15', 'YMD', '2025-10-15T04:00:00.000Z'],
    ['1760535065000', 'YMD', '2025-10-15T13:31:05.000Z'],
  ] as const)('%s (%s) in New York', (raw, order, expected) => {
    expect(parseDateTime(raw, order, ny)).toBe(at(expected));
  });

  it('follows daylight saving: 9:30 is UTC-5 in January and UTC-4 in July', () => {
    expect(parseDateTime('2025-01-15 09:30:00', 'YMD', ny)).toBe(at('2025-01-15T14:30:00Z'));
    expect(parseDateTime('2025-07-15 09:30:00', 'YMD', ny)).toBe(at('2025-07-15T13:30:00Z'));
  });

  it.each([
    ['2025-02-30 10:00', /no day 30 in month 2/],
    ['2025-02-30T10:00:00Z', /no day 30 in month 2/],
    ['2025-13-01 10:00', /no month 13/],
    ['2025-10-15 25:00', /time of day that does not exist/],
    ['10/15/2025 13:00 PM', /hour 13 with PM/],
    ['2025-10-15 10:00 XYZ', /time zone "XYZ"/],
    ['yesterday', /not a date and time/],
    ['1960-01-01', /outside 1970-2100/],
  ])('rejects %s', (raw, reason) => {
    const parsed = parseDateTime(raw, 'YMD', ny);
    expect(isFailure(parsed) && parsed.reason).toMatch(reason);
  });
});
