import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';

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

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

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

function csvSource(path: string, delimiter: string): TableSource {
  const hash = createHash('sha256');
  let digest = '';
  return {
    format: 'csv',
    delimiter,
    async *rows() {
      const input = createReadStream(path);
      input.on('data', (chunk) => hash.update(chunk));
      const parser = input.pipe(
        parse({
          delimiter,
          bom: true,
          info: true,
          relax_column_count: true,
          relax_quotes: true,
          skip_empty_lines: true,
        }),
      );
      try {
        for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          const cells = item.record;
          if (cells.every((cell) => cell.trim() === '')) continue;
          yield { line: item.info.lines, cells };
        }
        digest = hash.digest('hex');
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new AppError('validation', `The file is not a readable CSV: ${message}. Save it again as CSV (UTF-8) and retry.`);
      } finally {
        input.destroy();
      }
    },
    sha256: () => digest,
  };
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
        // Only the first worksheet holds the table; later sheets (summaries) are ignored.
        for await (const worksheet of reader) {
          for await (const row of worksheet) {
            const values = row.values as ExcelJS.CellValue[];
            const cells: string[] = [];
            for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
            if (cells.every((cell) => cell.trim() === '')) continue;
            yield { line: row.number, cells };
          }
          break;
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
