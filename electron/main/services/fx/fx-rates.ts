import { parse } from 'csv-parse/sync';
import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { FoundRate } from '../../../../shared/domain/fx-booking';
import type { FxRate, FxRateInput, FxRatesImportInput } from '../../../../shared/domain/fx-rate';

/**
 * A reference rate older than this many days before a trade's day is not used: the ECB
 * skips weekends and TARGET holidays (at most four days in a row), so ten covers every gap
 * of a daily series without booking a trade at a months-old rate.
 */
export const MAX_RATE_AGE_DAYS = 10;

const SELECT = 'SELECT id, day, base, quote, rate, source FROM fx_rates';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Z]{3}$/;

function trimRate(rate: number): string {
  return Number(rate.toPrecision(6)).toString();
}

export interface ParsedRates {
  rows: FxRateInput[];
  skipped: number;
}

/**
 * Reads a rate CSV: long rows (date, base, quote, rate), an ECB Data Portal export
 * (TIME_PERIOD, OBS_VALUE, CURRENCY, CURRENCY_DENOM), or an ECB reference-rate table
 * (Date, then one column per currency, each the units of it per one `base`; "N/A" cells skipped).
 */
export function parseRatesCsv(text: string, base: string): ParsedRates {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new AppError('validation', `The rates file is not a readable CSV: ${(error as Error).message}`);
  }
  if (records.length < 2) throw new AppError('validation', 'The rates file has a header but no rows of rates.');
  const header = records[0]!.map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const rows: FxRateInput[] = [];
  let skipped = 0;
  const push = (day: string, b: string, q: string, raw: string) => {
    const rate = Number(raw);
    if (!ISO_DAY.test(day) || !CODE.test(b) || !CODE.test(q) || b === q || !Number.isFinite(rate) || rate <= 0) {
      skipped += 1;
      return;
    }
    rows.push({ day, base: b, quote: q, rate });
  };
  const col = (...names: string[]) => lower.findIndex((h) => names.includes(h));
  const long = { day: col('date', 'day'), base: col('base'), quote: col('quote'), rate: col('rate') };
  const portal = { day: col('time_period'), value: col('obs_value'), quote: col('currency'), base: col('currency_denom') };
  if (long.day >= 0 && long.base >= 0 && long.quote >= 0 && long.rate >= 0) {
    for (const r of records.slice(1)) push(r[long.day] ?? '', (r[long.base] ?? '').toUpperCase(), (r[long.quote] ?? '').toUpperCase(), r[long.rate] ?? '');
  } else if (portal.day >= 0 && portal.value >= 0 && portal.quote >= 0 && portal.base >= 0) {
    for (const r of records.slice(1)) push(r[portal.day] ?? '', (r[portal.base] ?? '').toUpperCase(), (r[portal.quote] ?? '').toUpperCase(), r[portal.value] ?? '');
  } else if (long.day === 0 && header.slice(1).some((h) => CODE.test(h))) {
    for (const r of records.slice(1)) {
      for (let i = 1; i < header.length; i += 1) {
        if (!CODE.test(header[i]!)) continue;
        const cell = r[i] ?? '';
        if (cell === '' || cell.toUpperCase() === 'N/A') continue;
        push(r[0] ?? '', base, header[i]!, cell);
      }
    }
  } else {
    throw new AppError(
      'validation',
      `The rates file's header (${header.slice(0, 6).join(', ')}) is not one the journal reads: use "date,base,quote,rate", an ECB reference-rate table (Date, USD, JPY, ...), or an ECB Data Portal CSV (TIME_PERIOD, OBS_VALUE, CURRENCY, CURRENCY_DENOM).`,
    );
  }
  if (rows.length === 0) throw new AppError('validation', `No usable rate in the file: ${skipped} rows had no date, currency pair or positive rate.`);
  return { rows, skipped };
}

/** The journal's rate table: what users import or type, and the lookup trades are booked with. */
export function createFxRates(sqlite: Sqlite) {
  const upsert = sqlite.prepare(
    `INSERT INTO fx_rates (day, base, quote, rate, source) VALUES (@day, @base, @quote, @rate, @source)
     ON CONFLICT (base, quote, day) DO UPDATE SET rate = excluded.rate, source = excluded.source`,
  );
  const latest = sqlite.prepare(
    `SELECT day, rate FROM fx_rates WHERE base = ? AND quote = ? AND day <= ? AND day >= ? ORDER BY day DESC LIMIT 1`,
  );
  const pivots = sqlite.prepare(`SELECT DISTINCT base FROM fx_rates WHERE quote IN (?, ?)`).pluck();

  const minDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - MAX_RATE_AGE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const find = (base: string, quote: string, day: string) =>
    latest.get(base, quote, day, minDay(day)) as { day: string; rate: number } | undefined;

  /** 1 `from` = rate `to`, from the latest rate on or before `day`: direct, inverted, or crossed through a common base (ECB's EUR). */
  const lookUp = (day: string, from: string, to: string): FoundRate | null => {
    const direct = find(from, to, day);
    if (direct) return { rate: direct.rate, source: 'table', label: `${from}/${to} ${trimRate(direct.rate)} on ${direct.day}` };
    const inverse = find(to, from, day);
    if (inverse) return { rate: 1 / inverse.rate, source: 'table', label: `${to}/${from} ${trimRate(inverse.rate)} on ${inverse.day}` };
    for (const pivot of pivots.all(from, to) as string[]) {
      if (pivot === from || pivot === to) continue;
      const toFrom = find(pivot, from, day);
      const toTo = find(pivot, to, day);
      if (toFrom && toTo) {
        return {
          rate: toTo.rate / toFrom.rate,
          source: 'table',
          label: `${pivot}/${to} ${trimRate(toTo.rate)} on ${toTo.day} ÷ ${pivot}/${from} ${trimRate(toFrom.rate)} on ${toFrom.day}`,
        };
      }
    }
    return null;
  };

  return {
    lookUp,
    list(limit = 200): FxRate[] {
      return sqlite.prepare(`${SELECT} ORDER BY day DESC, base, quote LIMIT ?`).all(limit) as FxRate[];
    },
    count(): number {
      return sqlite.prepare('SELECT COUNT(*) FROM fx_rates').pluck().get() as number;
    },
    /** Writes rates (same pair and day: replaced); the caller owns the transaction. */
    put(rows: FxRateInput[], source: string): number {
      for (const row of rows) upsert.run({ ...row, source });
      return rows.length;
    },
    remove(id: number): void {
      const done = sqlite.prepare('DELETE FROM fx_rates WHERE id = ?').run(id);
      if (done.changes === 0) throw new AppError('not_found', `Rate ${id} does not exist; reload the rates list.`);
    },
    parse(input: FxRatesImportInput): ParsedRates {
      return parseRatesCsv(input.text, input.base);
    },
  };
}

export type FxRates = ReturnType<typeof createFxRates>;
