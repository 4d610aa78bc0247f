import type { ImportPresetDefinition } from '../../../../shared/domain/import-preset';
import type { ImportMissingColumn, ImportRowError } from '../../../../shared/domain/import-result';
import type { ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { compileLayout, normalizeHeaders, type Layout } from './layout';
import { createRowReader, type RowData } from './row-reader';
import type { DecimalMark } from './parse-number';
import type { TableRow, TableSource } from './table-source';

/** Rows above the header a file may carry (IBKR "MSG" lines, MetaTrader report titles). */
export const MAX_PREAMBLE_ROWS = 50;
/** Errors kept in memory and reported; the count is always complete. */
export const MAX_REPORTED_ERRORS = 200;
const FOOTER = /^# streamed_rows=\d+$/;

export interface HeaderSearch {
  headers: string[];
  headerRow: number;
  layout: Layout;
  /** Null when the header row was found; else what the best candidate lacked. */
  missing: ImportMissingColumn[];
}

/** The effective decimal mark: explicit in the preset, else ',' for semicolon CSVs (European Excel). */
export function decimalFor(preset: ImportPresetDefinition, source: TableSource): DecimalMark {
  if (source.format === 'xlsx') return '.';
  if (preset.decimal !== 'auto') return preset.decimal;
  return source.delimiter === ';' ? ',' : '.';
}

type SectionOptions = Pick<ImportPresetDefinition, 'section' | 'headerRow'>;

/**
 * Which rows belong to the table: those of the preset's section only (all rows without one),
 * none above the header row the user picked. 'end' when the section is over.
 */
export function createSectionGate(preset: SectionOptions): (row: TableRow) => 'keep' | 'skip' | 'end' {
  const section = preset.section;
  const name = section?.name.toLowerCase();
  const from = preset.headerRow ?? 0;
  let inside = false;
  return (row) => {
    if (row.line < from) return 'skip';
    if (section === undefined) return 'keep';
    if (section.style === 'firstCell') return (row.cells[0] ?? '').trim().toLowerCase() === name ? 'keep' : 'skip';
    // A title row holds one non-empty cell: the section's own name opens it, another title closes it.
    let filled = 0;
    let title = '';
    for (const cell of row.cells) {
      if (cell.trim() !== '') {
        filled += 1;
        title = cell.trim();
      }
    }
    if (filled === 1 && title.toLowerCase() === name) {
      inside = true;
      return 'skip';
    }
    if (!inside) return 'skip';
    if (filled === 1 && !/\d/.test(title)) return 'end';
    return 'keep';
  };
}

/**
 * The rows of the table (see createSectionGate). Rows outside the section do not count
 * towards the preamble limit: an IBKR statement has hundreds of rows of other sections first.
 */
export async function* sectionRows(rows: AsyncIterable<TableRow>, preset: SectionOptions): AsyncGenerator<TableRow> {
  const gate = createSectionGate(preset);
  for await (const row of rows) {
    const verdict = gate(row);
    if (verdict === 'end') return;
    if (verdict === 'keep') yield row;
  }
}

/**
 * Scans the first rows for the one holding every required header of the preset.
 * Returns the header search after consuming up to and including the header row; when no
 * row qualifies, the first non-empty row is reported with what it misses.
 */
export async function findHeaderRow(
  iterator: AsyncIterator<TableRow>,
  preset: ImportPresetDefinition,
): Promise<HeaderSearch | null> {
  let first: HeaderSearch | null = null;
  for (let seen = 0; seen < MAX_PREAMBLE_ROWS; seen += 1) {
    const next = await iterator.next();
    if (next.done) break;
    const headers = normalizeHeaders(next.value.cells);
    const layout = compileLayout(preset, headers);
    const search = { headers, headerRow: next.value.line, layout, missing: layout.missing };
    // The row the user picked is the header, whatever it lacks.
    if (layout.missing.length === 0 || preset.headerRow !== undefined) return search;
    if (first === null || headers.length > first.headers.length) first = search;
  }
  return first;
}

export interface ReadResult {
  search: HeaderSearch;
  rows: RowData[];
  rowCount: number;
  errorRows: number;
  errors: ImportRowError[];
}

export interface ReadOptions {
  preset: ImportPresetDefinition;
  calendar: ZoneCalendar;
  /** Stop after this many data rows (the preview); all rows when omitted. */
  limit?: number;
}

/** Streams the file through the preset: every data row becomes a typed row or precise errors. */
export async function readRows(source: TableSource, options: ReadOptions): Promise<ReadResult | { search: HeaderSearch | null; missing: true }> {
  const { preset, calendar, limit } = options;
  const iterator = sectionRows(source.rows(), preset)[Symbol.asyncIterator]();
  try {
    const search = await findHeaderRow(iterator, preset);
    if (search === null || search.missing.length > 0) return { search, missing: true };
    const readerFor = (layout: Layout) =>
      createRowReader({
        preset,
        layout,
        decimal: decimalFor(preset, source),
        calendar,
        unguard: preset.formulaGuard && source.format === 'csv',
      });
    let read = readerFor(search.layout);
    // A statement repeats its header inside the section (IBKR: one per asset class, columns may differ).
    const symbolHeader = preset.section ? preset.columns.symbol?.toLowerCase() : undefined;
    const stops = new Set(preset.stopAtFirstCell.map((cell) => cell.toLowerCase()));
    const rows: RowData[] = [];
    const errors: ImportRowError[] = [];
    let rowCount = 0;
    let errorRows = 0;
    for (;;) {
      if (limit !== undefined && rowCount >= limit) break;
      const next = await iterator.next();
      if (next.done) break;
      const { cells, line } = next.value;
      if (stops.size > 0 && stops.has((cells[0] ?? '').trim().toLowerCase())) break;
      // The exports' optional "# streamed_rows=N" footer is not data.
      if (cells.length === 1 && FOOTER.test(cells[0]!)) continue;
      if (symbolHeader !== undefined && cells.some((cell) => cell.trim().toLowerCase() === symbolHeader)) {
        const headers = normalizeHeaders(cells);
        const layout = compileLayout(preset, headers);
        if (layout.missing.length === 0) {
          read = readerFor(layout);
          continue;
        }
      }
      const outcome = read(cells, line);
      if (outcome.filtered) continue;
      rowCount += 1;
      if (outcome.errors) {
        errorRows += 1;
        for (const error of outcome.errors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
      } else {
        rows.push(outcome.row);
      }
    }
    if (preset.newestFirst) rows.reverse();
    return { search, rows, rowCount, errorRows, errors };
  } finally {
    await iterator.return?.(undefined);
  }
}
