import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvSyntaxError, parseCsvRows, type CsvRow } from '../../../../electron/main/services/import/csv-rows';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function rows(text: string, delimiter = ',', size = 1 << 20): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const row of parseCsvRows(chunked(text, size), delimiter)) out.push(row);
  return out;
}

const AWKWARD = [
  'a,b,c\r\nd,e,f\r\n',
  'a,b\nc,d',
  'name,note\n"Smith, J.","said ""hi"""\n',
  'x,"multi\nline\nnote",y\nnext,row,here\n',
  'x,"crlf\r\ninside",y\r\nz,w,v\r\n',
  'a,,c\n,,\n\n\nd,e,\n',
  '"",""\n"a"\n',
  'unicode,ünïcödé – “smart” € 日本\n',
  'a;b;"c;d"\n1;2,5;3\n',
  'trailing,comma,\nx,y,\n',
  '"quoted at end"',
];

describe('parseCsvRows', () => {
  it.each(AWKWARD)('reads %j like csv-parse, in any chunking', async (text) => {
    const delimiter = text.includes(';') ? ';' : ',';
    const expected = (parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][]);
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
      expect((await rows(text, delimiter, size)).map((r) => r.cells), `chunk ${size}`).toEqual(expected);
    }
  });

  it('numbers rows by the physical line they start on, across quoted line breaks and blank lines', async () => {
    const text = 'h1,h2\r\n\r\na,"one\r\ntwo"\r\nb,c\r\n\r\nd,e';
    for (const size of [1, 5, 100]) {
      expect((await rows(text, ',', size)).map((r) => [r.line, r.cells[0]])).toEqual([
        [1, 'h1'],
        [3, 'a'],
        [5, 'b'],
        [7, 'd'],
      ]);
    }
  });

  it('strips a BOM, reads old-Mac CR line ends and tabs', async () => {
    expect((await rows('\uFEFFa\tb\rc\td\r', '\t', 2)).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps a stray quote inside an unquoted field as text', async () => {
    expect((await rows('5" screen,x\n')).map((r) => r.cells)).toEqual([['5" screen', 'x']]);
  });

  it('reports a quote that is never closed with its line', async () => {
    await expect(rows('a,b\nc,"never closed\nmore')).rejects.toBeInstanceOf(CsvSyntaxError);
    await expect(rows('a,b\nc,"never closed\nmore')).rejects.toMatchObject({ line: 2 });
  });
});
