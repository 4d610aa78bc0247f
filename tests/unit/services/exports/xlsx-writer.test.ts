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
