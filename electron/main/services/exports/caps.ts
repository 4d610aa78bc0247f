import { XLSX_MAX_DATA_ROWS } from '../../../../shared/domain/export-limits';
import { ExportFailure } from './errors';

const n = (value: number) => value.toLocaleString('en-US');

export function pdfRowCapFailure(rows: number, cap: number): ExportFailure {
  return new ExportFailure(
    'validation',
    'pdf_row_cap',
    `This export has ${n(rows)} rows, more than a PDF report holds (the PDF row cap is ${n(cap)}, set in Settings). Export as CSV or XLSX instead, or narrow the filters.`,
  );
}

export function xlsxRowsFailure(rows: number): ExportFailure {
  return new ExportFailure(
    'validation',
    'xlsx_row_limit',
    `This export has ${n(rows)} rows; an Excel sheet holds at most ${n(XLSX_MAX_DATA_ROWS)}. Export as CSV instead, or narrow the filters.`,
  );
}
