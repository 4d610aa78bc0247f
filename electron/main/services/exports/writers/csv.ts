import { LIST_SEPARATOR } from '../../../../../shared/domain/export-columns';
import type { FormatWriter, WriterInput } from './types';
import { centsText, createIsoFormatter, isFiniteNumber, truthy } from './values';

const CHUNK_CHARS = 128 * 1024;
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;
const LIST_SEPARATORS = new RegExp(LIST_SEPARATOR, 'g');

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

/** RFC 4180 CSV in UTF-8 with CRLF line ends; numbers are plain, money in currency units, times ISO UTC. */
export function createCsvWriter({ columns, sink, options, csvBom }: WriterInput): FormatWriter {
  const kinds = columns.map((c) => c.kind);
  const width = kinds.length;
  const iso = createIsoFormatter();
  let buffer = '';

  const flush = () => {
    if (buffer.length > 0) sink.write(buffer);
    buffer = '';
  };

  return {
    async begin() {
      buffer = (csvBom ? '\uFEFF' : '') + columns.map((c) => csvText(c.header)).join(',') + '\r\n';
    },
    row(values) {
      let line = '';
      for (let i = 0; i < width; i++) {
        if (i > 0) line += ',';
        const v = values[i];
        if (v === null || v === undefined) continue;
        switch (kinds[i]) {
          case 'money':
            line += centsText(v as number);
            break;
          case 'datetime':
            line += iso(v as number);
            break;
          case 'integer':
          case 'number':
          case 'percent':
            if (isFiniteNumber(v)) line += v;
            break;
          case 'boolean':
            line += truthy(v) ? 'true' : 'false';
            break;
          case 'day':
            line += v as string;
            break;
          case 'list':
            line += csvText((v as string).replace(LIST_SEPARATORS, '; '));
            break;
          default:
            line += csvText(String(v));
        }
      }
      buffer += line + '\r\n';
      if (buffer.length >= CHUNK_CHARS) flush();
    },
    ready: () => sink.ready(),
    async finish(rows) {
      if (options.csvFooter) buffer += `# streamed_rows=${rows}\r\n`;
      flush();
    },
  };
}
