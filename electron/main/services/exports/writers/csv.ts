import { LIST_SEPARATOR } from '../../../../../shared/domain/export-columns';
import type { FormatWriter, WriterInput } from './types';
import { isFiniteNumber, truthy } from './values';
import { ByteBuilder } from './byte-builder';
import { Cell, cellsOf } from './cell-kinds';

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;
const LIST_SEPARATORS = new RegExp(LIST_SEPARATOR, 'g');
const COMMA = 44;

/**
 * A text cell per RFC 4180, with the formula-injection guard: a cell a spreadsheet would
 * run as a formula (= + - @, or a leading tab or CR) gets a leading apostrophe.
 */
export function csvText(value: string): string {
  if (value === '') return '';
  const first = value.charCodeAt(0);
  const text = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/**
 * RFC 4180 CSV in UTF-8 with CRLF line ends; numbers are plain, money in currency units, times
 * ISO 8601 UTC. Cells are written as bytes (ByteBuilder): the hot loop of a million-row export.
 */
/**
 * RFC 4180 CSV in UTF-8 with CRLF line ends; numbers are plain, money in currency units, times
 * ISO 8601 UTC. Cells are written as bytes (ByteBuilder): the hot loop of a million-row export.
 */
export function createCsvWriter({ columns, sink, options, csvBom }: WriterInput): FormatWriter {
  const cells = cellsOf(columns);
  const width = cells.length;
  const out = new ByteBuilder(sink);

  const text = (value: string) => {
    if (value !== '') out.csvCell(value, csvText);
  };

  return {
    async begin() {
      if (csvBom) out.utf8('\uFEFF');
      out.utf8(`${columns.map((c) => csvText(c.header)).join(',')}\r\n`);
    },
    row(values) {
      for (let i = 0; i < width; i++) {
        if (i > 0) {
          out.ensure(1);
          out.byte(COMMA);
        }
        const v = values[i];
        if (v === null || v === undefined) continue;
        switch (cells[i]) {
          case Cell.Money:
            if (Number.isSafeInteger(v)) out.cents(v as number);
            else if (isFiniteNumber(v)) out.ascii((v / 100).toFixed(2));
            break;
          case Cell.Time:
            out.iso(v as number, i);
            break;
          case Cell.Number:
            if (Number.isSafeInteger(v)) out.int(v as number);
            else if (isFiniteNumber(v)) out.number(v);
            break;
          case Cell.Boolean:
            out.ascii(truthy(v) ? 'true' : 'false');
            break;
          case Cell.Day:
            out.ascii(v as string);
            break;
          case Cell.List: {
            const list = v as string;
            text(list.indexOf(LIST_SEPARATOR) === -1 ? list : list.replace(LIST_SEPARATORS, '; '));
            break;
          }
          default:
            text(typeof v === 'string' ? v : String(v));
        }
      }
      out.ensure(2);
      out.byte(13);
      out.byte(10);
    },
    ready: () => sink.ready(),
    async finish(rows) {
      if (options.csvFooter) out.ascii(`# streamed_rows=${rows}\r\n`);
      out.flush();
    },
  };
}
