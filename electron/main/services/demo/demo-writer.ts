import type { Sqlite } from '../db/client';
import type { DemoTrade } from './trader';

/** Rows per INSERT statement: fewer, larger statements cut the per-call overhead. */
const ROWS_PER_INSERT = 64;
const TRADE_COLUMNS = 26;
const TAGS_PER_INSERT = 256;

const TRADE_INSERT_HEAD = `INSERT INTO trades (id, account_id, instrument_id, direction, status, opened_at, closed_at,
  close_day, qty, entry_price, exit_price, stop_price, target_price, gross_pnl_cents, fees_cents, net_pnl_cents,
  r_multiple, setup, notes, external_id, created_at, updated_at, pnl_currency, quote_gross_pnl_cents, fx_rate,
  fx_rate_source) VALUES `;
const TRADE_VALUES = `(${Array.from({ length: TRADE_COLUMNS }, () => '?').join(',')})`;

export interface DemoTradeWriter {
  write(batch: readonly DemoTrade[]): void;
  readonly written: number;
}

/**
 * Inserts generated trades and their tags with ids assigned in order from `firstId`,
 * so the ids are part of the deterministic output. Parameters go into one reused array
 * per statement rather than an object per row.
 */
export function createDemoTradeWriter(
  sqlite: Sqlite,
  ids: { accounts: readonly number[]; instruments: readonly number[]; tags: readonly number[]; currencies: readonly string[] },
  firstId: number,
): DemoTradeWriter {
  const many = sqlite.prepare(TRADE_INSERT_HEAD + Array.from({ length: ROWS_PER_INSERT }, () => TRADE_VALUES).join(','));
  const one = sqlite.prepare(TRADE_INSERT_HEAD + TRADE_VALUES);
  const insertTag = sqlite.prepare('INSERT INTO trade_tags (trade_id, tag_id) VALUES (?, ?)');
  const insertTags = sqlite.prepare(
    `INSERT INTO trade_tags (trade_id, tag_id) VALUES ${Array.from({ length: TAGS_PER_INSERT }, () => '(?, ?)').join(',')}`,
  );
  const tagParams: number[] = new Array(TAGS_PER_INSERT * 2).fill(0);
  let tagCount = 0;
  const manyParams: (string | number | null)[] = new Array(ROWS_PER_INSERT * TRADE_COLUMNS).fill(null);
  const oneParams: (string | number | null)[] = new Array(TRADE_COLUMNS).fill(null);
  let nextId = firstId;

  const fill = (params: (string | number | null)[], at: number, id: number, t: DemoTrade) => {
    params[at] = id;
    params[at + 1] = ids.accounts[t.accountIndex] ?? null;
    params[at + 2] = ids.instruments[t.instrumentIndex] ?? null;
    params[at + 3] = t.long ? 'long' : 'short';
    params[at + 4] = t.open ? 'open' : 'closed';
    params[at + 5] = t.openedAt;
    params[at + 6] = t.closedAt;
    params[at + 7] = t.closeDay;
    params[at + 8] = t.qty;
    params[at + 9] = t.entryPrice;
    params[at + 10] = t.exitPrice;
    params[at + 11] = t.stopPrice;
    params[at + 12] = t.targetPrice;
    params[at + 13] = t.grossPnlCents;
    params[at + 14] = t.feesCents;
    params[at + 15] = t.netPnlCents;
    params[at + 16] = t.rMultiple;
    params[at + 17] = t.setup;
    params[at + 18] = t.notes;
    params[at + 19] = null;
    // Journaled when the trade was last touched: deterministic, unlike the column default.
    params[at + 20] = t.closedAt ?? t.openedAt;
    params[at + 21] = t.closedAt ?? t.openedAt;
    // The demo trades each account's instruments in the account's own currency.
    params[at + 22] = t.open ? null : (ids.currencies[t.accountIndex] ?? null);
    params[at + 23] = t.open ? null : t.grossPnlCents;
    params[at + 24] = t.open ? null : 1;
    params[at + 25] = t.open ? null : 'same-currency';
  };

  const writeTags = (id: number, mask: number) => {
    for (let bit = 0; mask !== 0; bit++, mask >>>= 1) {
      if ((mask & 1) === 0) continue;
      tagParams[tagCount * 2] = id;
      tagParams[tagCount * 2 + 1] = ids.tags[bit] ?? 0;
      if (++tagCount === TAGS_PER_INSERT) {
        insertTags.run(tagParams);
        tagCount = 0;
      }
    }
  };
  // Tag links wait in tagParams until a full statement's worth; the rest go one by one.
  const flushTags = () => {
    for (let k = 0; k < tagCount; k++) insertTag.run(tagParams[k * 2], tagParams[k * 2 + 1]);
    tagCount = 0;
  };

  return {
    get written() {
      return nextId - firstId;
    },
    write(batch) {
      let i = 0;
      for (; i + ROWS_PER_INSERT <= batch.length; i += ROWS_PER_INSERT) {
        const startId = nextId;
        for (let k = 0; k < ROWS_PER_INSERT; k++) fill(manyParams, k * TRADE_COLUMNS, nextId++, batch[i + k] as DemoTrade);
        many.run(manyParams);
        for (let k = 0; k < ROWS_PER_INSERT; k++) {
          const mask = (batch[i + k] as DemoTrade).tagMask;
          if (mask !== 0) writeTags(startId + k, mask);
        }
      }
      for (; i < batch.length; i++) {
        const trade = batch[i] as DemoTrade;
        const id = nextId++;
        fill(oneParams, 0, id, trade);
        one.run(oneParams);
        if (trade.tagMask !== 0) writeTags(id, trade.tagMask);
      }
      flushTags();
    },
  };
}
