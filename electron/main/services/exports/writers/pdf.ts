import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { LIST_SEPARATOR, type ColumnKind } from '../../../../../shared/domain/export-columns';
import type { FormatWriter, WriterInput } from './types';
import { centsText, createIsoFormatter, isFiniteNumber, truthy } from './values';
import { WIN_ANSI_TO_UNICODE, pdfLiteral, toWinAnsi } from './win-ansi';

export const PDF_ROWS_PER_PAGE = 50;

const PAGE_WIDTH = 842; // A4 landscape
const PAGE_HEIGHT = 595;
const MARGIN = 36;
const TABLE_TOP = PAGE_HEIGHT - MARGIN - 14;
const ROW_HEIGHT = (TABLE_TOP - MARGIN - 24) / (PDF_ROWS_PER_PAGE + 1);
const CELL_PAD = 3;
const OUTPUT_CHUNK = 1024 * 1024;

const WEIGHTS: Record<ColumnKind, number> = {
  text: 1.4,
  list: 1.6,
  integer: 0.7,
  number: 0.9,
  money: 1,
  datetime: 1.35,
  day: 0.9,
  percent: 0.7,
  boolean: 0.6,
};
const RIGHT_ALIGNED = new Set<ColumnKind>(['integer', 'number', 'money', 'percent']);
const LIST_SEPARATORS = new RegExp(LIST_SEPARATOR, 'g');

/** Advance widths (per 1 pt of font size) of the WinAnsi bytes, measured once from the font. */
function widthTable(font: PDFFont): Float64Array {
  const table = new Float64Array(256);
  for (let code = 32; code < 256; code++) {
    const ch = WIN_ANSI_TO_UNICODE[code] ?? (code < 0x7f || code >= 0xa0 ? String.fromCharCode(code) : '?');
    try {
      table[code] = font.widthOfTextAtSize(ch, 1);
    } catch {
      table[code] = font.widthOfTextAtSize('?', 1);
    }
  }
  return table;
}

function measure(table: Float64Array, winAnsi: string, size: number): number {
  let width = 0;
  for (let i = 0; i < winAnsi.length; i++) width += table[winAnsi.charCodeAt(i)]!;
  return width * size;
}

/** Cuts text to fit `max` points, ending in an ellipsis (WinAnsi 0x85). */
function fit(table: Float64Array, winAnsi: string, size: number, max: number): string {
  if (measure(table, winAnsi, size) <= max) return winAnsi;
  const ellipsis = table[0x85]! * size;
  let width = 0;
  let end = 0;
  while (end < winAnsi.length && width + table[winAnsi.charCodeAt(end)]! * size + ellipsis <= max) {
    width += table[winAnsi.charCodeAt(end)]! * size;
    end++;
  }
  return `${winAnsi.slice(0, end)}\x85`;
}

function groupThousands(decimal: string): string {
  const negative = decimal.startsWith('-');
  const body = negative ? decimal.slice(1) : decimal;
  const dot = body.indexOf('.');
  const whole = dot === -1 ? body : body.slice(0, dot);
  const rest = dot === -1 ? '' : body.slice(dot);
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${rest}`;
}

/**
 * A PDF report: a cover page (title, time, filters, summary figures), then the table at
 * PDF_ROWS_PER_PAGE rows a page with the header repeated and "Page i of n" on every page.
 * pdf-lib holds the document until it is saved, so each page's content stream is built as
 * one string of PDF operators and deflated natively right away: far less memory and time than
 * a pdf-lib operator object per drawn cell. The row cap (setting) keeps the whole in bounds.
 */
export function createPdfWriter({ columns, sink, report, options }: WriterInput): FormatWriter {
  const kinds = columns.map((c) => c.kind);
  const width = kinds.length;
  const fontSize = width > 14 ? 5.5 : width > 10 ? 6.5 : 7.5;
  const iso = createIsoFormatter();
  const totalWeight = kinds.reduce((sum, k) => sum + WEIGHTS[k], 0);
  const columnWidths = kinds.map((k) => ((PAGE_WIDTH - 2 * MARGIN) * WEIGHTS[k]) / totalWeight);
  const columnX = columnWidths.map((_, i) => MARGIN + columnWidths.slice(0, i).reduce((a, b) => a + b, 0));
  const right = kinds.map((k) => RIGHT_ALIGNED.has(k));

  let doc: PDFDocument;
  let regular: PDFFont;
  let bold: PDFFont;
  let widths: Float64Array;
  let boldWidths: Float64Array;
  const pages: PDFPage[] = [];
  let content = '';
  let rowOnPage = 0;
  let headerOps = '';

  const display = (kind: ColumnKind, v: unknown): string => {
    if (v === null || v === undefined) return '';
    switch (kind) {
      case 'money':
        return groupThousands(centsText(v as number));
      case 'datetime':
        return iso(v as number).slice(0, 16).replace('T', ' ');
      case 'integer':
        return isFiniteNumber(v) ? groupThousands(String(v)) : '';
      case 'number':
        return isFiniteNumber(v) ? String(Math.round(v * 1e6) / 1e6) : '';
      case 'percent':
        return isFiniteNumber(v) ? `${(v * 100).toFixed(1)} %` : '';
      case 'boolean':
        return truthy(v) ? 'yes' : 'no';
      case 'list':
        return (v as string).replace(LIST_SEPARATORS, '; ');
      default:
        return String(v);
    }
  };

  const textOp = (font: 'F1' | 'F2', size: number, x: number, y: number, winAnsi: string) =>
    `/${font} ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm (${pdfLiteral(winAnsi)}) Tj\n`;

  const cellOps = (font: 'F1' | 'F2', table: Float64Array, i: number, y: number, text: string) => {
    const max = columnWidths[i]! - 2 * CELL_PAD;
    const fitted = fit(table, toWinAnsi(text), fontSize, max);
    const x = right[i] ? columnX[i]! + columnWidths[i]! - CELL_PAD - measure(table, fitted, fontSize) : columnX[i]! + CELL_PAD;
    return textOp(font, fontSize, x, y, fitted);
  };

  const newPage = (): PDFPage => {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.node.setFontDictionary(PDFName.of('F1'), regular.ref);
    page.node.setFontDictionary(PDFName.of('F2'), bold.ref);
    pages.push(page);
    return page;
  };

  const commit = (page: PDFPage, ops: string) => {
    const bytes = deflateSync(Buffer.from(ops, 'latin1'));
    page.node.addContentStream(doc.context.register(doc.context.stream(bytes, { Filter: 'FlateDecode' })));
  };

  const closeTablePage = () => {
    if (rowOnPage === 0) return;
    // A rule under the header row.
    const ruleY = TABLE_TOP - ROW_HEIGHT + 2;
    commit(pages[pages.length - 1]!, `0.6 w ${MARGIN} ${ruleY.toFixed(2)} m ${PAGE_WIDTH - MARGIN} ${ruleY.toFixed(2)} l S\nBT\n${headerOps}${content}ET\n`);
    content = '';
    rowOnPage = 0;
  };

  const cover = () => {
    const page = newPage();
    let y = PAGE_HEIGHT - MARGIN - 18;
    let ops = textOp('F2', 18, MARGIN, y, toWinAnsi(options.title ?? report.title));
    y -= 18;
    const generated = new Date(report.generatedAt).toISOString().slice(0, 16).replace('T', ' ');
    ops += textOp('F1', 9, MARGIN, y, toWinAnsi(`Generated ${generated} UTC by Spark Journal - ${report.rowsTotal.toLocaleString('en-US')} rows`));
    y -= 28;
    ops += textOp('F2', 11, MARGIN, y, 'Filters');
    for (const line of report.filters()) {
      y -= 14;
      ops += textOp('F1', 9, MARGIN + 8, y, fit(widths, toWinAnsi(line), 9, PAGE_WIDTH - 2 * MARGIN - 8));
    }
    y -= 28;
    ops += textOp('F2', 11, MARGIN, y, 'Summary');
    for (const figure of report.summary()) {
      y -= 15;
      ops += textOp('F1', 10, MARGIN + 8, y, fit(widths, toWinAnsi(figure.label), 10, 200));
      ops += textOp('F2', 10, MARGIN + 220, y, fit(boldWidths, toWinAnsi(figure.value), 10, PAGE_WIDTH - 2 * MARGIN - 220));
    }
    if (report.rowsTotal === 0) {
      y -= 28;
      ops += textOp('F1', 10, MARGIN, y, 'No rows match these filters.');
    }
    commit(page, `BT\n${ops}ET\n`);
  };

  return {
    async begin() {
      doc = await PDFDocument.create();
      doc.setTitle(options.title ?? report.title);
      doc.setCreator('Spark Journal');
      doc.setProducer('Spark Journal');
      regular = await doc.embedFont(StandardFonts.Helvetica);
      bold = await doc.embedFont(StandardFonts.HelveticaBold);
      widths = widthTable(regular);
      boldWidths = widthTable(bold);
      const headerY = TABLE_TOP - ROW_HEIGHT + 5;
      headerOps = columns.map((c, i) => cellOps('F2', boldWidths, i, headerY, c.header)).join('');
      cover();
    },
    row(values) {
      if (rowOnPage === 0) newPage();
      rowOnPage += 1;
      const y = TABLE_TOP - (rowOnPage + 1) * ROW_HEIGHT + 2;
      for (let i = 0; i < width; i++) {
        const text = display(kinds[i]!, values[i]);
        if (text !== '') content += cellOps('F1', widths, i, y, text);
      }
      if (rowOnPage === PDF_ROWS_PER_PAGE) closeTablePage();
    },
    ready: () => null,
    async finish() {
      closeTablePage();
      const total = pages.length;
      pages.forEach((page, index) => {
        const label = `Page ${index + 1} of ${total}`;
        const x = PAGE_WIDTH - MARGIN - measure(widths, label, 8);
        commit(
          page,
          `BT\n${textOp('F1', 8, x, MARGIN - 16, label)}${textOp('F1', 8, MARGIN, MARGIN - 16, toWinAnsi(`Spark Journal - ${options.title ?? report.title}`))}ET\n`,
        );
      });
      const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false });
      for (let offset = 0; offset < bytes.length; offset += OUTPUT_CHUNK) {
        sink.write(bytes.subarray(offset, Math.min(bytes.length, offset + OUTPUT_CHUNK)));
        await sink.ready();
      }
    },
  };
}
