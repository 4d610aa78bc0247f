import type { ExportFormat } from '../../../../../shared/domain/enums';
import type { FormatWriter, WriterInput } from './types';
import { createCsvWriter } from './csv';
import { createJsonWriter } from './json';
import { createXlsxWriter } from './xlsx';
import { createPdfWriter } from './pdf';

export const WRITERS: Record<ExportFormat, (input: WriterInput) => FormatWriter> = {
  csv: createCsvWriter,
  json: createJsonWriter,
  xlsx: createXlsxWriter,
  pdf: createPdfWriter,
};
