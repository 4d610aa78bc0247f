import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, type PDFPage } from 'pdf-lib';
import { LIST_SEPARATOR, type ColumnKind } from '../../../../../shared/domain/export-columns';
import type { FormatWriter, WriterInput } from './types';
import { centsText, createIsoFormatter, isFiniteNumber, truthy } from './values';
import { PdfText, type TextStyle } from './pdf-text';

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
 * Text is any Unicode (see PdfText: Noto subsets, fallbacks for Hebrew, Arabic, CJK and emoji,
 * right-to-left in visual order). pdf-lib holds the document until it is saved, so each page's
 * content stream is built as one string of PDF operators and deflated natively right away:
 * far less memory and time than a pdf-lib operator object per drawn cell. Rows wait (a chunk
 * at most) until the fonts their text needs are embedded. The row cap (setting) keeps the
 * whole in bounds.
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
  const title = options.title ?? report.title;

  let doc: PDFDocument;
  let text: PdfText;
  const pages: PDFPage[] = [];
  let content = '';
  let rowOnPage = 0;
  let headerOps = '';
  let pending: string[][] = [];

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

  /** Text at (x, y), cut to `max` points; right-aligned text ends at x. */
  const textOp = (style: TextStyle, size: number, x: number, y: number, value: string, max = Number.POSITIVE_INFINITY, alignRight = false) => {
    const laid = text.layout(value, style, size, max);
    const left = alignRight ? x - laid.width : x;
    return `1 0 0 1 ${left.toFixed(2)} ${y.toFixed(2)} Tm ${laid.ops}`;
  };

  const cellOps = (style: TextStyle, i: number, y: number, value: string) => {
    const max = columnWidths[i]! - 2 * CELL_PAD;
    return right[i]
      ? textOp(style, fontSize, columnX[i]! + columnWidths[i]! - CELL_PAD, y, value, max, true)
      : textOp(style, fontSize, columnX[i]! + CELL_PAD, y, value, max);
  };

  const newPage = (): PDFPage => {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    pages.push(page);
    return page;
  };

  /** Adds a content stream; the page's font dictionary names every font embedded so far. */
  const commit = (page: PDFPage, ops: string) => {
    for (const font of text.fonts()) page.node.setFontDictionary(PDFName.of(font.name), font.ref);
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

  const drawRow = (cells: string[]) => {
    if (rowOnPage === 0) newPage();
    rowOnPage += 1;
    const y = TABLE_TOP - (rowOnPage + 1) * ROW_HEIGHT + 2;
    for (let i = 0; i < width; i++) {
      if (cells[i] !== '') content += cellOps('regular', i, y, cells[i]!);
    }
    if (rowOnPage === PDF_ROWS_PER_PAGE) closeTablePage();
  };

  const drawPending = () => {
    for (const cells of pending) drawRow(cells);
    pending = [];
  };

  /** Embeds the fonts that `texts` need (none, mostly). */
  const prepare = async (texts: Iterable<string>) => {
    for (const t of texts) text.need(t);
    if (text.hasNeeds()) await text.embedNeeded();
  };

  const cover = async () => {
    const filters = report.filters();
    const summary = report.summary();
    const generated = new Date(report.generatedAt).toISOString().slice(0, 16).replace('T', ' ');
    const subtitle = `Generated ${generated} UTC by Spark Journal - ${report.rowsTotal.toLocaleString('en-US')} rows`;
    await prepare([title, subtitle, ...filters, ...summary.flatMap((f) => [f.label, f.value]), ...columns.map((c) => c.header), `Spark Journal - ${title}`]);
    const page = newPage();
    let y = PAGE_HEIGHT - MARGIN - 18;
    let ops = textOp('bold', 18, MARGIN, y, title, PAGE_WIDTH - 2 * MARGIN);
    y -= 18;
    ops += textOp('regular', 9, MARGIN, y, subtitle);
    y -= 28;
    ops += textOp('bold', 11, MARGIN, y, 'Filters');
    for (const line of filters) {
      y -= 14;
      ops += textOp('regular', 9, MARGIN + 8, y, line, PAGE_WIDTH - 2 * MARGIN - 8);
    }
    y -= 28;
    ops += textOp('bold', 11, MARGIN, y, 'Summary');
    for (const figure of summary) {
      y -= 15;
      ops += textOp('regular', 10, MARGIN + 8, y, figure.label, 200);
      ops += textOp('bold', 10, MARGIN + 220, y, figure.value, PAGE_WIDTH - 2 * MARGIN - 220);
    }
    if (report.rowsTotal === 0) {
      y -= 28;
      ops += textOp('regular', 10, MARGIN, y, 'No rows match these filters.');
    }
    commit(page, `BT\n${ops}ET\n`);
  };

  return {
    async begin() {
      doc = await PDFDocument.create();
      doc.setTitle(title);
      doc.setCreator('Spark Journal');
      doc.setProducer('Spark Journal');
      text = await PdfText.create(doc);
      await cover();
      const headerY = TABLE_TOP - ROW_HEIGHT + 5;
      headerOps = columns.map((c, i) => cellOps('bold', i, headerY, c.header)).join('');
    },
    row(values) {
      const cells = new Array<string>(width);
      for (let i = 0; i < width; i++) {
        const value = display(kinds[i]!, values[i]);
        cells[i] = value;
        if (value !== '') text.need(value);
      }
      pending.push(cells);
      // Without new fonts to embed, rows are drawn at once; otherwise they wait for ready(),
      // which the run loop awaits every chunk of rows (so at most a chunk waits).
      if (!text.hasNeeds()) drawPending();
    },
    ready() {
      if (pending.length === 0) return null;
      if (!text.hasNeeds()) {
        drawPending();
        return null;
      }
      return text.embedNeeded().then(drawPending);
    },
    async finish() {
      if (text.hasNeeds()) await text.embedNeeded();
      drawPending();
      closeTablePage();
      const total = pages.length;
      const footer = `Spark Journal - ${title}`;
      pages.forEach((page, index) => {
        commit(
          page,
          `BT\n${textOp('regular', 8, PAGE_WIDTH - MARGIN, MARGIN - 16, `Page ${index + 1} of ${total}`, Number.POSITIVE_INFINITY, true)}${textOp('regular', 8, MARGIN, MARGIN - 16, footer, PAGE_WIDTH - 2 * MARGIN - 80)}ET\n`,
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
