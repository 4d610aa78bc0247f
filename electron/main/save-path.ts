import { extname } from 'node:path';
import type { FileFilter } from './services/desktop-port';

/**
 * The chosen save path with the format's extension added when the user typed a bare
 * name: GTK save dialogs do not append it, and a file without its extension opens in
 * nothing. A different extension the user typed on purpose is kept.
 */
export function withExtension(path: string, filters: FileFilter[]): string {
  const extension = filters.find((filter) => filter.extensions.length > 0 && !filter.extensions.includes('*'))?.extensions[0];
  if (!extension || extname(path) !== '') return path;
  return `${path}.${extension}`;
}
