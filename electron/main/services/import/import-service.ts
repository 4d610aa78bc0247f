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
  ImportRowError,
  ImportRunResult,
  ImportZoneSource,
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
import { createSectionGate, readRows, sectionRows, MAX_PREAMBLE_ROWS, MAX_REPORTED_ERRORS, type HeaderSearch } from './read-file';

/** Rows read to detect the layout: enough to reach the trades section of a broker statement. */
const DETECT_ROWS = 3_000;
import { createZoneMemory } from './zone-memory';
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
  const zones = createZoneMemory(sqlite, now);

  const resolvePreset = (request: { presetId?: string | undefined; preset?: ImportPresetDefinition | undefined }): ResolvedPreset | null => {
    if (request.preset) return { id: request.presetId ?? null, label: request.preset.name, definition: request.preset };
    if (request.presetId) {
      const preset = presets.get(request.presetId);
      return { id: preset.id, label: preset.definition.name, definition: preset.definition };
    }
    return null;
  };

  const presetKey = (preset: ResolvedPreset): string => preset.id ?? `mapping:${preset.label}`;

  /** The zone of the file's times: the user's choice, else the one last used with this account or layout, else the account's own. */
  const zoneFor = (
    request: { accountId?: number | undefined; timeZone?: string | undefined },
    preset: ResolvedPreset | null,
    fallback = 'UTC',
  ): { zone: string; source: ImportZoneSource } => {
    if (request.timeZone) return { zone: request.timeZone, source: 'chosen' };
    const target = request.accountId !== undefined ? accounts.get(request.accountId) : null;
    const byAccount = target ? zones.forAccount(target.id) : null;
    if (byAccount) return { zone: byAccount, source: 'account' };
    const byPreset = preset ? zones.forPreset(presetKey(preset)) : null;
    if (byPreset) return { zone: byPreset, source: 'preset' };
    if (target) return { zone: target.timezone, source: 'account-zone' };
    return { zone: fallback, source: 'default' };
  };

  /** Without a chosen account every row must name one: a row that does not is a row error, skippable like any other. */
  const requireAccounts = <R extends RowData>(rows: R[], errors: ImportRowError[], preset: ImportPresetDefinition): { rows: R[]; errorRows: number } => {
    const kept: R[] = [];
    let errorRows = 0;
    for (const row of rows) {
      if (row.account !== null) {
        kept.push(row);
        continue;
      }
      errorRows += 1;
      if (errors.length < MAX_REPORTED_ERRORS) {
        errors.push({ row: row.line, column: preset.columns.account ?? null, value: '', reason: 'names no account: fill the account column or choose the account to import into' });
      }
    }
    return { rows: kept, errorRows };
  };

  /** Reads the first rows and returns the preset whose headers match best. */
  const detectPreset = async (path: string): Promise<{ preset: ImportPreset; score: number } | null> => {
    const source = await openTableSource(path);
    const head: TableRow[] = [];
    for await (const row of source.rows()) {
      head.push(row);
      if (head.length >= DETECT_ROWS) break;
    }
    let best: { preset: ImportPreset; score: number } | null = null;
    for (const preset of presets.list()) {
      // A statement's section may start far down the file; other layouts have their header near the top.
      const gate = createSectionGate({ section: preset.definition.section });
      const rows: TableRow[] = [];
      for (const row of head) {
        const verdict = gate(row);
        if (verdict === 'end' || rows.length >= MAX_PREAMBLE_ROWS) break;
        if (verdict === 'keep') rows.push(row);
      }
      for (const row of rows) {
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

  /** Groups the sample as the import will: per account, then per instrument. */
  const previewTrades = (rows: RowData[], guesses: Map<string, ImportInstrumentGuess>, targetName: string | null): ImportPreviewTrade[] => {
    const out: ImportPreviewTrade[] = [];
    const fillGroups = new Map<string, { account: string | null; symbol: string; fills: FillRowData[] }>();
    for (const row of rows) {
      const guess = guesses.get(row.symbol.trim())!;
      const account = targetName ?? row.account;
      if (row.kind === 'fill') {
        const groupKey = `${account ?? ''}\u0000${guess.symbol}`;
        let group = fillGroups.get(groupKey);
        if (!group) {
          group = { account, symbol: guess.symbol, fills: [] };
          fillGroups.set(groupKey, group);
        }
        group.fills.push(row);
        continue;
      }
      const trade = row as TradeRowData;
      const pnl = computePnl({ ...trade, multiplier: guess.multiplier });
      const gross = trade.closedAt === null ? 0 : trade.grossPnlCents ?? (trade.netPnlCents !== null ? trade.netPnlCents + trade.feesCents : pnl.grossPnlCents);
      out.push({
        row: trade.line,
        account,
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
    for (const { account, symbol, fills } of fillGroups.values()) {
      const guess = [...guesses.values()].find((g) => g.symbol === symbol)!;
      const sorted = [...fills].sort((a, b) => a.executedAt - b.executedAt);
      const trips = groupRoundTrips(sorted.map((f) => ({ key: String(f.line), side: f.side, qty: f.qty, price: f.price, executedAt: f.executedAt, feesCents: f.feesCents })));
      for (const trip of trips) {
        const gross = trip.closedAt === null ? 0 : amountToCents(trip.grossPoints * guess.multiplier);
        out.push({
          row: Number(trip.portions[0]!.key),
          account,
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
        for await (const row of sectionRows(source.rows(), { headerRow: request.headerRow, section: request.section })) {
          if (headerRow === 0) {
            headers = normalizeHeaders(row.cells);
            headerRow = row.line;
            continue;
          }
          sampleRows.push({ row: row.line, cells: row.cells });
          if (sampleRows.length >= request.sampleSize) break;
        }
        const zone = zoneFor(request, null);
        return { ...base, headers, headerRow, sampleRows, presetId: null, kind: 'trades', missing: [], trades: [], errors: [], instruments: [], timeZone: zone.zone, timeZoneSource: zone.source, newAccounts: [] };
      }
      const zone = zoneFor(request, chosen);
      const zoneFields = { timeZone: zone.zone, timeZoneSource: zone.source };
      const calendar = createZoneCalendar(zone.zone);
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
          ...zoneFields,
          newAccounts: [],
        };
      }
      // The raw cells of the same rows, for the mapping table.
      const sampleRows: { row: number; cells: string[] }[] = [];
      for await (const row of sectionRows((await openTableSource(request.path)).rows(), chosen.definition)) {
        if (row.line <= read.search.headerRow) continue;
        sampleRows.push({ row: row.line, cells: row.cells });
        if (sampleRows.length >= request.sampleSize) break;
      }
      const target = request.accountId !== undefined ? accounts.get(request.accountId) : null;
      const errors = [...read.errors];
      const byFile = !target && chosen.definition.columns.account !== undefined;
      const rows = byFile ? requireAccounts(read.rows, errors, chosen.definition).rows : read.rows;
      const newAccounts = new Map<string, ImportPreview['newAccounts'][number]>();
      if (byFile) {
        for (const row of rows) {
          const label = row.account!;
          const known = newAccounts.get(label);
          if (known) known.rows += 1;
          else if (accounts.findByName(label) === undefined) newAccounts.set(label, { name: label, rows: 1, proposed: row.accountSettings ?? {} });
        }
      }
      const guesses = new Map<string, ImportInstrumentGuess>();
      for (const row of rows) {
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
        trades: previewTrades(rows, guesses, target?.name ?? null),
        errors: errors.sort((a, b) => a.row - b.row),
        instruments: [...guesses.values()],
        ...zoneFields,
        newAccounts: [...newAccounts.values()],
      };
    },

    async run(request: Omit<ImportRunRequest, 'accounts'> & Partial<Pick<ImportRunRequest, 'accounts'>>): Promise<ImportRunResult> {
      const started = performance.now();
      const preset = resolvePreset(request);
      if (preset === null) throw new AppError('validation', 'Choose an import preset or map the columns before importing.');
      const target = request.accountId !== undefined ? accounts.get(request.accountId) : null;
      if (target === null && preset.definition.columns.account === undefined) {
        throw new AppError('validation', 'Choose the account to import into (this layout has no account column).');
      }
      const zone = zoneFor(request, preset, request.newAccounts.timezone).zone;
      const calendar = createZoneCalendar(zone);
      const source = await openTableSource(request.path);
      const read = await readRows(source, { preset: preset.definition, calendar });
      const readMs = Math.round(performance.now() - started);
      if ('missing' in read) throw new AppError('validation', missingMessage(read.search, preset));
      if (read.rowCount === 0) {
        throw new AppError('validation', 'The file has a header row but no data rows. Check that you exported the right date range.');
      }
      if (target === null) {
        const checked = requireAccounts(read.rows, read.errors, preset.definition);
        read.rows = checked.rows;
        read.errorRows += checked.errorRows;
        read.errors.sort((a, b) => a.row - b.row);
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
          tradesLeftOpen: 0,
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
        accounts: request.accounts ?? {},
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
      if (status === 'committed') {
        const touched = sqlite.prepare(`SELECT DISTINCT account_id FROM import_batches WHERE id IN (${result.batchIds.map(() => '?').join(',')})`).pluck().all(...result.batchIds) as number[];
        zones.remember(zone, presetKey(preset), touched);
        events.emit('journal:changed', { reason: 'import' });
      }
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
