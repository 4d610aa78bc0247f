import {
  requiredFieldsOf,
  type ImportPresetDefinition,
  type MappableField,
} from '../../../../shared/domain/import-preset';
import type { ImportMissingColumn } from '../../../../shared/domain/import-result';

/**
 * Header cells as the user should see them: trimmed, BOM-free, blank ones named by
 * position, and repeated names numbered ("Time", "Time (2)") so MetaTrader's second
 * Time and Price columns can be mapped.
 */
export function normalizeHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`;
    // Case matters: Tradovate has both "price" (raw) and "Price" (display).
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** Index of a header: exact match first, then case-insensitive. -1 when absent. */
export function findHeader(headers: string[], name: string): number {
  const exact = headers.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.trim().toLowerCase();
  return headers.findIndex((header) => header.toLowerCase() === lower);
}

export interface Layout {
  headers: string[];
  index: Partial<Record<MappableField, number>>;
  feeIndexes: number[];
  filterIndex: number;
  missing: ImportMissingColumn[];
}

export function compileLayout(preset: ImportPresetDefinition, headers: string[]): Layout {
  const index: Partial<Record<MappableField, number>> = {};
  const missing: ImportMissingColumn[] = [];
  for (const [field, header] of Object.entries(preset.columns) as [MappableField, string][]) {
    const at = findHeader(headers, header);
    if (at >= 0) index[field] = at;
    else if (requiredFieldsOf(preset).includes(field)) missing.push({ field, header });
  }
  const feeIndexes = preset.feeColumns.map((header) => findHeader(headers, header)).filter((at) => at >= 0);
  const filterIndex = preset.rowFilter ? findHeader(headers, preset.rowFilter.column) : -1;
  return { headers, index, feeIndexes, filterIndex, missing };
}

/** How many of a preset's mapped headers a header row holds (0..1), for detection. */
export function presetMatchScore(preset: ImportPresetDefinition, headers: string[]): number {
  const wanted = [...Object.values(preset.columns), ...preset.feeColumns];
  if (wanted.length === 0) return 0;
  const required = requiredFieldsOf(preset).map((field) => (preset.columns as Record<string, string | undefined>)[field]);
  if (required.some((header) => header === undefined || findHeader(headers, header) < 0)) return 0;
  return wanted.filter((header) => findHeader(headers, header) >= 0).length / wanted.length;
}
