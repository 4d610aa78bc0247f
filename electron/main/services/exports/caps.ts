import { ExportFailure } from './errors';

const n = (value: number) => value.toLocaleString('en-US');

export function pdfRowCapFailure(rows: number, cap: number): ExportFailure {
  return new ExportFailure(
    'validation',
    'pdf_row_cap',
    `This export has ${n(rows)} rows, more than a PDF report holds (the PDF row cap is ${n(cap)}, set in Settings). Export as CSV or XLSX instead, or narrow the filters.`,
  );
}
