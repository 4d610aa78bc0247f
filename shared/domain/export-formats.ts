import type { ExportFormat } from './enums';

export const EXPORT_FORMAT_INFO: Record<ExportFormat, { extension: string; label: string }> = {
  csv: { extension: 'csv', label: 'CSV (comma-separated values)' },
  json: { extension: 'json', label: 'JSON' },
  xlsx: { extension: 'xlsx', label: 'Excel workbook' },
  pdf: { extension: 'pdf', label: 'PDF report' },
};
