import type { ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import type { Bar } from '../../../../shared/domain/bars';
import { parseDateTime } from '../import/parse-datetime';
import { isFailure } from '../import/parse-number';

/** Where each field sits in a row of a bar file. */
export interface BarLayout {
  /** Column of the date (or date-time, or unix time). */
  date: number;
  /** Column of a separate time of day, if the file splits them. */
  time: number | null;
  open: number;
  high: number;
  low: number;
  close: number;
  hasHeader: boolean;
  description: string;
}

const clean = (h: string) => h.trim().replace(/^<|>$/g, '').toLowerCase();

/**
 * Recognises the bar layouts platforms export:
 * - a header naming the columns: TradingView "time,open,high,low,close,Volume" (unix seconds
 *   or ISO), MetaTrader 5 "<DATE> <TIME> <OPEN> ...", generic "Date,Time,Open,High,Low,Close";
 * - no header: NinjaTrader "20240102 093000;O;H;L;C;V", MetaTrader 4 "2024.01.02,09:30,O,H,L,C,V",
 *   or "date-time,O,H,L,C[,V]".
 */
export function detectBarLayout(first: string[]): BarLayout | null {
  const names = first.map(clean);
  const find = (...candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  const open = find('open', 'o');
  const high = find('high', 'h');
  const low = find('low', 'l');
  const close = find('close', 'c', 'last');
  if (open !== -1 && high !== -1 && low !== -1 && close !== -1) {
    const date = find('time', 'date', 'datetime', 'date/time', 'timestamp', 'date time', 'gmt time', 'local time');
    if (date === -1) return null;
    const timeCol = names[date] === 'date' ? find('time') : -1;
    return {
      date, time: timeCol === -1 ? null : timeCol, open, high, low, close, hasHeader: true,
      description: `header row (${first.map((h) => h.trim()).join(', ')})`,
    };
  }
  const numeric = (s: string | undefined) => s !== undefined && /^-?\d+(\.\d+)?$/.test(s.trim());
  if (first.length >= 6 && /^\d{4}[./-]\d{1,2}[./-]\d{1,2}$/.test(first[0]!.trim()) && /^\d{1,2}:\d{2}(:\d{2})?$/.test(first[1]!.trim())) {
    return { date: 0, time: 1, open: 2, high: 3, low: 4, close: 5, hasHeader: false, description: 'date, time, open, high, low, close (MetaTrader 4 style, no header)' };
  }
  if (first.length >= 5 && [1, 2, 3, 4].every((i) => numeric(first[i]))) {
    return { date: 0, time: null, open: 1, high: 2, low: 3, close: 4, hasHeader: false, description: 'date-time, open, high, low, close (NinjaTrader style, no header)' };
  }
  return null;
}

export type BarRowResult = Bar | { reason: string };

/** One row as a bar, or why it is not one. Wall-clock times are read in `calendar`'s zone. */
export function readBarRow(cells: string[], layout: BarLayout, calendar: ZoneCalendar): BarRowResult {
  const dateText = (cells[layout.date] ?? '').trim();
  const stamp = layout.time === null ? dateText : `${dateText} ${(cells[layout.time] ?? '').trim()}`;
  // Unix seconds with a fraction (some exports) are whole seconds in practice.
  const time = /^\d{9,10}\.0+$/.test(stamp) ? Number(stamp) * 1000 : parseDateTime(stamp, 'YMD', calendar);
  if (isFailure(time)) return { reason: `time “${stamp}” ${time.reason}` };
  const price = (i: number) => Number((cells[i] ?? '').trim().replace(',', '.'));
  const bar = { time, open: price(layout.open), high: price(layout.high), low: price(layout.low), close: price(layout.close) };
  if (![bar.open, bar.high, bar.low, bar.close].every((v) => Number.isFinite(v) && (cells[layout.open] ?? '').trim() !== '')) {
    return { reason: 'open, high, low and close must all be numbers' };
  }
  if (bar.high < Math.max(bar.open, bar.close, bar.low) || bar.low > Math.min(bar.open, bar.close)) {
    return { reason: `high ${bar.high} and low ${bar.low} do not contain open ${bar.open} and close ${bar.close}` };
  }
  return bar;
}

/** The delimiter of a bar file from its first line: tab, semicolon or comma. */
export function barDelimiter(firstLine: string): string {
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}
