import { LIST_SEPARATOR } from '../../../../../shared/domain/export-columns';
import type { FormatWriter, WriterInput } from './types';
import { centsText, createIsoFormatter, isFiniteNumber, truthy } from './values';

const CHUNK_CHARS = 128 * 1024;

/**
 * A streamed JSON array of objects (or NDJSON, one object a line). Keys are the column keys,
 * or the header alias when the user gave one; money is a number in currency units.
 */
export function createJsonWriter({ columns, sink, options }: WriterInput): FormatWriter {
  const ndjson = options.jsonStyle === 'ndjson';
  const kinds = columns.map((c) => c.kind);
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.aliased ? c.header : c.key)}:`);
  const width = kinds.length;
  const iso = createIsoFormatter();
  let buffer = '';
  let first = true;

  const flush = () => {
    if (buffer.length > 0) sink.write(buffer);
    buffer = '';
  };

  const value = (kind: string, v: unknown): string => {
    if (v === null || v === undefined) return kind === 'list' ? '[]' : 'null';
    switch (kind) {
      case 'money':
        return centsText(v as number);
      case 'datetime':
        return `"${iso(v as number)}"`;
      case 'integer':
      case 'number':
      case 'percent':
        return isFiniteNumber(v) ? String(v) : 'null';
      case 'boolean':
        return truthy(v) ? 'true' : 'false';
      case 'list':
        return JSON.stringify((v as string).split(LIST_SEPARATOR));
      default:
        return JSON.stringify(String(v));
    }
  };

  return {
    async begin() {
      buffer = ndjson ? '' : '[';
    },
    row(values) {
      let line = ndjson ? '' : first ? '\n' : ',\n';
      first = false;
      for (let i = 0; i < width; i++) line += keys[i]! + value(kinds[i]!, values[i]);
      buffer += ndjson ? `${line}}\n` : `${line}}`;
      if (buffer.length >= CHUNK_CHARS) flush();
    },
    ready: () => sink.ready(),
    async finish() {
      if (!ndjson) buffer += first ? ']\n' : '\n]\n';
      flush();
    },
  };
}
