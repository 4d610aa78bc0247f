import { createHash } from 'node:crypto';
import type { RowData } from './row-reader';

export interface KeyedRow<R extends RowData = RowData> {
  row: R;
  /** The dedupe key: stable across re-exports of the same broker data, never derived from editable fields. */
  key: string;
}

export interface KeyedRows {
  keyed: KeyedRow[];
  /** Rows repeating an execution or trade id already seen earlier in the same file. */
  repeatedIds: RowData[];
}

function contentOf(row: RowData): string {
  const account = row.account ?? '';
  const symbol = row.symbol.toUpperCase();
  if (row.kind === 'fill') {
    return `f|${account}|${symbol}|${row.side}|${row.qty}|${row.price}|${row.executedAt}`;
  }
  return `t|${account}|${symbol}|${row.direction}|${row.openedAt}|${row.closedAt ?? ''}|${row.qty}|${row.entryPrice}|${row.exitPrice ?? ''}`;
}

/**
 * Keys rows for deduplication. A broker's execution (or trade) id is the key when the
 * layout has one: a repeat of the same id inside one file is a duplicate row. Without an
 * id the key is a hash of the execution facts plus how many identical rows came before it
 * in this file, so two genuinely identical fills both land while a re-import of the same
 * file, or a later export that overlaps it, produces the same keys again.
 */
export function assignKeys(rows: RowData[]): KeyedRows {
  const keyed: KeyedRow[] = [];
  const repeatedIds: RowData[] = [];
  const seenIds = new Set<string>();
  const occurrences = new Map<string, number>();
  for (const row of rows) {
    // A journal export's row carries the key the trade was first imported under: it stays the key.
    const kept = row.kind === 'trade' ? row.externalId : null;
    const id = row.kind === 'fill' ? row.execId : kept ?? row.tradeId;
    if (id !== null) {
      const key = kept ?? `${row.kind === 'fill' ? 'x' : 't'}:${id}`;
      const scoped = `${row.account ?? ''}\u0000${key}`;
      if (seenIds.has(scoped)) {
        repeatedIds.push(row);
        continue;
      }
      seenIds.add(scoped);
      keyed.push({ row, key });
      continue;
    }
    const digest = createHash('sha1').update(contentOf(row)).digest('base64url').slice(0, 22);
    const n = (occurrences.get(digest) ?? 0) + 1;
    occurrences.set(digest, n);
    keyed.push({ row, key: `h:${digest}#${n}` });
  }
  return { keyed, repeatedIds };
}
