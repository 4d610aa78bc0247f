import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SelectedColumn } from '../../../../shared/domain/export-columns';
import type { Canonical, CanonicalRow } from './canonical';

const cents = (n: number) => Math.round(n * 100);

function fromText(kind: SelectedColumn['kind'], field: string): Canonical {
  if (field === '') return kind === 'list' ? null : null;
  switch (kind) {
    case 'money':
      return cents(Number(field));
    case 'datetime':
      return Date.parse(field);
    case 'integer':
    case 'number':
    case 'percent':
      return Number(field);
    case 'boolean':
      return field === 'true';
    default:
      return field;
  }
}

export interface CsvFile {
  bom: boolean;
  header: string[];
  rows: CanonicalRow[];
  footer: string | null;
}

/** Parses an export's CSV with csv-parse (RFC 4180) into canonical rows. */
export function readCsv(path: string, columns: readonly SelectedColumn[]): CsvFile {
  const raw = readFileSync(path);
  const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  let text = raw.toString('utf8');
  if (bom) text = text.slice(1);
  let footer: string | null = null;
  const footerMatch = /\r\n(# streamed_rows=\d+)\r\n$/.exec(text);
  if (footerMatch) {
    footer = footerMatch[1]!;
    text = text.slice(0, footerMatch.index + 2);
  }
  const records = parse(text, { relax_column_count: false }) as string[][];
  const [header, ...body] = records;
  return { bom, header: header ?? [], footer, rows: body.map((r) => r.map((field, i) => fromText(columns[i]!.kind, field))) };
}

export function readJson(path: string, columns: readonly SelectedColumn[], style: 'array' | 'ndjson'): { rows: CanonicalRow[]; keys: string[] } {
  const text = readFileSync(path, 'utf8');
  const objects = (
    style === 'array'
      ? JSON.parse(text)
      : text
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line))
  ) as Record<string, unknown>[];
  const keys = columns.map((c) => (c.aliased ? c.header : c.key));
  const rows = objects.map((o) =>
    columns.map((c, i): Canonical => {
      const v = o[keys[i]!];
      if (v === null || v === undefined) return null;
      if (c.kind === 'money') return cents(v as number);
      if (c.kind === 'datetime') return Date.parse(v as string);
      if (c.kind === 'text' && v === '') return null;
      return v as Canonical;
    }),
  );
  return { rows, keys: objects[0] ? Object.keys(objects[0]) : [] };
}

export interface XlsxFile {
  sheetName: string;
  header: string[];
  rows: CanonicalRow[];
  frozenHeader: boolean;
  headerBold: boolean;
  /** Number format of the first data cell of each column ('' when none). */
  numFmts: string[];
}

/** Reads an export's workbook back with exceljs. */
export async function readXlsx(path: string, columns: readonly SelectedColumn[]): Promise<XlsxFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0]!;
  const header = columns.map((_, i) => String(sheet.getRow(1).getCell(i + 1).value ?? ''));
  const rows: CanonicalRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(
      columns.map((c, i): Canonical => {
        const v = row.getCell(i + 1).value as unknown;
        if (v === null || v === undefined) return null;
        if (v instanceof Date) return c.kind === 'day' ? v.toISOString().slice(0, 10) : v.getTime();
        if (c.kind === 'money') return cents(v as number);
        return v as Canonical;
      }),
    );
  }
  const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
  return {
    sheetName: sheet.name,
    header,
    rows,
    frozenHeader: view?.state === 'frozen' && view.ySplit === 1,
    headerBold: sheet.getRow(1).getCell(1).font?.bold === true,
    numFmts: columns.map((_, i) => sheet.getRow(2).getCell(i + 1).numFmt ?? ''),
  };
}

interface PdfTextItem {
  str: string;
  dir: string;
  transform: number[];
  width: number;
}

/**
 * The text of each page as lines, read with PDF.js (pdfjs-dist, Mozilla's maintained reader):
 * the text a viewer copies, decoded through each font's ToUnicode map. Items on one baseline
 * make a line, left to right as drawn; a gap between items becomes one space. Right-to-left
 * words come back in logical order, in the visual order of the line.
 */
export async function readPdf(path: string): Promise<{ pages: number; pageTexts: string[] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
  try {
    const pageTexts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const items = (await page.getTextContent()).items.filter((i) => 'str' in i && i.str !== '') as unknown as PdfTextItem[];
      const byLine = new Map<number, PdfTextItem[]>();
      for (const item of items) {
        const y = Math.round(item.transform[5]! * 10) / 10;
        byLine.set(y, [...(byLine.get(y) ?? []), item]);
      }
      const lines = [...byLine.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, line]) => {
          line.sort((a, b) => a.transform[4]! - b.transform[4]!);
          let text = '';
          let end = Number.NEGATIVE_INFINITY;
          for (const item of line) {
            const x = item.transform[4]!;
            if (text !== '' && x - end > 0.5 && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
            text += item.str;
            end = x + item.width;
          }
          return text;
        });
      pageTexts.push(lines.join('\n'));
    }
    return { pages: doc.numPages, pageTexts };
  } finally {
    await doc.destroy();
  }
}
