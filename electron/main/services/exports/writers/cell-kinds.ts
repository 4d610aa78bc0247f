import type { SelectedColumn } from '../../../../../shared/domain/export-columns';

/** How the byte writers (CSV, JSON) render a column: small integers, so a row's switch is a jump table. */
export const enum Cell {
  Text,
  Money,
  Time,
  Number,
  Boolean,
  Day,
  List,
}

export function cellOf(kind: SelectedColumn['kind']): Cell {
  switch (kind) {
    case 'money':
      return Cell.Money;
    case 'datetime':
      return Cell.Time;
    case 'integer':
    case 'number':
    case 'percent':
      return Cell.Number;
    case 'boolean':
      return Cell.Boolean;
    case 'day':
      return Cell.Day;
    case 'list':
      return Cell.List;
    default:
      return Cell.Text;
  }
}

export const cellsOf = (columns: readonly SelectedColumn[]) => Uint8Array.from(columns, (c) => cellOf(c.kind));
