import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PDFDocument, PDFArray, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
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

/** The text of each page: pdftotext (poppler) when installed, else the page content streams decoded. */
export async function readPdf(path: string): Promise<{ pages: number; pageTexts: string[] }> {
  const bytes = readFileSync(path);
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPageCount();
  let pageTexts: string[];
  try {
    pageTexts = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f').slice(0, pages);
  } catch {
    pageTexts = doc.getPages().map((page) => {
      const contents = page.node.get(PDFName.of('Contents'));
      const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
      return refs
        .map((ref) => doc.context.lookup(ref as PDFRef))
        .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
        .map((s) => inflateSync(Buffer.from(s.contents)).toString('latin1'))
        .join('\n')
        .split('\n')
        .map((line) => /\((.*)\) Tj$/.exec(line)?.[1]?.replace(/\\([\\()])/g, '$1') ?? '')
        .filter(Boolean)
        .join('\n');
    });
  }
  return { pages, pageTexts };
}
