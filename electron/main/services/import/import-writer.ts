import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { ImportPresetDefinition } from '../../../../shared/domain/import-preset';
import type { InstrumentOverride, NewAccountSettings } from '../../../../shared/domain/import-options';
import { createZoneCalendar, type ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { refreshAccountEquityForDays } from '../equity/maintain';
import type { Accounts } from '../journal/accounts';
import type { Instruments } from '../journal/instruments';
import { createTradeStore, deriveTrade, type BookingContext, type TradeFacts } from '../journal/trade-writes-store';
import { createFxRates } from '../fx/fx-rates';
import { createExecutions, type ExecutionInput } from '../journal/executions';
import type { KeyedRow } from './dedupe-keys';
import { detectInstrument } from './instrument-detect';
import { createImportKeys, portionsToTrip } from './import-keys';
import { groupRoundTrips, type FillPortion } from './round-trips';
import type { FillRowData, TradeRowData } from './row-reader';
import { withIndexesDeferred } from '../db/bulk-indexes';
import { withTradeFilterCountsDeferred } from '../journal/trade-filter-counts';
import { withAnalyticsDeferred } from '../analytics/day-facts-maintenance';

/** Tables whose secondary indexes a bulk import rebuilds once instead of updating per row. */
const BULK_TABLES = ['trades', 'trade_tags', 'import_keys', 'executions'] as const;
/** From this many new rows on, an import defers per-row index and trigger work. */
const BULK_MIN_ROWS = 5_000;

export interface WritePlan {
  keyed: KeyedRow[];
  /** Rows repeating an id seen earlier in the file. */
  repeatedIds: number;
  rowCount: number;
  errorRows: number;
  accountId: number | null;
  newAccounts: { currency: string; timezone: string };
  /** Settings confirmed in the preview for accounts the file creates, keyed by the file's name for them. */
  accounts: Record<string, NewAccountSettings>;
  preset: ImportPresetDefinition;
  presetLabel: string;
  sourceName: string;
  sha256: string;
  overrides: Record<string, InstrumentOverride>;
}

export interface WriteOutcome {
  batchIds: number[];
  acceptedRows: number;
  duplicateRows: number;
  tradesCreated: number;
  tradesUpdated: number;
  tradesLeftOpen: number;
  accountsCreated: number;
  instrumentsCreated: number;
}

interface ResolvedInstrument {
  id: number;
  multiplier: number;
  quoteUnit: string;
}

/**
 * Writes an import inside the caller's transaction: accounts named by the file, instruments,
 * one import_batches row per account, trades (fills grouped into round trips, extending an
 * open imported trade when the new fills continue it), dedupe keys, tags and daily equity.
 * Rows whose key the account already holds are counted as duplicates and skipped.
 */
export function writeImport(
  deps: {
    sqlite: Sqlite;
    accounts: Accounts;
    instruments: Instruments;
    now: number;
  },
  plan: WritePlan,
): WriteOutcome {
  const { sqlite, accounts, instruments, now } = deps;
  const store = createTradeStore(sqlite);
  const keys = createImportKeys(sqlite);
  const executions = createExecutions(sqlite);
  const toExecutions = (list: readonly FillPortion[], batchId: number): ExecutionInput[] =>
    list.map((p) => ({
      executedAt: p.executedAt,
      side: p.side === 1 ? 'buy' : 'sell',
      qty: p.qty,
      price: p.price,
      feesCents: p.feesCents,
      brokerExecId: p.execId ?? null,
      brokerOrderId: p.orderId ?? null,
      importBatchId: batchId,
      importKey: p.key,
    }));
  const tagCache = new Map<string, number>();
  const insertBatch = sqlite.prepare(
    `INSERT INTO import_batches (account_id, source_name, preset, file_sha256, row_count, accepted_count,
       skipped_count, duplicate_count, status, created_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, 0, 'committed', ?)`,
  );
  const finishBatch = sqlite.prepare(
    'UPDATE import_batches SET row_count = ?, accepted_count = ?, duplicate_count = ? WHERE id = ?',
  );
  const countTrades = sqlite.prepare('SELECT COUNT(*) FROM trades').pluck();
  // A journal's own export names its trades by id: the same trade (account and instrument too) is not new, whatever was edited since.
  const ownTrade = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM trades WHERE id = ? AND account_id = ? AND instrument_id = ?)').pluck();
  const hasTrades = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM trades WHERE account_id = ?)').pluck();
  const openImportedTrade = sqlite.prepare(
    `SELECT t.id FROM trades t
     WHERE t.account_id = ? AND t.instrument_id = ? AND t.status = 'open'
       AND EXISTS (SELECT 1 FROM import_keys k WHERE k.trade_id = t.id AND k.kind = 'fill')
     ORDER BY t.opened_at DESC, t.id DESC LIMIT 1`,
  );

  const outcome: WriteOutcome = {
    batchIds: [],
    acceptedRows: 0,
    duplicateRows: plan.repeatedIds,
    tradesCreated: 0,
    tradesUpdated: 0,
    tradesLeftOpen: 0,
    accountsCreated: 0,
    instrumentsCreated: 0,
  };

  // Accounts: one fixed account, or the ones the file names (created when missing).
  const groups = new Map<number, KeyedRow[]>();
  const accountZones = new Map<number, string>();
  const accountByLabel = new Map<string, number>();
  for (const item of plan.keyed) {
    let accountId = plan.accountId;
    if (accountId === null) {
      const label = item.row.account;
      if (label === null) {
        throw new AppError('validation', `Row ${item.row.line} names no account. Choose the account to import into, or fill the account column.`);
      }
      let id = accountByLabel.get(label);
      if (id === undefined) {
        const existing = accounts.findByName(label);
        if (existing) id = existing.id;
        else {
          // The user's confirmation wins, then what a journal export carries, then the defaults.
          const confirmed = plan.accounts[label];
          const carried = item.row.accountSettings;
          id = accounts.insert({
            name: label,
            broker: null,
            currency: confirmed?.currency ?? carried?.currency ?? plan.newAccounts.currency,
            timezone: confirmed?.timezone ?? carried?.timezone ?? plan.newAccounts.timezone,
            startingBalanceCents: confirmed?.startingBalanceCents ?? carried?.startingBalanceCents ?? 0,
          });
          outcome.accountsCreated += 1;
        }
        accountByLabel.set(label, id);
      }
      accountId = id;
    }
    let list = groups.get(accountId);
    if (!list) {
      list = [];
      groups.set(accountId, list);
    }
    list.push(item);
  }
  const accountCurrencies = new Map<number, string>();
  for (const accountId of groups.keys()) {
    const account = accounts.get(accountId);
    accountZones.set(accountId, account.timezone);
    accountCurrencies.set(accountId, account.currency);
  }
  const lookUpRate = createFxRates(sqlite).lookUp;

  // Instruments: detected from the symbol (and the file's class/multiplier cells), overridable.
  const resolved = new Map<string, ResolvedInstrument>();
  const instrumentFor = (row: TradeRowData | FillRowData): ResolvedInstrument => {
    const fileSymbol = row.symbol.trim();
    let found = resolved.get(fileSymbol);
    if (found) return found;
    const override = plan.overrides[fileSymbol] ?? {};
    const detected = detectInstrument(override.symbol ?? fileSymbol, {
      assetClass: row.assetClassHint,
      multiplier: row.multiplierHint,
      fxLotSize: plan.preset.fxLotSize,
      defaultAssetClass: plan.preset.defaultAssetClass,
    });
    const existing = instruments.findBySymbol(detected.symbol);
    if (existing && override.multiplier !== undefined && override.multiplier !== existing.multiplier) {
      throw new AppError(
        'validation',
        `Instrument ${existing.symbol} already exists with multiplier ${existing.multiplier}, not ${override.multiplier}. Change it under Instruments (its trades are recomputed) or import without that override.`,
      );
    }
    const ensured = instruments.ensure({
      symbol: detected.symbol,
      assetClass: override.assetClass ?? detected.assetClass,
      multiplier: override.multiplier ?? detected.multiplier,
      currency: row.instrumentCurrency,
    });
    if (ensured.created) outcome.instrumentsCreated += 1;
    found = { id: ensured.id, multiplier: ensured.multiplier, quoteUnit: ensured.quoteUnit };
    resolved.set(fileSymbol, found);
    return found;
  };

  // Phase 1 (reads): per account, drop known keys, group fills, find the open trades that
  // new fills continue. Everything that needs a secondary index happens here.
  interface FillGroup {
    instrument: ResolvedInstrument;
    rows: KeyedRow<FillRowData>[];
    openTradeId: number | null;
    seed: FillPortion[];
  }
  interface AccountWork {
    accountId: number;
    calendar: ZoneCalendar;
    booking: BookingContext;
    rows: number;
    trades: KeyedRow<TradeRowData>[];
    fills: Map<number, FillGroup>;
    accepted: number;
    duplicates: number;
    batchId: number;
    days: (string | null)[];
  }
  const work: AccountWork[] = [];
  for (const [accountId, items] of groups) {
    const calendar = createZoneCalendar(accountZones.get(accountId)!);
    const job: AccountWork = {
      accountId,
      calendar,
      booking: { calendar, accountCurrency: accountCurrencies.get(accountId)!, lookUpRate },
      rows: items.length,
      trades: [],
      fills: new Map(),
      accepted: 0,
      duplicates: 0,
      batchId: 0,
      days: [],
    };
    const lookUp = keys.anyKeys(accountId);
    // An account without trades holds none of the export's own trades: a first import needs no lookups.
    const ownLookUp = plan.preset.ownExport && hasTrades.get(accountId) === 1;
    for (const item of items) {
      if (lookUp && keys.known(accountId, item.key)) {
        job.duplicates += 1;
        continue;
      }
      const row = item.row;
      if (row.kind === 'trade') {
        const instrument = instrumentFor(row);
        const ownId = ownLookUp && row.tradeId !== null && /^\d{1,15}$/.test(row.tradeId) ? Number(row.tradeId) : null;
        if (ownId !== null && ownTrade.get(ownId, accountId, instrument.id) === 1) {
          job.duplicates += 1;
          continue;
        }
        job.accepted += 1;
        job.trades.push(item as KeyedRow<TradeRowData>);
        continue;
      }
      job.accepted += 1;
      // Grouped by instrument, not by the file's spelling: "MNQ 12-25" and "MNQZ5" are one contract.
      const instrument = instrumentFor(row);
      let group = job.fills.get(instrument.id);
      if (!group) {
        group = { instrument, rows: [], openTradeId: null, seed: [] };
        job.fills.set(instrument.id, group);
      }
      group.rows.push(item as KeyedRow<FillRowData>);
    }
    for (const group of job.fills.values()) {
      // Execution order; the sort is stable, so equal times keep the file's order.
      group.rows.sort((a, b) => a.row.executedAt - b.row.executedAt);
      // Fills that continue a position an earlier import left open extend that trade.
      const open = openImportedTrade.get(accountId, group.instrument.id) as { id: number } | undefined;
      if (open) {
        const seed = keys.portionsOf(open.id);
        if (seed.length > 0 && seed[seed.length - 1]!.executedAt <= group.rows[0]!.row.executedAt) {
          group.openTradeId = open.id;
          group.seed = seed;
        }
      }
    }
    outcome.acceptedRows += job.accepted;
    outcome.duplicateRows += job.duplicates;
    if (job.accepted > 0) {
      job.batchId = Number(
        insertBatch.run(accountId, plan.sourceName, plan.presetLabel, plan.sha256, job.rows, work.length === 0 ? plan.errorRows : 0, now).lastInsertRowid,
      );
      work.push(job);
    }
  }

  // Phase 2 (writes only, by primary key): trades, tags, keys.
  const writeAll = () => {
    for (const job of work) {
      const { accountId, booking, batchId, days } = job;
      for (const { row, key } of job.trades) {
        const instrument = instrumentFor(row);
        const facts: TradeFacts = {
          accountId,
          instrumentId: instrument.id,
          direction: row.direction,
          openedAt: row.openedAt,
          closedAt: row.closedAt,
          qty: row.qty,
          entryPrice: row.entryPrice,
          exitPrice: row.exitPrice,
          stopPrice: row.stopPrice,
          targetPrice: row.targetPrice,
          feesCents: row.feesCents,
          plannedRiskCents: null,
          setup: row.setup,
          notes: row.notes,
        };
        const brokerGross = row.grossPnlCents ?? (row.netPnlCents !== null ? row.netPnlCents + row.feesCents : null);
        // A broker P&L column is taken to be in the account's currency (what statements report).
        const record = deriveTrade(facts, instrument, booking, {
          brokerGrossCents: brokerGross,
          brokerRate: row.fxRate,
          rMultiple: row.rMultiple,
          externalId: key,
          importBatchId: batchId,
        });
        const tradeId = store.insert(record, now);
        if (row.tags.length > 0) store.addTags(tradeId, store.ensureTags(row.tags, tagCache));
        if (row.fills !== null && row.fills.length > 0) {
          // The fills a journal export carries come back as executions, and their keys as dedupe keys,
          // so a later import of the broker's own file still knows them.
          const portions: FillPortion[] = row.fills.map((fill) => ({
            key: fill.key ?? '',
            side: fill.side === 'buy' ? 1 : -1,
            qty: fill.qty,
            price: fill.price,
            executedAt: fill.at,
            feesCents: fill.fees,
            execId: fill.exec,
            orderId: fill.order,
          }));
          keys.insertFillPortions(accountId, tradeId, batchId, portions.filter((p) => p.key !== ''));
          executions.insertForTrade(
            tradeId,
            toExecutions(portions, batchId).map((e) => ({ ...e, importKey: e.importKey === '' ? null : e.importKey })),
            { accountId, firstSeq: 0 },
          );
        }
        days.push(record.closeDay);
        outcome.tradesCreated += 1;
        if (record.closedAt === null) outcome.tradesLeftOpen += 1;
      }
      for (const { instrument, rows, openTradeId, seed } of job.fills.values()) {
        const fresh: FillPortion[] = rows.map(({ row, key }) => ({
          key,
          side: row.side,
          qty: row.qty,
          price: row.price,
          executedAt: row.executedAt,
          feesCents: row.feesCents,
          execId: row.execId,
          orderId: row.orderId,
        }));
        const continues = openTradeId !== null;
        const trips = groupRoundTrips(continues ? [...seed, ...fresh] : fresh);
        trips.forEach((trip, i) => {
          const facts = portionsToTrip(trip, accountId, instrument.id);
          // From the fills' own prices (exact per fill), in the quote currency: pnl_source 'prices'.
          const quoteAmount = trip.closedAt === null ? null : trip.grossPoints * instrument.multiplier;
          if (trip.closedAt === null) outcome.tradesLeftOpen += 1;
          if (continues && i === 0) {
            const before = store.get(openTradeId)!;
            const record = deriveTrade(
              { ...facts, stopPrice: before.stopPrice, targetPrice: before.targetPrice, setup: before.setup, notes: before.notes },
              instrument,
              booking,
              { quoteAmount, manualRate: before.fxRateSource === 'manual' ? before.fxRate : null, externalId: before.externalId, importBatchId: before.importBatchId },
            );
            store.update(openTradeId, record, now);
            const added = trip.portions.slice(seed.length);
            keys.insertFillPortions(accountId, openTradeId, batchId, added);
            executions.insertForTrade(openTradeId, toExecutions(added, batchId), { accountId });
            days.push(before.closeDay, record.closeDay);
            outcome.tradesUpdated += 1;
            return;
          }
          const record = deriveTrade(facts, instrument, booking, {
            quoteAmount,
            externalId: trip.portions[0]!.key,
            importBatchId: batchId,
          });
          const tradeId = store.insert(record, now);
          keys.insertFillPortions(accountId, tradeId, batchId, trip.portions);
          executions.insertForTrade(tradeId, toExecutions(trip.portions, batchId), { accountId, firstSeq: 0 });
          days.push(record.closeDay);
          outcome.tradesCreated += 1;
        });
      }
    }
  };
  // A big import, next to the journal: one sort per index instead of a B-tree insert per
  // row per index, and one GROUP BY per filter-count table instead of trigger runs per new
  // trade. The rebuild reads the whole journal (about 3 us a trade against about 11 us of
  // triggers a new trade), so a small import into a big journal keeps the triggers.
  const newRows = work.reduce((sum, job) => sum + job.accepted, 0);
  // The analytics day facts are refreshed once per touched day, whatever the size.
  withAnalyticsDeferred(sqlite, () => {
    if (newRows >= BULK_MIN_ROWS) {
      const existing = countTrades.get() as number;
      const write = newRows * 2 >= existing ? () => withIndexesDeferred(sqlite, BULK_TABLES, writeAll) : writeAll;
      if (newRows * 4 >= existing) withTradeFilterCountsDeferred(sqlite, write);
      else write();
    } else {
      writeAll();
    }
  });

  // Phase 3: batch figures and daily equity (which reads through the indexes again).
  for (const job of work) {
    finishBatch.run(job.rows, job.accepted, job.duplicates, job.batchId);
    refreshAccountEquityForDays(sqlite, job.accountId, job.days);
    outcome.batchIds.push(job.batchId);
  }
  return outcome;
}
