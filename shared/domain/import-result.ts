import type { AssetClass, Direction } from './enums';
import type { ImportKind } from './import-preset';

/** One problem in one cell (or a whole row when column is null), as precise as the user needs to fix it. */
export interface ImportRowError {
  /** 1-based line (CSV) or row (XLSX) number in the file. */
  row: number;
  /** The header of the offending column, or null when the row as a whole is wrong. */
  column: string | null;
  value: string;
  reason: string;
}

export function formatRowError(error: ImportRowError): string {
  const where = error.column === null ? `Row ${error.row}` : `Row ${error.row}, column "${error.column}"`;
  return error.value === '' ? `${where}: ${error.reason}` : `${where}: "${error.value}" ${error.reason}`;
}

export interface ImportMissingColumn {
  field: string;
  header: string;
}

/** A trade as the importer would write it, shown in the preview. */
export interface ImportPreviewTrade {
  row: number;
  /** The account it goes to: the chosen account's name, else the file's account cell (null: none, a row error at import). */
  account: string | null;
  symbol: string;
  assetClass: AssetClass;
  multiplier: number;
  direction: Direction;
  openedAt: number;
  closedAt: number | null;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  feesCents: number;
  grossPnlCents: number;
  netPnlCents: number;
}

/** A symbol of the file with the instrument it will become; the user may override it per import. */
export interface ImportInstrumentGuess {
  fileSymbol: string;
  symbol: string;
  assetClass: AssetClass;
  multiplier: number;
  /** False when the class or the multiplier is a guess the user should confirm. */
  certain: boolean;
  /** The journal already has this instrument (its stored multiplier is used). */
  existing: boolean;
}

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  delimiter: string;
  headers: string[];
  /** Row number of the header row (preamble rows above it are ignored). */
  headerRow: number;
  /** The first data rows exactly as read. */
  sampleRows: { row: number; cells: string[] }[];
  /** The best-matching preset for these headers, or null. */
  detectedPresetId: string | null;
  presetId: string | null;
  kind: ImportKind;
  missing: ImportMissingColumn[];
  /** The sample rows interpreted with the mapping: trades (fills are grouped) and errors. */
  trades: ImportPreviewTrade[];
  errors: ImportRowError[];
  instruments: ImportInstrumentGuess[];
  /** The zone the file's times without one are read in, and why that one. */
  timeZone: string;
  timeZoneSource: ImportZoneSource;
  /** Accounts the file names that the journal does not have yet: the import creates them. */
  newAccounts: { name: string; rows: number; proposed: { currency?: string; timezone?: string; startingBalanceCents?: number } }[];
}

/** `chosen`: sent with the request; `preset`/`account`: the zone last used with this layout or account; `account-zone`: the account's own. */
export type ImportZoneSource = 'chosen' | 'preset' | 'account' | 'account-zone' | 'default';

export type ImportRunStatus = 'committed' | 'aborted' | 'nothing_new' | 'dry_run';

export interface ImportRunResult {
  status: ImportRunStatus;
  /** One batch per account the file touched (usually one); empty unless committed. */
  batchIds: number[];
  /** Data rows read (header and preamble excluded; filtered rows excluded). */
  rowCount: number;
  /** Rows that were valid and new. */
  acceptedRows: number;
  /** Rows with errors that were skipped (or that caused the abort). */
  errorRows: number;
  /** Rows already imported before (same key), or repeated ids within this file. */
  duplicateRows: number;
  tradesCreated: number;
  /** Open trades that fills of this file extended or closed. */
  tradesUpdated: number;
  /** Trades still open after this import (fills that leave a position open). */
  tradesLeftOpen: number;
  accountsCreated: number;
  instrumentsCreated: number;
  /** Up to 200 errors; errorRows has the full count. */
  errors: ImportRowError[];
  durationMs: number;
}

export interface ImportBatch {
  id: number;
  accountId: number;
  accountName: string;
  sourceName: string;
  preset: string;
  fileSha256: string;
  rowCount: number;
  acceptedCount: number;
  skippedCount: number;
  duplicateCount: number;
  status: 'committed' | 'undone';
  createdAt: number;
  undoneAt: number | null;
  /** Trades of this batch still in the journal. */
  tradeCount: number;
}
