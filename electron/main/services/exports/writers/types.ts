import type { ExportOptions } from '../../../../../shared/domain/export-params';
import type { SelectedColumn } from '../../../../../shared/domain/export-columns';
import type { SummaryFigure } from '../jobs/types';

/** Where a writer's bytes go: the partial file, with backpressure. */
export interface ByteSink {
  write(chunk: string | Uint8Array): void;
  /**
   * Like write, for a buffer the caller wants back: `release` runs once the sink is done with
   * it, so the caller can refill it instead of leaving dead buffers for the GC to find late.
   */
  writeOwned?(chunk: Uint8Array, release: () => void): void;
  /** Resolves once buffered bytes are below the high-water mark; null when they already are. */
  ready(): Promise<void> | null;
  /** Bytes accepted so far. */
  readonly bytes: number;
}

/** What a report-style format (PDF) shows above the table; computed only when asked for. */
export interface ReportInfo {
  title: string;
  currency: string | null;
  /**
   * Every currency the rows may be in, when a column holds each row's currency (its index):
   * XLSX then gives each row's money cells that currency's format instead of a shared one.
   */
  rowCurrencies?: { column: number; currencies: readonly string[] } | undefined;
  generatedAt: number;
  rowsTotal: number;
  filters(): string[];
  summary(): SummaryFigure[];
}

export interface WriterInput {
  columns: SelectedColumn[];
  sink: ByteSink;
  options: ExportOptions;
  /** The resolved BOM switch (request option, else the csvBom setting). */
  csvBom: boolean;
  report: ReportInfo;
}

/** A streaming serializer: header at begin, one call per row, trailer at finish. */
export interface FormatWriter {
  begin(): Promise<void>;
  row(values: unknown[]): void;
  /** Backpressure from the writer's own buffers and the sink; null when there is none. */
  ready(): Promise<void> | null;
  /** Flushes everything to the sink. */
  finish(rows: number): Promise<void>;
}
