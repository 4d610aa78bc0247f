import type { Sqlite } from '../db/client';
import { EQUITY_FIELDS } from '../../../../shared/domain/equity';
import { rangeParams, type DayKeyRange } from './day-totals-sql';

/** A stored daily_equity row: key, then the values in EQUITY_FIELDS order. */
export type StoredDayRow = [accountId: number, day: string, ...values: (number | null)[]];

// daily_equity holds a row per account-day (thousands, not millions): a plain filtered read.
const STORED_DAYS_SQL = `
  SELECT json_group_array(json_array(account_id, day, ${EQUITY_FIELDS.join(', ')})) FROM (
    SELECT * FROM daily_equity
    WHERE (@fromAccount IS NULL OR account_id > @fromAccount
           OR (account_id = @fromAccount AND day >= COALESCE(@fromDay, '')))
      AND (@toAccount IS NULL OR account_id < @toAccount OR (account_id = @toAccount AND day < @toDay))
    ORDER BY account_id, day)`;

/**
 * The daily_equity rows of one range of account-days, in key order, as one JSON text:
 * posting a string between threads is a copy, where thousands of small arrays are cloned
 * one by one, and V8 parses the text faster than it would rebuild them.
 */
export function readStoredDaysJson(sqlite: Sqlite, range: DayKeyRange): string {
  return sqlite.prepare(STORED_DAYS_SQL).pluck().get(rangeParams(range)) as string;
}

/** Every account's starting balance: where its running equity starts. */
export function readStartingBalances(sqlite: Sqlite): [accountId: number, cents: number][] {
  return sqlite.prepare('SELECT id, starting_balance_cents FROM accounts').raw().all() as [number, number][];
}
