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

describe('CSV bytes', () => {
  it('writes every cell exactly as csvText and the value renderers would', async () => {
    const { ByteBuilder } = await import('../../../../electron/main/services/exports/writers/byte-builder');
    const chunks: Buffer[] = [];
    const sink = { bytes: 0, write: (c: string | Uint8Array) => void chunks.push(Buffer.from(c)), ready: () => null };
    const out = new ByteBuilder(sink);
    const texts = ['plain', 'y'.repeat(100_000), 'ü,'.repeat(40_000), 'a,b', 'say "hi"', '=1+2', '-5', '@x', '\tx', 'üñï', 'x'.repeat(300_000), '€, quoted "€"', 'line\nbreak'];
    const cents = [0, 5, -5, 123456, -123405, 9007199254740991];
    const ints = [0, 7, -7, 1234567890123, -9007199254740991];
    const times = [0, 1_700_000_000_123, -1, 86_399_999, 253_402_300_800_000];
    let expected = '';
    for (const t of texts) {
      out.csvCell(t, csvText);
      expected += csvText(t);
    }
    for (const c of cents) {
      out.cents(c);
      expected += centsText(c);
    }
    for (const n of ints) {
      out.int(n);
      expected += String(n);
    }
    for (const ms of times) {
      out.iso(ms);
      expected += new Date(ms).toISOString();
    }
    const doubles = [0.1, -0.1, 0.1 + 0.2, 134.073, 101.25, 1.5, -2.000001, 1e-6, 1e-7, 5e-324, 123456789.123456, 999999999.5, 1e9 + 0.5, 1e21, 0.30000000000000004, 1 / 3];
    for (let i = 0; i < 5000; i++) doubles.push(Math.round(Math.sin(i) * 1e7) / 10 ** (i % 8), Math.sin(i) * 10 ** (i % 12));
    for (const d of doubles) {
      out.number(d);
      out.byte(124);
      expected += `${String(d)}|`;
    }
    out.flush();
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  });
});

describe('JSON bytes', () => {
  it('writes strings exactly as JSON.stringify does, and prepared bytes as given', async () => {
    const { ByteBuilder } = await import('../../../../electron/main/services/exports/writers/byte-builder');
    const chunks: Buffer[] = [];
    const sink = { bytes: 0, write: (c: string | Uint8Array) => void chunks.push(Buffer.from(c)), ready: () => null };
    const out = new ByteBuilder(sink);
    const texts = ['', 'plain', 'say "hi"', 'back\\slash', 'tab\there', 'line\nbreak', '\u0000\u001f', 'del\u007f', 'üñï €', '\ud83d\ude00', 'lone \ud800', 'z'.repeat(200_000), 'y'.repeat(300_000)];
    let expected = '';
    for (const t of texts) {
      out.jsonString(t);
      out.bytes(Buffer.from(',', 'utf8'));
      expected += `${JSON.stringify(t)},`;
    }
    out.flush();
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  });
});
