import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { CsvSyntaxError, parseCsvRows } from './csv-rows';

export type TableFormat = 'csv' | 'xlsx';

export interface TableRow {
  /** 1-based line (CSV) or worksheet row (XLSX) number, as the user sees it in an editor or Excel. */
  line: number;
  cells: string[];
}

export interface TableSource {
  format: TableFormat;
  /** The CSV delimiter found by sniffing; ',' for XLSX. */
  delimiter: string;
  /** Streams the rows; blank rows are skipped. Iterate once. */
  rows(): AsyncIterable<TableRow>;
  /** SHA-256 of the file's bytes; complete once rows() has been read to the end. */
  sha256(): string;
}

/** Files above this size are refused with a clear message rather than exhausting memory. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const SNIFF_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

/** Count of `delimiter` outside double quotes in one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count += 1;
  }
  return count;
}

/** The delimiter that splits the first lines into the most columns (headers have the most). */
export function sniffDelimiter(head: string): string {
  const lines = head
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const most = Math.max(0, ...lines.map((line) => countOutsideQuotes(line, delimiter)));
    if (most > bestCount) {
      best = delimiter;
      bestCount = most;
    }
  }
  return best;
}

type SharedStrings = readonly (string | { richText: { text: string }[] })[];

function cellText(value: ExcelJS.CellValue | { sharedString: number }, shared: SharedStrings | null): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('sharedString' in value) {
      const text = shared?.[value.sharedString];
      return text === undefined ? '' : cellText(text as ExcelJS.CellValue, null);
    }
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue, shared);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

const hasSharedString = (values: unknown[]): boolean =>
  values.some((v) => typeof v === 'object' && v !== null && 'sharedString' in v);

async function assertReadable(path: string): Promise<number> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('validation', `${path} is not a file. Choose a CSV or XLSX file to import.`);
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('io', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}. Check that the file exists and is not open in another program.`);
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError('limit', `The file is ${Math.round(size / 1048576)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1048576} MB. Split it into smaller files.`);
  }
  return size;
}

/** The file as UTF-8 text chunks (multi-byte characters split across chunks are joined), hashed on the way. */
async function* textChunks(path: string, hash: ReturnType<typeof createHash>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of input) {
      hash.update(chunk as Buffer);
      const text = decoder.write(chunk as Buffer);
      if (text.length > 0) yield text;
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  } finally {
    input.destroy();
  }
}

function csvSource(path: string, delimiter: string): TableSource {
  const hash = createHash('sha256');
  let digest = '';
  return {
    format: 'csv',
    delimiter,
    async *rows() {
      try {
        for await (const row of parseCsvRows(textChunks(path, hash), delimiter)) {
          const cells = row.cells;
          let blank = true;
          for (const cell of cells) {
            if (cell.trim() !== '') {
              blank = false;
              break;
            }
          }
          if (blank) continue;
          yield row;
        }
        digest = hash.digest('hex');
      } catch (error) {
        if (error instanceof CsvSyntaxError) {
          throw new AppError('validation', `Row ${error.line}: ${error.message}. Fix the quote in the file (or save it again as CSV) and retry.`);
        }
        const code = (error as NodeJS.ErrnoException).code;
        throw new AppError('io', `Cannot read ${path}: ${code ?? (error as Error).message}. Check that the file still exists and is readable.`);
      }
    },
    sha256: () => digest,
  };
}

async function readFirstSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('validation', 'The workbook has no worksheet. Export the trades again.');
  return sheet;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function xlsxSource(path: string): TableSource {
  let digest = '';
  return {
    format: 'xlsx',
    delimiter: ',',
    async *rows() {
      const input = createReadStream(path);
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'cache',
        entries: 'ignore',
      });
      try {
        // Only the first worksheet holds the table; later sheets are read past, not used.
        // Writers that put the shared-string table after the sheet (ours, streaming) leave
        // {sharedString: n} placeholders: those rows wait until the table has been read.
        let sheets = 0;
        let waiting: { line: number; values: unknown[] }[] | null = null;
        for await (const worksheet of reader) {
          sheets += 1;
          for await (const row of worksheet) {
            if (sheets > 1) continue;
            // row.values is sparse and 1-based: Array.from turns holes into empty cells.
            const values = Array.from((row.values as unknown[]).slice(1));
            if (waiting === null && !hasSharedString(values)) {
              const cells = values.map((v) => cellText(v as ExcelJS.CellValue, null));
              if (cells.some((cell) => cell.trim() !== '')) yield { line: row.number, cells };
              continue;
            }
            (waiting ??= []).push({ line: row.number, values });
          }
        }
        if (waiting !== null) {
          const shared = (reader as unknown as { sharedStrings?: SharedStrings }).sharedStrings ?? null;
          // exceljs's streaming reader sometimes never reaches a shared-string table stored
          // after the sheet (it loses it for zips written with data descriptors, like our
          // exports): then the workbook is read whole, through its central directory.
          const sheet = shared === null ? await readFirstSheet(path) : null;
          for (const { line, values } of waiting) {
            const resolved = sheet ? Array.from((sheet.getRow(line).values as unknown[]).slice(1)) : values;
            const cells = resolved.map((v) => cellText(v as ExcelJS.CellValue, shared));
            if (cells.some((cell) => cell.trim() !== '')) yield { line, cells };
          }
        }
        digest = await hashFile(path);
      } catch (error) {
        if (error instanceof AppError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new AppError('validation', `The file is not a readable XLSX workbook: ${message}. Open it in Excel and save it again, or export CSV.`);
      } finally {
        input.destroy();
      }
    },
    sha256: () => digest,
  };
}

/** Opens a CSV (any delimiter, with or without BOM) or an XLSX workbook as a stream of rows. */
export async function openTableSource(path: string): Promise<TableSource> {
  await assertReadable(path);
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx') return xlsxSource(path);
  if (extension === '.xls') {
    throw new AppError('validation', 'Old .xls workbooks cannot be read. Open the file in Excel and save it as .xlsx or CSV.');
  }
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return xlsxSource(path);
    if (head.includes(0)) {
      throw new AppError('validation', 'The file looks binary, not like CSV text. Choose the CSV or XLSX file your broker exported.');
    }
    return csvSource(path, sniffDelimiter(head.toString('utf8')));
  } finally {
    await handle.close();
  }
}
