import type { Direction } from '../../../../shared/domain/enums';
import type { ImportPresetDefinition, MappableField } from '../../../../shared/domain/import-preset';
import type { ImportRowError } from '../../../../shared/domain/import-result';
import type { ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import type { Layout } from './layout';
import { parseDateTime } from './parse-datetime';
import { canonicalToCents, isFailure, parseDecimalString, type DecimalMark } from './parse-number';
import { TAG_LIST_SEPARATOR } from '../../../../shared/domain/trade-input';
import { isValidTimeZone } from '../../../../shared/domain/day';
import { z } from 'zod';

const CURRENCY = /^[A-Z]{3}$/;
const FillsSchema = z
  .array(
    z.object({
      at: z.number().int(),
      side: z.enum(['buy', 'sell']),
      qty: z.number().positive(),
      price: z.number().finite(),
      fees: z.number().int().default(0),
      exec: z.string().max(200).nullable().default(null),
      order: z.string().max(200).nullable().default(null),
      key: z.string().max(200).nullable().default(null),
    }),
  )
  .max(10_000);

/** Fields every imported row carries, whatever its kind. */
interface RowBase {
  line: number;
  /** The file's account cell, when mapped. */
  account: string | null;
  symbol: string;
  assetClassHint: string | undefined;
  multiplierHint: number | undefined;
  feesCents: number;
  /** Settings a journal export carries for the account and the instrument (used when the import creates them). */
  accountSettings: { currency?: string; timezone?: string; startingBalanceCents?: number } | undefined;
  instrumentCurrency: string | undefined;
}

/** A fill as a journal export carries it in its Fills column. */
export interface ExportedFill {
  at: number;
  side: 'buy' | 'sell';
  qty: number;
  price: number;
  fees: number;
  exec: string | null;
  order: string | null;
  key: string | null;
}

export interface TradeRowData extends RowBase {
  kind: 'trade';
  tradeId: string | null;
  direction: Direction;
  openedAt: number;
  closedAt: number | null;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  stopPrice: number | null;
  targetPrice: number | null;
  grossPnlCents: number | null;
  netPnlCents: number | null;
  /** The broker's rate from the P&L currency to the account currency, when the file has one. */
  fxRate: number | null;
  rMultiple: number | null;
  setup: string | null;
  tags: string[];
  notes: string;
  externalId: string | null;
  fills: ExportedFill[] | null;
}

export interface FillRowData extends RowBase {
  kind: 'fill';
  execId: string | null;
  orderId: string | null;
  /** +1 buy, -1 sell. */
  side: 1 | -1;
  qty: number;
  price: number;
  executedAt: number;
}

export type RowData = TradeRowData | FillRowData;

export type ReadOutcome = { row: RowData; errors?: undefined; filtered?: undefined } | { errors: ImportRowError[]; row?: undefined; filtered?: undefined } | { filtered: true; row?: undefined; errors?: undefined };

export interface ReadContext {
  preset: ImportPresetDefinition;
  layout: Layout;
  decimal: DecimalMark;
  calendar: ZoneCalendar;
  /** Strip the export's formula-injection apostrophe (CSV written by Spark Journal). */
  unguard: boolean;
}

const BUY_WORDS = new Set(['buy', 'b', 'bot', 'bought', 'long', 'buytocover', 'cover', 'buytoclose', 'buytoopen', 'bc', 'bto', 'btc']);
const SELL_WORDS = new Set(['sell', 's', 'sld', 'sold', 'short', 'sellshort', 'ss', 'selltoopen', 'selltoclose', 'sto', 'stc']);
const MAX_NOTES = 20_000;
const NO_TAGS: string[] = [];
// The exports' guard: an apostrophe before a character a spreadsheet would run as a formula.
const GUARDED = /^'[=+\-@\t\r]/;
const MAX_TEXT = 200;

export function parseSide(raw: string): 1 | -1 | null {
  const word = raw.trim().toLowerCase().replace(/[\s_-]+/g, '');
  if (BUY_WORDS.has(word)) return 1;
  if (SELL_WORDS.has(word)) return -1;
  return null;
}

/** Builds the reader for one file: column positions are resolved once, not per row. */
export function createRowReader(ctx: ReadContext): (cells: string[], line: number) => ReadOutcome {
  const { preset, layout, decimal, calendar, unguard } = ctx;
  const { headers, index } = layout;
  const filterValues = preset.rowFilter ? new Set(preset.rowFilter.values.map((v) => v.toUpperCase())) : null;

  // Per-row state: the helpers below are created once per file and read these, so a row
  // costs no closure allocations (100k-row imports spend their time on data, not on GC).
  let cells: string[] = [];
  let line = 0;
  let errors: ImportRowError[] | null = null;

  // Read through a function: TypeScript would otherwise keep `errors` narrowed to null.
  const collected = (): ImportRowError[] | null => errors;
  const fail = (field: MappableField | number, value: string, reason: string) => {
    const at = typeof field === 'number' ? field : index[field];
    (errors ??= []).push({ row: line, column: at === undefined ? null : headers[at] ?? null, value, reason });
  };
  const text = (field: MappableField): string => {
    const at = index[field];
    if (at === undefined) return '';
    const value = (cells[at] ?? '').trim();
    return unguard && GUARDED.test(value) ? value.slice(1) : value;
  };
  const optionalText = (field: MappableField, max = MAX_TEXT): string | null => {
    const value = text(field);
    if (value === '') return null;
    if (value.length > max) {
      fail(field, `${value.slice(0, 40)}…`, `is longer than ${max} characters`);
      return null;
    }
    return value;
  };
  const decimalOf = (field: MappableField, required: boolean): string | null => {
    const raw = text(field);
    if (raw === '') {
      if (required) fail(field, raw, index[field] === undefined ? `is missing: map a column to "${field}"` : 'is empty');
      return null;
    }
    const parsed = parseDecimalString(raw, decimal);
    if (isFailure(parsed)) {
      fail(field, raw, parsed.reason);
      return null;
    }
    return parsed;
  };
  const numberOf = (field: MappableField, required: boolean): number | null => {
    const parsed = decimalOf(field, required);
    return parsed === null ? null : Number(parsed);
  };
  const centsOf = (field: MappableField): number | null => {
    const parsed = decimalOf(field, false);
    return parsed === null ? null : canonicalToCents(parsed);
  };
  /** A date-time cell, or a date cell plus the time cell of `timeField` when the layout splits them. */
  const timeOf = (field: MappableField, required: boolean, timeField?: MappableField): number | null => {
    const date = text(field);
    const clock = timeField !== undefined && index[timeField] !== undefined ? text(timeField) : '';
    const raw = date !== '' && clock !== '' ? `${date} ${clock}` : date;
    if (raw === '') {
      if (required) fail(field, raw, 'is empty');
      return null;
    }
    const parsed = parseDateTime(raw, preset.dateOrder, calendar);
    if (isFailure(parsed)) {
      fail(field, raw, parsed.reason);
      return null;
    }
    return parsed;
  };

  const zoneChecks = new Map<string, boolean>();
  const settingsCache = new Map<string, NonNullable<RowBase['accountSettings']>>();
  /** The account settings a journal export carries (only read when mapped). */
  const accountSettingsOf = (): RowBase['accountSettings'] => {
    if (index.currency === undefined && index.accountTimezone === undefined && index.startingBalance === undefined) return undefined;
    const out: NonNullable<RowBase['accountSettings']> = {};
    const currency = text('currency');
    if (currency !== '') {
      if (CURRENCY.test(currency)) out.currency = currency;
      else fail('currency', currency, 'is not a three-letter currency code such as USD');
    }
    const zone = text('accountTimezone');
    if (zone !== '') {
      // Checking a zone builds an Intl formatter (about 0.2 ms): once per zone, not per row.
      let valid = zoneChecks.get(zone);
      if (valid === undefined) {
        valid = isValidTimeZone(zone);
        zoneChecks.set(zone, valid);
      }
      if (valid) out.timezone = zone;
      else fail('accountTimezone', zone, 'is not an IANA time zone (e.g. America/New_York)');
    }
    const balance = centsOf('startingBalance');
    if (balance !== null) out.startingBalanceCents = balance;
    // Rows of one account repeat the same settings: share one object.
    const key = `${out.currency ?? ''}|${out.timezone ?? ''}|${out.startingBalanceCents ?? ''}`;
    const shared = settingsCache.get(key);
    if (shared) return shared;
    settingsCache.set(key, out);
    return out;
  };

  return (rowCells, rowLine) => {
    cells = rowCells;
    line = rowLine;
    errors = null;
    if (layout.filterIndex >= 0 && filterValues && !filterValues.has((cells[layout.filterIndex] ?? '').trim().toUpperCase())) {
      return { filtered: true };
    }
    let feesCents = 0;
    for (const at of layout.feeIndexes) {
      const raw = (cells[at] ?? '').trim();
      if (raw === '') continue;
      const parsed = parseDecimalString(raw, decimal);
      if (isFailure(parsed)) fail(at, raw, parsed.reason);
      else feesCents += canonicalToCents(parsed);
    }
    if (preset.feeSign === 'negative') feesCents = -feesCents;

    const symbol = text('symbol');
    if (symbol === '') fail('symbol', '', 'is empty');
    const multiplierHint = numberOf('multiplier', false);
    if (multiplierHint !== null && multiplierHint <= 0) fail('multiplier', text('multiplier'), 'must be greater than zero');
    const account = optionalText('account');
    const assetClassHint = text('assetClass') || undefined;

    if (preset.kind === 'fills') {
      const signedQty = numberOf('qty', true);
      const price = numberOf('price', true);
      const executedAt = timeOf('executedAt', true, 'executedTime');
      let side: 1 | -1 | null = null;
      const sideText = text('side');
      if (sideText !== '') {
        side = parseSide(sideText);
        if (side === null) fail('side', sideText, 'is not a side this importer knows (use Buy or Sell)');
      } else if (signedQty !== null && signedQty !== 0 && index.side === undefined) {
        side = signedQty > 0 ? 1 : -1;
      } else if (signedQty !== null) {
        fail(index.side === undefined ? 'qty' : 'side', sideText, 'does not say buy or sell: map a side column or use signed quantities');
      }
      if (signedQty === 0) fail('qty', text('qty'), 'must not be zero');
      const found = collected();
      if (found !== null) return { errors: found };
      return {
        row: {
          line,
          account,
          symbol,
          assetClassHint,
          multiplierHint: multiplierHint ?? undefined,
          feesCents,
          kind: 'fill',
          execId: optionalText('execId'),
          orderId: optionalText('orderId'),
          side: side!,
          qty: Math.abs(signedQty!),
          price: price!,
          executedAt: executedAt!,
          accountSettings: undefined,
          instrumentCurrency: undefined,
        },
      };
    }

    let direction: Direction | null = null;
    let openedAt: number | null;
    let closedAt: number | null;
    let entryPrice: number | null;
    let exitPrice: number | null;
    if (index.boughtAt !== undefined || index.soldAt !== undefined) {
      // No direction column: the side that came first opened the trade.
      const boughtAt = timeOf('boughtAt', true);
      const soldAt = timeOf('soldAt', true);
      const buyPrice = numberOf('buyPrice', true);
      const sellPrice = numberOf('sellPrice', true);
      const long = boughtAt === null || soldAt === null || boughtAt <= soldAt;
      direction = long ? 'long' : 'short';
      openedAt = long ? boughtAt : soldAt;
      closedAt = long ? soldAt : boughtAt;
      entryPrice = long ? buyPrice : sellPrice;
      exitPrice = long ? sellPrice : buyPrice;
    } else {
      const directionText = text('direction');
      if (directionText === '') fail('direction', '', 'is empty');
      else {
        const side = parseSide(directionText);
        if (side === null) fail('direction', directionText, 'is not a direction this importer knows (use long or short)');
        else direction = side === 1 ? 'long' : 'short';
      }
      openedAt = timeOf('openedAt', true, 'openedTime');
      closedAt = timeOf('closedAt', false, 'closedTime');
      entryPrice = numberOf('entryPrice', true);
      exitPrice = numberOf('exitPrice', false);
      if (closedAt !== null && exitPrice === null && text('exitPrice') === '') {
        fail('exitPrice', '', 'is empty but the trade has a close time');
      }
      if (exitPrice !== null && closedAt === null && text('closedAt') === '') {
        fail('closedAt', '', 'is empty but the trade has an exit price');
      }
      if (openedAt !== null && closedAt !== null && closedAt < openedAt) {
        fail('closedAt', text('closedAt'), `is before the open time (${text('openedAt')})`);
      }
    }
    const qty = numberOf('qty', true);
    if (qty === 0) fail('qty', text('qty'), 'must not be zero');
    const rMultiple = numberOf('rMultiple', false);
    // Notes keep their spacing: only the export's formula guard is undone.
    const rawNotes = index.notes === undefined ? '' : cells[index.notes] ?? '';
    const notes = unguard && GUARDED.test(rawNotes) ? rawNotes.slice(1) : rawNotes;
    if (notes.length > MAX_NOTES) fail('notes', `${notes.slice(0, 40)}…`, `is longer than ${MAX_NOTES} characters`);
    const tagText = text('tags');
    const tags = tagText === '' ? NO_TAGS : [...new Set(tagText.split(preset.tagSeparator).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
    for (const tag of tags) {
      if (tag.length > 50) fail('tags', tag, 'is a tag longer than 50 characters');
      // Would come back as two tags from the next export and import.
      if (tag.includes(TAG_LIST_SEPARATOR)) fail('tags', tag, `is a tag containing “${TAG_LIST_SEPARATOR}”, which separates tags in Spark Journal`);
    }
    const fxRate = numberOf('fxRate', false);
    if (fxRate !== null && fxRate <= 0) fail('fxRate', text('fxRate'), 'must be a rate above zero');
    let fills: ExportedFill[] | null = null;
    const fillsText = text('fills');
    if (fillsText !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(fillsText);
      } catch {
        parsed = undefined;
      }
      const checked = FillsSchema.safeParse(parsed);
      if (checked.success) fills = checked.data;
      else fail('fills', `${fillsText.slice(0, 40)}…`, 'is not the list of fills a Spark Journal export writes');
    }
    const settings = accountSettingsOf();
    const instrumentCurrency = text('instrumentCurrency');
    if (instrumentCurrency !== '' && !CURRENCY.test(instrumentCurrency)) fail('instrumentCurrency', instrumentCurrency, 'is not a three-letter currency code such as USD');
    // Every row gets the same fields in the same order: one object shape for 100k rows.
    const row: TradeRowData = {
      line,
      account,
      symbol,
      assetClassHint,
      multiplierHint: multiplierHint ?? undefined,
      feesCents,
      kind: 'trade',
      tradeId: optionalText('tradeId'),
      direction: direction!,
      openedAt: openedAt!,
      closedAt,
      qty: Math.abs(qty ?? 0),
      entryPrice: entryPrice!,
      exitPrice,
      // Platforms write 0 for "no stop" (MetaTrader S / L); no real stop sits at price 0.
      stopPrice: numberOf('stopPrice', false) || null,
      targetPrice: numberOf('targetPrice', false) || null,
      grossPnlCents: centsOf('grossPnl'),
      netPnlCents: centsOf('netPnl'),
      fxRate,
      rMultiple,
      setup: optionalText('setup'),
      tags,
      notes,
      externalId: optionalText('externalId'),
      fills,
      accountSettings: settings,
      instrumentCurrency: instrumentCurrency === '' ? undefined : instrumentCurrency,
    };
    const found = collected();
    if (found !== null) return { errors: found };
    return { row };
  };
}
