import { describe, expect, it } from 'vitest';
import { centsText, createDaySerial, createIsoFormatter, excelSerialFromMs } from '../../../../electron/main/services/exports/writers/values';
import { csvText } from '../../../../electron/main/services/exports/writers/csv';
import { retryDelayMs } from '../../../../electron/main/services/exports/errors';
import { classifyError } from '../../../../electron/main/services/exports/errors';

describe('export value rendering', () => {
  it('writes cents as exact decimals', () => {
    expect([0, 5, -5, 100, -100, 123456, -123405, 1999, 9007199254740991].map(centsText)).toEqual([
      '0.00',
      '0.05',
      '-0.05',
      '1.00',
      '-1.00',
      '1234.56',
      '-1234.05',
      '19.99',
      '90071992547409.91',
    ]);
  });

  it('formats epoch ms exactly like Date#toISOString, across days and out of order', () => {
    const iso = createIsoFormatter();
    const samples = [0, 1, 86_399_999, 86_400_000, 1_700_000_000_123, 1_699_999_999_999, -1, -86_400_001, 253_402_300_799_999];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(((i * 7919) % 10_000) * 3_600_000.123 + i));
    for (const ms of samples) expect(iso(ms)).toBe(new Date(ms).toISOString());
  });

  it('turns days and instants into Excel serials (1900 system)', () => {
    const serial = createDaySerial();
    expect(serial('1970-01-01')).toBe(25569);
    expect(serial('2024-03-01')).toBe(45352);
    expect(excelSerialFromMs(Date.UTC(2024, 2, 1, 12))).toBe(45352.5);
  });

  it('quotes CSV cells per RFC 4180 and guards formula-like cells', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('')).toBe('');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('-1')).toBe("'-1");
    expect(csvText('@cmd')).toBe("'@cmd");
    expect(csvText('\tx')).toBe("'\tx");
    expect(csvText('\rx')).toBe('"\'\rx"');
    expect(csvText('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('backs off 500 ms x 2^(attempt-1), capped at 30 s', () => {
    expect([1, 2, 3, 6, 7, 50].map(retryDelayMs)).toEqual([500, 1000, 2000, 16_000, 30_000, 30_000]);
  });

  it('classifies errors into validation, terminal and transient with specific messages', () => {
    const err = (code: string, path?: string) => Object.assign(new Error(code), { code, ...(path ? { path } : {}) });
    const target = '/data/exports/t.csv';
    expect(classifyError(err('ENOSPC'), target)).toMatchObject({ errorClass: 'terminal', code: 'disk_full' });
    expect(classifyError(err('EDQUOT'), target)).toMatchObject({ errorClass: 'terminal', code: 'disk_full' });
    expect(classifyError(err('EACCES'), target)).toMatchObject({ errorClass: 'terminal', code: 'permission_denied' });
    expect(classifyError(err('EPERM'), target)).toMatchObject({ errorClass: 'terminal', code: 'permission_denied' });
    expect(classifyError(err('ENOENT', '/data/exports/t.csv.partial'), target)).toMatchObject({ errorClass: 'terminal', code: 'folder_missing' });
    expect(classifyError(err('SQLITE_BUSY'), target)).toMatchObject({ errorClass: 'transient', code: 'sqlite_busy' });
    expect(classifyError(err('EMFILE'), target)).toMatchObject({ errorClass: 'transient' });
    expect(classifyError(new TypeError('x is not a function'), target)).toMatchObject({ errorClass: 'terminal', code: 'internal' });
  });
});
