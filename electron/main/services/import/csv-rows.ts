/**
 * A streaming CSV reader (RFC 4180, lenient like spreadsheets): quoted fields with "" escapes
 * and line breaks, CRLF / LF / CR line ends, a leading BOM, blank lines skipped, a stray quote
 * inside an unquoted field kept as text, rows of any width.
 *
 * Why not csv-parse: on a 100,000-row broker export it spent over a second per import slicing
 * a Buffer for every field and building per-record info objects, about half the 3 s budget.
 * Rows without a quote (nearly all of them) are split with one String#split here; only rows
 * holding a quote take the character loop. tests/unit/services/import/csv-rows.test.ts
 * checks it against csv-parse on awkward input.
 */
export interface CsvRow {
  /** 1-based physical line on which the record starts. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Longest record (in characters) a file may hold; a runaway quote otherwise swallows the file. */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

export async function* parseCsvRows(chunks: AsyncIterable<string>, delimiter: string): AsyncGenerator<CsvRow> {
  if (delimiter.length !== 1) throw new Error('parseCsvRows: the delimiter must be one character');
  const delim = delimiter.charCodeAt(0);
  let buffer = '';
  let pos = 0;
  let line = 1;
  let first = true;
  let done = false;
  // Next \n, \r and quote at or after pos; -1 = none in the buffer, -2 = not searched yet.
  // Cached so a file without any \r or quote is not rescanned to its end for every line.
  let lfAt = -2;
  let crAt = -2;
  let quoteAt = -2;
  const iterator = chunks[Symbol.asyncIterator]();

  const more = async (): Promise<boolean> => {
    if (done) return false;
    const next = await iterator.next();
    if (next.done) {
      done = true;
      return false;
    }
    let text = next.value;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    buffer = buffer.slice(pos) + text;
    pos = 0;
    lfAt = crAt = quoteAt = -2;
    return true;
  };
  const seek = (cached: number, ch: string): number => (cached === -1 || cached >= pos ? cached : buffer.indexOf(ch, pos));

  for (;;) {
    // A complete physical line must be in the buffer (or the input must have ended).
    for (;;) {
      lfAt = seek(lfAt, '\n');
      crAt = seek(crAt, '\r');
      if (lfAt >= 0 || (crAt >= 0 && crAt < buffer.length - 1)) break;
      if (!(await more())) break;
    }
    if (pos >= buffer.length && done) return;
    // The line ends at the first \n or a lone \r (old Mac files), whichever comes first.
    let end: number;
    let next: number;
    if (crAt >= 0 && (lfAt < 0 || crAt < lfAt)) {
      end = crAt;
      next = buffer.charCodeAt(crAt + 1) === 10 ? crAt + 2 : crAt + 1;
    } else if (lfAt >= 0) {
      end = lfAt;
      next = lfAt + 1;
    } else {
      end = buffer.length;
      next = buffer.length;
    }
    quoteAt = seek(quoteAt, '"');
    if (quoteAt < 0 || quoteAt >= end) {
      const start = line;
      const text = buffer.slice(pos, end);
      pos = next;
      line += 1;
      if (text.length === 0) continue;
      yield { line: start, cells: text.split(delimiter) };
      continue;
    }

    // A record with quotes: walk it character by character; quoted fields may span lines.
    const start = line;
    const cells: string[] = [];
    let field = '';
    let i = pos;
    let atFieldStart = true;
    let quoted = false;
    const refill = async (): Promise<boolean> => {
      const offset = i - pos;
      const got = await more();
      i = pos + offset;
      if (i > MAX_RECORD_CHARS) {
        throw new CsvSyntaxError(`The record starting on line ${start} is longer than 8 MB; a quote is probably never closed`, start);
      }
      return got;
    };
    for (;;) {
      if (i >= buffer.length) {
        if (await refill()) continue;
        if (quoted) throw new CsvSyntaxError(`A quoted field opened on line ${start} is never closed`, start);
        break;
      }
      const ch = buffer.charCodeAt(i);
      if (quoted) {
        if (ch === 34) {
          // The next character tells "" (an escaped quote) from the closing quote.
          if (i + 1 >= buffer.length && (await refill())) continue;
          if (buffer.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i += 1;
          }
          continue;
        }
        if (ch === 10 || (ch === 13 && buffer.charCodeAt(i + 1) !== 10)) line += 1;
        field += buffer[i];
        i += 1;
        continue;
      }
      if (ch === 34 && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        i += 1;
        continue;
      }
      if (ch === delim) {
        cells.push(field);
        field = '';
        atFieldStart = true;
        i += 1;
        continue;
      }
      if (ch === 10 || ch === 13) {
        // The record ends; \r\n counts as one line end.
        if (ch === 13 && i + 1 >= buffer.length && (await refill())) continue;
        i += ch === 13 && buffer.charCodeAt(i + 1) === 10 ? 2 : 1;
        break;
      }
      atFieldStart = false;
      field += buffer[i];
      i += 1;
    }
    cells.push(field);
    pos = i;
    line += 1;
    yield { line: start, cells };
  }
}
