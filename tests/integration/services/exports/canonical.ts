import type { ColumnKind, SelectedColumn } from '../../../../shared/domain/export-columns';

/**
 * One cell in a comparable form, whatever file it came from: money in integer cents, times in
 * epoch ms, days 'YYYY-MM-DD', lists as arrays, empty text as null.
 */
export type Canonical = string | number | boolean | string[] | null;
export type CanonicalRow = Canonical[];

export function csvGuarded(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Compares read-back rows with the expected ones cell by cell; returns the first difference. */
export function firstDifference(
  columns: readonly SelectedColumn[],
  actual: readonly CanonicalRow[],
  expected: readonly CanonicalRow[],
  options: { msTolerance?: number; textOf?: (kind: ColumnKind, text: string) => string } = {},
): string | null {
  if (actual.length !== expected.length) return `row count ${actual.length} != expected ${expected.length}`;
  for (let r = 0; r < expected.length; r++) {
    for (let c = 0; c < columns.length; c++) {
      const { key, kind } = columns[c]!;
      const a = actual[r]![c] ?? null;
      let e = expected[r]![c] ?? null;
      if (kind === 'list' && typeof a === 'string') e = Array.isArray(e) && e.length ? e.join('; ') : null;
      if (typeof e === 'string' && options.textOf && (kind === 'text' || kind === 'list')) e = options.textOf(kind, e);
      if (!same(kind, a, e, options.msTolerance ?? 0)) {
        return `row ${r + 1} column ${key} (${kind}): got ${JSON.stringify(a)}, expected ${JSON.stringify(e)}`;
      }
    }
  }
  return null;
}

function same(kind: ColumnKind, a: Canonical, e: Canonical, msTolerance: number): boolean {
  if (kind === 'list' && a === null) return e === null || (Array.isArray(e) && e.length === 0);
  if (kind === 'list' && !Array.isArray(a)) return a === e;
  if (kind === 'list') {
    const left = Array.isArray(a) ? a : [];
    const right = Array.isArray(e) ? e : [];
    return left.length === right.length && left.every((v, i) => v === right[i]);
  }
  if (a === null || e === null) return a === e;
  if (kind === 'datetime') return Math.abs((a as number) - (e as number)) <= msTolerance;
  if (kind === 'number' || kind === 'percent') {
    return Math.abs((a as number) - (e as number)) <= 1e-9 * Math.max(1, Math.abs(e as number));
  }
  return a === e;
}
