import type { Sqlite } from '../db/client';
import { AppError } from '../errors';

export type ExecutionSide = 'buy' | 'sell';

/** One fill (or the part of one) of a trade, as the broker reported it. */
export interface Execution {
  id: number;
  tradeId: number;
  accountId: number;
  executedAt: number;
  side: ExecutionSide;
  qty: number;
  price: number;
  feesCents: number;
  brokerExecId: string | null;
  brokerOrderId: string | null;
  importBatchId: number | null;
  /** The fill's import dedupe key; null for fills entered by hand. */
  importKey: string | null;
  seq: number;
}

export type ExecutionInput = Pick<Execution, 'executedAt' | 'side' | 'qty' | 'price' | 'feesCents'> &
  Partial<Pick<Execution, 'brokerExecId' | 'brokerOrderId' | 'importBatchId' | 'importKey'>>;

const SELECT = `SELECT id, trade_id AS tradeId, account_id AS accountId, executed_at AS executedAt, side, qty, price,
  fees_cents AS feesCents, broker_exec_id AS brokerExecId, broker_order_id AS brokerOrderId,
  import_batch_id AS importBatchId, import_key AS importKey, seq FROM executions`;

/**
 * The executions of trades. Writes run inside the caller's transaction (an import writes a
 * trade and its fills together); a trade's derived entry/exit/qty/fees are the caller's to keep
 * in step, this module only stores and lists fills.
 */
export function createExecutions(sqlite: Sqlite) {
  const list = sqlite.prepare(`${SELECT} WHERE trade_id = ? ORDER BY seq, id`);
  const accountOf = sqlite.prepare('SELECT account_id FROM trades WHERE id = ?').pluck();
  const nextSeq = sqlite.prepare('SELECT COALESCE(MAX(seq) + 1, 0) FROM executions WHERE trade_id = ?').pluck();
  const insert = sqlite.prepare(
    `INSERT INTO executions (trade_id, account_id, executed_at, side, qty, price, fees_cents, broker_exec_id, broker_order_id, import_batch_id, import_key, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const removeForTrade = sqlite.prepare('DELETE FROM executions WHERE trade_id = ?');
  const removeForBatch = sqlite.prepare('DELETE FROM executions WHERE trade_id = ? AND import_batch_id = ?');

  /**
   * Appends fills after the trade's last one, in the order given; returns their ids.
   * `known` spares the lookups when the caller has just created the trade (a bulk import
   * writes with the indexes dropped, where a per-trade MAX(seq) would scan the table).
   */
  const insertForTrade = (tradeId: number, fills: readonly ExecutionInput[], known?: { accountId: number; firstSeq?: number }): number[] => {
    const account = known?.accountId ?? (accountOf.get(tradeId) as number | undefined);
    if (account === undefined) throw new AppError('not_found', `Trade ${tradeId} does not exist; reload the trades.`);
    let seq = known?.firstSeq ?? (nextSeq.get(tradeId) as number);
    const ids: number[] = [];
    for (const f of fills) {
      if (!(f.qty > 0)) throw new AppError('validation', `A fill's quantity must be greater than zero (got ${f.qty}).`);
      const id = insert.run(
        tradeId,
        account,
        f.executedAt,
        f.side,
        f.qty,
        f.price,
        f.feesCents,
        f.brokerExecId ?? null,
        f.brokerOrderId ?? null,
        f.importBatchId ?? null,
        f.importKey ?? null,
        seq,
      ).lastInsertRowid;
      ids.push(Number(id));
      seq += 1;
    }
    return ids;
  };

  return {
    listByTrade: (tradeId: number): Execution[] => list.all(tradeId) as Execution[],
    insertForTrade,
    /** Replaces every fill of a trade (a manual edit of its executions). */
    replaceForTrade(tradeId: number, fills: readonly ExecutionInput[]): number[] {
      removeForTrade.run(tradeId);
      return insertForTrade(tradeId, fills);
    },
    /** Removes the fills one import added to a trade (undo of an import that extended it). */
    removeBatchFills(tradeId: number, batchId: number): void {
      removeForBatch.run(tradeId, batchId);
    },
  };
}

export type Executions = ReturnType<typeof createExecutions>;
