import type { Sqlite } from '../db/client';
import type { Direction, TradeStatus } from '../../../../shared/domain/enums';
import { computePnl, computeRMultiple } from '../../../../shared/domain/trade-input-pnl';
import type { ZoneCalendar } from '../../../../shared/domain/zone-calendar';

/** The execution facts of a trade, from which everything else is derived. */
export interface TradeFacts {
  accountId: number;
  instrumentId: number;
  direction: Direction;
  openedAt: number;
  closedAt: number | null;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  stopPrice: number | null;
  targetPrice: number | null;
  feesCents: number;
  plannedRiskCents: number | null;
  setup: string | null;
  notes: string;
}

/** A full trades row as written. */
export interface TradeRecord extends TradeFacts {
  status: TradeStatus;
  closeDay: string | null;
  grossPnlCents: number;
  netPnlCents: number;
  rMultiple: number | null;
  externalId: string | null;
  importBatchId: number | null;
}

export interface StoredTrade extends TradeRecord {
  id: number;
}

/**
 * Derives status, close day (in the account's zone), P&L and R from the facts.
 * `brokerGrossCents` (an import's reported P&L) wins over the price-computed gross.
 * R is recomputed from the risk (planned, else entry-to-stop) on every write; `extra.rMultiple`
 * (a figure the file carried) is kept only when the trade gives no risk to measure against.
 */
export function deriveTrade(
  facts: TradeFacts,
  multiplier: number,
  calendar: ZoneCalendar,
  extra: { brokerGrossCents?: number | null; rMultiple?: number | null; externalId?: string | null; importBatchId?: number | null } = {},
): TradeRecord {
  const closed = facts.closedAt !== null && facts.exitPrice !== null;
  const pnl = computePnl({
    direction: facts.direction,
    qty: facts.qty,
    entryPrice: facts.entryPrice,
    exitPrice: closed ? facts.exitPrice : null,
    multiplier,
    feesCents: facts.feesCents,
  });
  const gross = closed && extra.brokerGrossCents != null ? extra.brokerGrossCents : pnl.grossPnlCents;
  // Spelled out rather than spread: imports build a hundred thousand of these.
  return {
    accountId: facts.accountId,
    instrumentId: facts.instrumentId,
    direction: facts.direction,
    openedAt: facts.openedAt,
    closedAt: facts.closedAt,
    qty: facts.qty,
    entryPrice: facts.entryPrice,
    exitPrice: facts.exitPrice,
    stopPrice: facts.stopPrice,
    targetPrice: facts.targetPrice,
    feesCents: facts.feesCents,
    plannedRiskCents: facts.plannedRiskCents,
    setup: facts.setup,
    notes: facts.notes,
    status: closed ? 'closed' : 'open',
    closeDay: closed ? calendar.dayOf(facts.closedAt!) : null,
    grossPnlCents: gross,
    netPnlCents: gross - facts.feesCents,
    rMultiple:
      computeRMultiple(closed, gross - facts.feesCents, {
        entryPrice: facts.entryPrice,
        stopPrice: facts.stopPrice,
        qty: facts.qty,
        multiplier,
        plannedRiskCents: facts.plannedRiskCents,
      }) ?? (closed ? (extra.rMultiple ?? null) : null),
    externalId: extra.externalId ?? null,
    importBatchId: extra.importBatchId ?? null,
  };
}

const SELECT_TRADE = `SELECT id, account_id AS accountId, instrument_id AS instrumentId, direction, status,
  opened_at AS openedAt, closed_at AS closedAt, close_day AS closeDay, qty, entry_price AS entryPrice,
  exit_price AS exitPrice, stop_price AS stopPrice, target_price AS targetPrice, gross_pnl_cents AS grossPnlCents,
  fees_cents AS feesCents, net_pnl_cents AS netPnlCents, r_multiple AS rMultiple,
  planned_risk_cents AS plannedRiskCents, setup, notes,
  external_id AS externalId, import_batch_id AS importBatchId FROM trades`;

/** Prepared statements for writing trades and their tags; callers own the transaction. */
export function createTradeStore(sqlite: Sqlite) {
  const insert = sqlite.prepare(
    `INSERT INTO trades (account_id, instrument_id, direction, status, opened_at, closed_at, close_day, qty,
       entry_price, exit_price, stop_price, target_price, gross_pnl_cents, fees_cents, net_pnl_cents, r_multiple,
       planned_risk_cents, setup, notes, external_id, import_batch_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = sqlite.prepare(
    `UPDATE trades SET account_id = @accountId, instrument_id = @instrumentId, direction = @direction,
       status = @status, opened_at = @openedAt, closed_at = @closedAt, close_day = @closeDay, qty = @qty,
       entry_price = @entryPrice, exit_price = @exitPrice, stop_price = @stopPrice, target_price = @targetPrice,
       gross_pnl_cents = @grossPnlCents, fees_cents = @feesCents, net_pnl_cents = @netPnlCents,
       r_multiple = @rMultiple, planned_risk_cents = @plannedRiskCents, setup = @setup, notes = @notes, updated_at = @now
     WHERE id = @id`,
  );
  const byId = sqlite.prepare(`${SELECT_TRADE} WHERE id = ?`);
  const tagByName = sqlite.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1');
  const insertTag = sqlite.prepare('INSERT INTO tags (name) VALUES (?)');
  const clearTags = sqlite.prepare('DELETE FROM trade_tags WHERE trade_id = ?');
  const addTag = sqlite.prepare('INSERT OR IGNORE INTO trade_tags (trade_id, tag_id) VALUES (?, ?)');
  const tagNames = sqlite.prepare(
    'SELECT g.name FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.trade_id = ? ORDER BY g.name',
  );

  return {
    insert(r: TradeRecord, now: number): number {
      // Positional: no per-row parameter object (imports insert a hundred thousand rows).
      return Number(
        insert.run(
          r.accountId, r.instrumentId, r.direction, r.status, r.openedAt, r.closedAt, r.closeDay, r.qty,
          r.entryPrice, r.exitPrice, r.stopPrice, r.targetPrice, r.grossPnlCents, r.feesCents, r.netPnlCents, r.rMultiple,
          r.plannedRiskCents, r.setup, r.notes, r.externalId, r.importBatchId, now, now,
        ).lastInsertRowid,
      );
    },
    /** Rewrites every column except the import identity (external id, batch). */
    update(id: number, record: TradeRecord, now: number): void {
      update.run({ ...record, id, now });
    },
    get(id: number): StoredTrade | undefined {
      return byId.get(id) as StoredTrade | undefined;
    },
    /** Tag ids for names, creating missing tags; matching ignores case. `cache` spans a batch. */
    ensureTags(names: string[], cache: Map<string, number> = new Map()): number[] {
      return names.map((name) => {
        const folded = name.toLowerCase();
        let id = cache.get(folded);
        if (id === undefined) {
          const found = tagByName.get(name) as { id: number } | undefined;
          id = found ? found.id : Number(insertTag.run(name).lastInsertRowid);
          cache.set(folded, id);
        }
        return id;
      });
    },
    setTags(tradeId: number, tagIds: number[]): void {
      clearTags.run(tradeId);
      for (const tagId of tagIds) addTag.run(tradeId, tagId);
    },
    addTags(tradeId: number, tagIds: number[]): void {
      for (const tagId of tagIds) addTag.run(tradeId, tagId);
    },
    tagsOf(tradeId: number): string[] {
      return (tagNames.all(tradeId) as { name: string }[]).map((row) => row.name);
    },
  };
}

export type TradeStore = ReturnType<typeof createTradeStore>;
