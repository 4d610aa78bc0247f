import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Sqlite } from '../db/client';
import type { EventBus } from '../event-bus';
import type { Desktop } from '../desktop-port';
import type { Logger } from '../logging';
import { AppError } from '../errors';
import type { Accounts } from '../journal/accounts';
import type { Instruments } from '../journal/instruments';
import type { ImportPreset, ImportPresetDefinition } from '../../../../shared/domain/import-preset';
import type {
  ImportBatch,
  ImportInstrumentGuess,
  ImportPreview,
  ImportPreviewTrade,
  ImportRunResult,
} from '../../../../shared/domain/import-result';
import type { ImportPreviewRequest, ImportRunRequest } from '../../../../shared/domain/import-options';
import { computePnl, amountToCents } from '../../../../shared/domain/trade-input-pnl';
import { createZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { assignKeys } from './dedupe-keys';
import { detectInstrument } from './instrument-detect';
import { writeImport, type WriteOutcome } from './import-writer';
import { undoImport, type UndoOutcome } from './import-undo';
import { withAnalyticsDeferred } from '../analytics/day-facts-maintenance';
import { presetMatchScore, normalizeHeaders, compileLayout } from './layout';
import { createPresetStore } from './preset-store';
import { readRows, MAX_PREAMBLE_ROWS, type HeaderSearch } from './read-file';
import { groupRoundTrips } from './round-trips';
import type { FillRowData, RowData, TradeRowData } from './row-reader';
import { openTableSource, type TableRow } from './table-source';

export interface ImportDeps {
  sqlite: Sqlite;
  events: EventBus;
  desktop: Desktop;
  logger: Logger;
  now: () => number;
  accounts: Accounts;
  instruments: Instruments;
}

interface ResolvedPreset {
  id: string | null;
  label: string;
  definition: ImportPresetDefinition;
}

class DryRunRollback extends Error {
  constructor(readonly outcome: WriteOutcome) {
    super('dry run');
  }
}

function missingMessage(search: HeaderSearch | null, preset: ResolvedPreset): string {
  if (search === null) return 'The file has no rows. Choose the file your broker exported.';
  const wanted = search.missing.map((m) => `"${m.header}" (${m.field})`).join(', ');
  return `No header row has the columns the layout "${preset.label}" needs: missing ${wanted}. The first row has: ${search.headers.slice(0, 15).join(', ')}. Pick another preset or map the columns.`;
}

/** CSV/XLSX import: presets, preview, the import itself (one transaction), history and undo. */
export function createImportService(deps: ImportDeps) {
  const { sqlite, events, desktop, logger, now, accounts, instruments } = deps;
  const presets = createPresetStore(sqlite, logger, now);

  const resolvePreset = (request: { presetId?: string | undefined; preset?: ImportPresetDefinition | undefined }): ResolvedPreset | null => {
    if (request.preset) return { id: request.presetId ?? null, label: request.preset.name, definition: request.preset };
    if (request.presetId) {
      const preset = presets.get(request.presetId);
      return { id: preset.id, label: preset.definition.name, definition: preset.definition };
    }
    return null;
  };

  const zoneFor = (request: { accountId?: number | undefined; timeZone?: string | undefined }, fallback = 'UTC'): string => {
    if (request.timeZone) return request.timeZone;
    if (request.accountId !== undefined) return accounts.get(request.accountId).timezone;
    return fallback;
  };

  /** Reads the first rows and returns the preset whose headers match best. */
  const detectPreset = async (path: string): Promise<{ preset: ImportPreset; score: number } | null> => {
    const source = await openTableSource(path);
    const head: TableRow[] = [];
    for await (const row of source.rows()) {
      head.push(row);
      if (head.length >= MAX_PREAMBLE_ROWS) break;
    }
    let best: { preset: ImportPreset; score: number } | null = null;
    for (const preset of presets.list()) {
      for (const row of head) {
        const score = presetMatchScore(preset.definition, normalizeHeaders(row.cells));
        if (score > 0 && (best === null || score > best.score)) best = { preset, score };
      }
    }
    return best;
  };

  const guessInstrument = (row: RowData, definition: ImportPresetDefinition): ImportInstrumentGuess => {
    const detected = detectInstrument(row.symbol, {
      assetClass: row.assetClassHint,
      multiplier: row.multiplierHint,
      fxLotSize: definition.fxLotSize,
      defaultAssetClass: definition.defaultAssetClass,
    });
    const existing = instruments.findBySymbol(detected.symbol);
    return {
      fileSymbol: row.symbol.trim(),
      symbol: detected.symbol,
      assetClass: existing?.assetClass ?? detected.assetClass,
      multiplier: existing?.multiplier ?? detected.multiplier,
      certain: existing !== undefined || detected.certain,
      existing: existing !== undefined,
    };
  };

  const previewTrades = (rows: RowData[], guesses: Map<string, ImportInstrumentGuess>): ImportPreviewTrade[] => {
    const out: ImportPreviewTrade[] = [];
    const fillGroups = new Map<string, FillRowData[]>();
    for (const row of rows) {
      const guess = guesses.get(row.symbol.trim())!;
      if (row.kind === 'fill') {
        const list = fillGroups.get(guess.symbol) ?? [];
        list.push(row);
        fillGroups.set(guess.symbol, list);
        continue;
      }
      const trade = row as TradeRowData;
      const pnl = computePnl({ ...trade, multiplier: guess.multiplier });
      const gross = trade.closedAt === null ? 0 : trade.grossPnlCents ?? (trade.netPnlCents !== null ? trade.netPnlCents + trade.feesCents : pnl.grossPnlCents);
      out.push({
        row: trade.line,
        symbol: guess.symbol,
        assetClass: guess.assetClass,
        multiplier: guess.multiplier,
        direction: trade.direction,
        openedAt: trade.openedAt,
        closedAt: trade.closedAt,
        qty: trade.qty,
        entryPrice: trade.entryPrice,
        exitPrice: trade.exitPrice,
        feesCents: trade.feesCents,
        grossPnlCents: gross,
        netPnlCents: gross - trade.feesCents,
      });
    }
    for (const [symbol, fills] of fillGroups) {
      const guess = [...guesses.values()].find((g) => g.symbol === symbol)!;
      const sorted = [...fills].sort((a, b) => a.executedAt - b.executedAt);
      const trips = groupRoundTrips(sorted.map((f) => ({ key: String(f.line), side: f.side, qty: f.qty, price: f.price, executedAt: f.executedAt, feesCents: f.feesCents })));
      for (const trip of trips) {
        const gross = trip.closedAt === null ? 0 : amountToCents(trip.grossPoints * guess.multiplier);
        out.push({
          row: Number(trip.portions[0]!.key),
          symbol,
          assetClass: guess.assetClass,
          multiplier: guess.multiplier,
          direction: trip.direction,
          openedAt: trip.openedAt,
          closedAt: trip.closedAt,
          qty: trip.qty,
          entryPrice: trip.entryPrice,
          exitPrice: trip.exitPrice,
          feesCents: trip.feesCents,
          grossPnlCents: gross,
          netPnlCents: gross - trip.feesCents,
        });
      }
    }
    return out.sort((a, b) => a.row - b.row);
  };

  return {
    presets,

    async chooseFile(): Promise<string | null> {
      return desktop.chooseOpenPath({
        title: 'Import trades',
        filters: [
          { name: 'CSV or Excel', extensions: ['csv', 'txt', 'tsv', 'xlsx'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
    },

    async preview(request: ImportPreviewRequest): Promise<ImportPreview> {
      const detected = await detectPreset(request.path);
      const chosen = resolvePreset(request) ?? (detected ? { id: detected.preset.id, label: detected.preset.definition.name, definition: detected.preset.definition } : null);
      const source = await openTableSource(request.path);
      const base = { fileName: basename(request.path), format: source.format, delimiter: source.delimiter, detectedPresetId: detected?.preset.id ?? null };
      if (chosen === null) {
        // No preset fits: show the raw rows so the user can map the columns by hand.
        const sampleRows: { row: number; cells: string[] }[] = [];
        let headers: string[] = [];
        let headerRow = 0;
        for await (const row of source.rows()) {
          if (headerRow === 0) {
            headers = normalizeHeaders(row.cells);
            headerRow = row.line;
            continue;
          }
          sampleRows.push({ row: row.line, cells: row.cells });
          if (sampleRows.length >= request.sampleSize) break;
        }
        return { ...base, headers, headerRow, sampleRows, presetId: null, kind: 'trades', missing: [], trades: [], errors: [], instruments: [] };
      }
      const calendar = createZoneCalendar(zoneFor(request));
      const read = await readRows(source, { preset: chosen.definition, calendar, limit: request.sampleSize });
      if ('missing' in read) {
        return {
          ...base,
          headers: read.search?.headers ?? [],
          headerRow: read.search?.headerRow ?? 0,
          sampleRows: [],
          presetId: chosen.id,
          kind: chosen.definition.kind,
          missing: read.search?.missing ?? compileLayout(chosen.definition, []).missing,
          trades: [],
          errors: [],
          instruments: [],
        };
      }
      // The raw cells of the same rows, for the mapping table.
      const sampleRows: { row: number; cells: string[] }[] = [];
      for await (const row of (await openTableSource(request.path)).rows()) {
        if (row.line <= read.search.headerRow) continue;
        sampleRows.push({ row: row.line, cells: row.cells });
        if (sampleRows.length >= request.sampleSize) break;
      }
      const guesses = new Map<string, ImportInstrumentGuess>();
      for (const row of read.rows) {
        const fileSymbol = row.symbol.trim();
        if (!guesses.has(fileSymbol)) guesses.set(fileSymbol, guessInstrument(row, chosen.definition));
      }
      return {
        ...base,
        headers: read.search.headers,
        headerRow: read.search.headerRow,
        sampleRows,
        presetId: chosen.id,
        kind: chosen.definition.kind,
        missing: [],
        trades: previewTrades(read.rows, guesses),
        errors: read.errors,
        instruments: [...guesses.values()],
      };
    },

    async run(request: ImportRunRequest): Promise<ImportRunResult> {
      const started = performance.now();
      const preset = resolvePreset(request);
      if (preset === null) throw new AppError('validation', 'Choose an import preset or map the columns before importing.');
      const target = request.accountId !== undefined ? accounts.get(request.accountId) : null;
      if (target === null && preset.definition.columns.account === undefined) {
        throw new AppError('validation', 'Choose the account to import into (this layout has no account column).');
      }
      const calendar = createZoneCalendar(zoneFor(request, request.newAccounts.timezone));
      const source = await openTableSource(request.path);
      const read = await readRows(source, { preset: preset.definition, calendar });
      const readMs = Math.round(performance.now() - started);
      if ('missing' in read) throw new AppError('validation', missingMessage(read.search, preset));
      if (read.rowCount === 0) {
        throw new AppError('validation', 'The file has a header row but no data rows. Check that you exported the right date range.');
      }
      const base = {
        rowCount: read.rowCount,
        errorRows: read.errorRows,
        errors: read.errors,
      };
      if (read.errorRows > 0 && request.onError === 'abort') {
        logger.info('import.aborted', { path: basename(request.path), errorRows: read.errorRows });
        return {
          ...base,
          status: 'aborted',
          batchIds: [],
          acceptedRows: 0,
          duplicateRows: 0,
          tradesCreated: 0,
          tradesUpdated: 0,
          accountsCreated: 0,
          instrumentsCreated: 0,
          durationMs: Math.round(performance.now() - started),
        };
      }
      const { keyed, repeatedIds } = assignKeys(read.rows);
      const plan = {
        keyed,
        repeatedIds: repeatedIds.length,
        rowCount: read.rowCount,
        errorRows: read.errorRows,
        accountId: target?.id ?? null,
        newAccounts: request.newAccounts,
        preset: preset.definition,
        presetLabel: preset.id ?? preset.label,
        sourceName: basename(request.path),
        sha256: source.sha256(),
        overrides: request.instruments,
      };
      let outcome: WriteOutcome;
      let dryRun = false;
      const writeStarted = performance.now();
      try {
        outcome = sqlite
          .transaction(() => {
            const written = writeImport({ sqlite, accounts, instruments, now: now() }, plan);
            if (request.dryRun) throw new DryRunRollback(written);
            return written;
          })
          .immediate();
      } catch (error) {
        if (!(error instanceof DryRunRollback)) throw error;
        outcome = error.outcome;
        dryRun = true;
      }
      const status = dryRun ? 'dry_run' : outcome.batchIds.length > 0 ? 'committed' : 'nothing_new';
      const result: ImportRunResult = {
        ...base,
        ...outcome,
        batchIds: dryRun ? [] : outcome.batchIds,
        status,
        durationMs: Math.round(performance.now() - started),
      };
      logger.info('import.finished', {
        path: basename(request.path),
        status,
        rows: result.rowCount,
        accepted: result.acceptedRows,
        duplicates: result.duplicateRows,
        errors: result.errorRows,
        trades: result.tradesCreated,
        durationMs: result.durationMs,
        readMs,
        writeMs: Math.round(performance.now() - writeStarted),
      });
      if (status === 'committed') events.emit('journal:changed', { reason: 'import' });
      return result;
    },

    batches(): ImportBatch[] {
      return sqlite
        .prepare(
          `SELECT b.id, b.account_id AS accountId, a.name AS accountName, b.source_name AS sourceName, b.preset,
             b.file_sha256 AS fileSha256, b.row_count AS rowCount, b.accepted_count AS acceptedCount,
             b.skipped_count AS skippedCount, b.duplicate_count AS duplicateCount, b.status, b.created_at AS createdAt,
             b.undone_at AS undoneAt, (SELECT COUNT(*) FROM trades t WHERE t.import_batch_id = b.id) AS tradeCount
           FROM import_batches b JOIN accounts a ON a.id = b.account_id ORDER BY b.id DESC LIMIT 500`,
        )
        .all() as ImportBatch[];
    },

    undo(batchId: number): UndoOutcome {
      const outcome = sqlite.transaction(() => withAnalyticsDeferred(sqlite, () => undoImport(sqlite, batchId, now()))).immediate();
      logger.info('import.undone', { batchId, ...outcome });
      events.emit('journal:changed', { reason: 'import-undone' });
      return { tradesDeleted: outcome.tradesDeleted, tradesRestored: outcome.tradesRestored };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
