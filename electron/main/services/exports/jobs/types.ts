import type { Sqlite } from '../../db/client';
import type { ExportType } from '../../../../../shared/domain/enums';
import type { ExportParams } from '../../../../../shared/domain/export-params';
import type { SelectedColumn } from '../../../../../shared/domain/export-columns';

/** A headline figure of the PDF report, already formatted for display. */
export interface SummaryFigure {
  label: string;
  value: string;
}

/**
 * The rows of one export. Values come in the selected columns' order and in stored units
 * (cents, epoch ms, 'YYYY-MM-DD', fractions; list values joined with LIST_SEPARATOR), so the
 * writers decide presentation and nothing is converted twice.
 */
export interface RowSource {
  title: string;
  /** Currency of the money columns when the rows share one, else null. */
  currency: string | null;
  /** Every currency the rows may be in (the accounts' in scope), for per-row money formats. */
  currencies?: readonly string[];
  /** How many rows rows() yields (within the export's read transaction). */
  count(): number;
  rows(): IterableIterator<unknown[]>;
  /** Headline figures for the PDF report; computed by SQL, not by holding rows. */
  summary(): SummaryFigure[];
  /** The filters in plain words, one per line, for the PDF report. */
  filters(): string[];
}

export interface JobContext {
  sqlite: Sqlite;
  /** The time the export is "as of" (goal and prop figures depend on today). */
  now: number;
}

/** One export type: its row source built from validated params and the chosen columns. */
export interface ExportJobModule<T extends ExportType> {
  type: T;
  open(ctx: JobContext, params: ExportParams[T], columns: SelectedColumn[]): RowSource;
}
