import { LIST_SEPARATOR } from '../../../../../shared/domain/export-columns';
import type { FormatWriter, WriterInput } from './types';
import { centsText, isFiniteNumber, truthy } from './values';
import { ByteBuilder } from './byte-builder';
import { Cell, cellsOf } from './cell-kinds';

const ascii = (text: string) => Buffer.from(text, 'utf8');
const NULL = ascii('null');
const EMPTY_LIST = ascii('[]');

/**
 * A streamed JSON array of objects (or NDJSON, one object a line). Keys are the column keys,
 * or the header alias when the user gave one; money is a number in currency units. Like the
 * CSV writer it writes bytes (ByteBuilder), with each key encoded once.
 */
export function createJsonWriter({ columns, sink, options }: WriterInput): FormatWriter {
  const ndjson = options.jsonStyle === 'ndjson';
  const cells = cellsOf(columns);
  const keys = columns.map((c, i) => ascii(`${i === 0 ? '{' : ','}${JSON.stringify(c.aliased ? c.header : c.key)}:`));
  const width = cells.length;
  const out = new ByteBuilder(sink);
  const rowStart = ascii(ndjson ? '' : '\n');
  const nextRowStart = ascii(ndjson ? '' : ',\n');
  const rowEnd = ascii(ndjson ? '}\n' : '}');
  let first = true;

  return {
    async begin() {
      if (!ndjson) out.ascii('[');
    },
    row(values) {
      out.bytes(first ? rowStart : nextRowStart);
      first = false;
      for (let i = 0; i < width; i++) {
        out.bytes(keys[i]!);
        const v = values[i];
        const cell = cells[i];
        if (v === null || v === undefined) {
          out.bytes(cell === Cell.List ? EMPTY_LIST : NULL);
          continue;
        }
        switch (cell) {
          case Cell.Money:
            if (Number.isSafeInteger(v)) out.cents(v as number);
            else out.ascii(centsText(v as number));
            break;
          case Cell.Time:
            out.ensure(1);
            out.byte(34);
            out.iso(v as number, i);
            out.ensure(1);
            out.byte(34);
            break;
          case Cell.Number:
            if (Number.isSafeInteger(v)) out.int(v as number);
            else if (isFiniteNumber(v)) out.number(v);
            else out.bytes(NULL);
            break;
          case Cell.Boolean:
            out.ascii(truthy(v) ? 'true' : 'false');
            break;
          case Cell.List:
            out.utf8(JSON.stringify((v as string).split(LIST_SEPARATOR)));
            break;
          default:
            out.jsonString(typeof v === 'string' ? v : String(v));
        }
      }
      out.bytes(rowEnd);
    },
    ready: () => sink.ready(),
    async finish() {
      if (!ndjson) out.ascii(first ? ']\n' : '\n]\n');
      out.flush();
    },
  };
}
