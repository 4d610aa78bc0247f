import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { createXlsxWriter } from '../../../../electron/main/services/exports/writers/xlsx';
import type { ByteSink } from '../../../../electron/main/services/exports/writers/types';
import type { SelectedColumn } from '../../../../shared/domain/export-columns';

const dir = mkdtempSync(join(tmpdir(), 'spark-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function memorySink(): ByteSink & { chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  let bytes = 0;
  return {
    chunks,
    get bytes() {
      return bytes;
    },
    write(chunk) {
      const data = Buffer.from(chunk);
      chunks.push(data);
      bytes += data.length;
    },
    ready: () => null,
  };
}

it('writes long, odd and repeated text both shared and inline, and exceljs reads it all back', async () => {
  const columns: SelectedColumn[] = [
    { key: 'n', header: 'N <&>', kind: 'integer', aliased: false },
    { key: 'note', header: 'Note', kind: 'text', aliased: false },
    { key: 'ok', header: 'OK', kind: 'boolean', aliased: false },
  ];
  const sink = memorySink();
  const writer = createXlsxWriter({
    columns,
    sink,
    options: { csvFooter: false, jsonStyle: 'array' },
    csvBom: false,
    report: { title: 'Odd: [sheet]/name?', currency: 'EUR', generatedAt: Date.UTC(2024, 0, 2), rowsTotal: 5, filters: () => [], summary: () => [] },
  });
  const long = 'x'.repeat(200);
  const notes = [long, ' padded ', 'a < b & c > "d"', 'bell\u0007 and tab\tkept', 'same', 'same', ''];
  await writer.begin();
  notes.forEach((note, i) => writer.row([i + 1, note, i % 2]));
  await writer.finish(notes.length);
  const file = join(dir, 'odd.xlsx');
  writeFileSync(file, Buffer.concat(sink.chunks));
  expect(sink.bytes).toBe(readFileSync(file).length);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.name).toBe('Odd   sheet  name');
  expect(sheet.getRow(1).values).toEqual([undefined, 'N <&>', 'Note', 'OK']);
  const back = notes.map((_, i) => sheet.getRow(i + 2).getCell(2).value ?? '');
  expect(back).toEqual([long, ' padded ', 'a < b & c > "d"', 'bell and tab\tkept', 'same', 'same', '']);
  expect(notes.map((_, i) => sheet.getRow(i + 2).getCell(3).value)).toEqual([false, true, false, true, false, true, false]);
});

it('continues past the sheet limit on "Title (2)", "Title (3)", each with the header row, and exceljs reads every row back in order', async () => {
  const columns: SelectedColumn[] = [
    { key: 'n', header: 'N', kind: 'integer', aliased: false },
    { key: 'symbol', header: 'Symbol', kind: 'text', aliased: false },
  ];
  const sink = memorySink();
  // A sheet of 4 rows stands in for Excel's 1,048,575: the continuation logic is the same.
  const writer = createXlsxWriter(
    {
      columns,
      sink,
      options: { csvFooter: false, jsonStyle: 'array' },
      csvBom: false,
      report: { title: 'A title of exactly thirty-one c', currency: 'USD', generatedAt: Date.UTC(2024, 0, 2), rowsTotal: 10, filters: () => [], summary: () => [] },
    },
    { sheetRows: 4 },
  );
  await writer.begin();
  for (let i = 1; i <= 10; i++) {
    writer.row([i, `S${i % 3}`]);
    // The queue awaits ready() between chunks; here after some rows, not others, as a run would.
    if (i % 3 === 0) await writer.ready();
  }
  await writer.finish(10);
  const file = join(dir, 'sheets.xlsx');
  writeFileSync(file, Buffer.concat(sink.chunks));

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['A title of exactly thirty-one c', 'A title of exactly thirty-o (2)', 'A title of exactly thirty-o (3)']);
  const back: unknown[][] = [];
  for (const sheet of workbook.worksheets) {
    expect(sheet.getRow(1).values).toEqual([undefined, 'N', 'Symbol']);
    expect(sheet.rowCount).toBeLessThanOrEqual(5);
    for (let r = 2; r <= sheet.rowCount; r++) back.push([sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(2).value]);
  }
  expect(back).toEqual(Array.from({ length: 10 }, (_, k) => [k + 1, `S${(k + 1) % 3}`]));
});

it('refuses a sheet size that is not a positive whole number', () => {
  const input = {
    columns: [],
    sink: memorySink(),
    options: { csvFooter: false, jsonStyle: 'array' as const },
    csvBom: false,
    report: { title: 'T', currency: null, generatedAt: 0, rowsTotal: 0, filters: () => [], summary: () => [] },
  };
  expect(() => createXlsxWriter(input, { sheetRows: 0 })).toThrow(RangeError);
});
