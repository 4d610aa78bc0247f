import type { ExportFormat } from '../../../../../shared/domain/enums';
import type { FormatWriter, WriterInput } from './types';

export type WriterFactory = (input: WriterInput) => FormatWriter;

/**
 * The writer of a format, loaded on demand: a worker runs one format, and the others' code
 * (pdf-lib above all) would only add start-up time and memory to it.
 */
export async function loadWriter(format: ExportFormat): Promise<WriterFactory> {
  switch (format) {
    case 'csv':
      return (await import('./csv')).createCsvWriter;
    case 'json':
      return (await import('./json')).createJsonWriter;
    case 'xlsx':
      return (await import('./xlsx')).createXlsxWriter;
    case 'pdf':
      return (await import('./pdf')).createPdfWriter;
  }
}
