import { LIST_SEPARATOR } from '../../../../../shared/domain/export-columns';
import type { FormatWriter, WriterInput } from './types';
import { createDaySerial, excelSerialFromMs, isFiniteNumber, truthy } from './values';
import { ZipWriter, type ZipEntryStream } from './zip';
import { XLSX_MAX_DATA_ROWS } from '../../../../../shared/domain/export-limits';
import {
  ROOT_RELS,
  SHEET_TAIL,
  STYLE,
  rowMoneyStyle,
  columnRef,
  contentTypesXml,
  continuedSheetNames,
  corePropsXml,
  sheetHead,
  sharedStringsXml,
  stylesXml,
  workbookRelsXml,
  workbookXml,
} from './xlsx-parts';

const CHUNK_CHARS = 256 * 1024;
/** Excel's limit for the text of one cell. */
const CELL_TEXT_MAX = 32_767;
// XML 1.0 cannot carry these control characters at all; finding them is the point.
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const LIST_SEPARATORS = new RegExp(LIST_SEPARATOR, 'g');

/** Strings this short go to the shared-string table (names, symbols, statuses, tags). */
const SHARED_MAX_CHARS = 64;
/** The table stops growing here; later new strings are written inline. Bounds memory. */
const SHARED_MAX_ENTRIES = 100_000;

/** Cell text as a `<t>` element: escaped, without the control characters XML 1.0 cannot carry. */
function textElement(raw: string): string {
  const value = raw.length > CELL_TEXT_MAX ? raw.slice(0, CELL_TEXT_MAX) : raw;
  const text = XML_SPECIAL.test(value)
    ? value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    : value;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // Leading or trailing blanks survive only with xml:space="preserve".
  return first <= 32 || last <= 32 ? `<t xml:space="preserve">${text}</t>` : `<t>${text}</t>`;
}

/**
 * XLSX written as SpreadsheetML straight into a streaming ZIP: typed cells (numbers, dates as
 * date serials with a date format, money with a currency format, percents, booleans), a frozen,
 * bold header row. Short strings (accounts, symbols, statuses, tags) go to a capped shared-
 * string table, which shrinks the sheet XML (and the deflate work) by about a third; long or
 * late-coming ones are written inline, so memory stays bounded whatever the data.
 *
 * Why not exceljs's WorkbookWriter: per cell it builds Cell/Row/Style objects and it does not
 * wait for its ZIP stream to drain, so on a million rows it holds hundreds of MiB and most of
 * its time goes to that bookkeeping (see scripts/bench). The file is the same format; tests
 * read it back with exceljs.
 *
 * An Excel sheet holds 1,048,576 rows. Past that the rows continue on "Title (2)", "Title (3)",
 * each with the header row, so a journal of any size still opens in Excel. The workbook parts
 * that list the sheets are written last, once the number of sheets is known.
 */
export function createXlsxWriter(
  { columns, sink, report }: WriterInput,
  limits: { sheetRows: number } = { sheetRows: XLSX_MAX_DATA_ROWS },
): FormatWriter {
  if (!Number.isInteger(limits.sheetRows) || limits.sheetRows < 1) throw new RangeError('sheetRows must be a positive integer');
  const zip = new ZipWriter(sink, new Date(report.generatedAt));
  const kinds = columns.map((c) => c.kind);
  const width = kinds.length;
  const refs = columns.map((_, i) => columnRef(i));
  // `<c r="B` per column: the row number and the rest follow.
  const opens = refs.map((ref) => `<c r="${ref}`);
  const daySerial = createDaySerial();
  const rowStyles = report.rowCurrencies
    ? Object.assign(new Map(report.rowCurrencies.currencies.map((c, k) => [c, rowMoneyStyle(k)] as const)), { column: report.rowCurrencies.column })
    : null;
  let sheet: ZipEntryStream | null = null;
  let sheets = 0;
  let buffer = '';
  let rowNumber = 1;
  const shared = new Map<string, number>();
  const sharedItems: string[] = [];
  let sharedRefs = 0;

  /** `" t="s"><v>3</v></c>` or `" t="inlineStr"><is>...</is></c>`: the end of a text cell. */
  const textCell = (value: string): string => {
    const index = shared.get(value);
    if (index !== undefined) {
      sharedRefs += 1;
      return `" t="s"><v>${index}</v></c>`;
    }
    if (value.length <= SHARED_MAX_CHARS && sharedItems.length < SHARED_MAX_ENTRIES) {
      const added = sharedItems.length;
      shared.set(value, added);
      sharedItems.push(textElement(value));
      sharedRefs += 1;
      return `" t="s"><v>${added}</v></c>`;
    }
    return `" t="inlineStr"><is>${textElement(value)}</is></c>`;
  };

  const flush = () => {
    // While the previous sheet is still closing, rows gather in the buffer until ready().
    if (sheet === null) return;
    if (buffer.length > 0) sheet.write(buffer);
    buffer = '';
  };

  const sheetPath = () => `xl/worksheets/sheet${sheets}.xml`;

  /**
   * The previous sheet's ZIP entry must be fully deflated before the next entry's header is
   * written, and row() cannot wait; so the sheet that fills up starts closing here, and the
   * next one opens in ready() (or finish()) once it has.
   */
  let closing: Promise<void> | null = null;

  const startNextSheet = () => {
    buffer += SHEET_TAIL;
    flush();
    closing = sheet!.end();
    // Awaited in openPending; this keeps a failure from counting as unhandled before then.
    closing.catch(() => undefined);
    sheet = null;
    sheets += 1;
    buffer = sheetHead(columns, refs, false);
    rowNumber = 1;
  };

  const openPending = async () => {
    if (!closing) return;
    await closing;
    closing = null;
    sheet = zip.openStream(sheetPath());
    flush();
  };

  return {
    async begin() {
      zip.addFile('_rels/.rels', ROOT_RELS);
      zip.addFile('docProps/core.xml', corePropsXml(report.title, report.generatedAt));
      zip.addFile('xl/styles.xml', stylesXml(report.currency, report.rowCurrencies?.currencies));
      sheets = 1;
      sheet = zip.openStream(sheetPath());
      buffer = sheetHead(columns, refs, true);
    },
    row(values) {
      if (rowNumber > limits.sheetRows) startNextSheet();
      rowNumber += 1;
      const r = String(rowNumber);
      let xml = `<row r="${r}">`;
      // Each row's money in its own currency's format when the rows carry their currency.
      let moneyStyle: number = STYLE.money;
      if (rowStyles) {
        const k = rowStyles.get(values[rowStyles.column] as string);
        if (k !== undefined) moneyStyle = k;
      }
      for (let i = 0; i < width; i++) {
        const v = values[i];
        if (v === null || v === undefined) continue;
        switch (kinds[i]) {
          case 'integer':
          case 'number':
            if (isFiniteNumber(v)) xml += `${opens[i]}${r}"><v>${v}</v></c>`;
            break;
          case 'money':
            xml += `${opens[i]}${r}" s="${moneyStyle}"><v>${(v as number) / 100}</v></c>`;
            break;
          case 'datetime':
            xml += `${opens[i]}${r}" s="${STYLE.datetime}"><v>${excelSerialFromMs(v as number)}</v></c>`;
            break;
          case 'day':
            xml += `${opens[i]}${r}" s="${STYLE.day}"><v>${daySerial(v as string)}</v></c>`;
            break;
          case 'percent':
            if (isFiniteNumber(v)) xml += `${opens[i]}${r}" s="${STYLE.percent}"><v>${v}</v></c>`;
            break;
          case 'boolean':
            xml += `${opens[i]}${r}" t="b"><v>${truthy(v) ? 1 : 0}</v></c>`;
            break;
          case 'list':
            if (v !== '') xml += `${opens[i]}${r}${textCell((v as string).replace(LIST_SEPARATORS, '; '))}`;
            break;
          default: {
            const text = String(v);
            if (text !== '') xml += `${opens[i]}${r}${textCell(text)}`;
          }
        }
      }
      buffer += `${xml}</row>`;
      if (buffer.length >= CHUNK_CHARS) flush();
    },
    ready: () => {
      if (closing) return openPending().then(() => sheet!.ready() ?? undefined);
      return sheet ? sheet.ready() : sink.ready();
    },
    async finish() {
      await openPending();
      buffer += SHEET_TAIL;
      flush();
      await sheet!.end();
      zip.addFile('xl/sharedStrings.xml', sharedStringsXml(sharedItems, sharedRefs));
      zip.addFile('xl/workbook.xml', workbookXml(continuedSheetNames(report.title, sheets)));
      zip.addFile('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets));
      zip.addFile('[Content_Types].xml', contentTypesXml(sheets));
      zip.finish();
    },
  };
}
