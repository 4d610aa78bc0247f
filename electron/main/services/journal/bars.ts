import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { BarSet, BarsImportInput, BarsImportResult, Bar, ChartMarker, Excursions, TradeChart } from '../../../../shared/domain/bars';
import { createZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { amountToCents, initialRiskCents, toR } from '../../../../shared/domain/trade-input-pnl';
import { parseCsvRows, CsvSyntaxError } from '../import/csv-rows';
import { detectInstrument } from '../import/instrument-detect';
import { barDelimiter, detectBarLayout, readBarRow } from './bar-rows';
import type { Instruments } from './instruments';

const SKIPPED_LISTED = 20;

async function* textChunks(text: string): AsyncGenerator<string> {
  yield text;
}

interface TradeFacts {
  id: number;
  instrumentId: number;
  direction: 'long' | 'short';
  openedAt: number;
  closedAt: number | null;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  stopPrice: number | null;
  plannedRiskCents: number | null;
  multiplier: number;
}

/**
 * Where a trade's fills go on its chart. Today a trade knows its entry and exit; when the
 * executions table lands, this takes its fills instead (one marker each), and the chart
 * does not change.
 */
export function markersForTrade(trade: TradeFacts): ChartMarker[] {
  const entrySide = trade.direction === 'long' ? 'buy' : 'sell';
  const exitSide = trade.direction === 'long' ? 'sell' : 'buy';
  const markers: ChartMarker[] = [{ time: trade.openedAt, side: entrySide, price: trade.entryPrice, label: `Entry ${trade.entryPrice}` }];
  if (trade.closedAt !== null && trade.exitPrice !== null) {
    markers.push({ time: trade.closedAt, side: exitSide, price: trade.exitPrice, label: `Exit ${trade.exitPrice}` });
  }
  return markers;
}

/**
 * MAE and MFE over the bars that overlap the holding period [opened, closed]: the lowest
 * low and highest high of those bars, measured from the entry in the trade's direction.
 * Bars are coarse: the entry bar's extreme may lie before the fill, so the figures are an
 * upper bound at the bar size; the trade view says which bar size they come from.
 */
export function computeExcursions(trade: TradeFacts, covering: Bar[]): Excursions | null {
  if (covering.length === 0) return null;
  const low = Math.min(...covering.map((b) => b.low));
  const high = Math.max(...covering.map((b) => b.high));
  const long = trade.direction === 'long';
  const adversePrice = long ? low : high;
  const favourablePrice = long ? high : low;
  const sign = long ? 1 : -1;
  const money = (price: number) => amountToCents((price - trade.entryPrice) * sign * trade.qty * trade.multiplier);
  const maeCents = Math.min(0, money(adversePrice));
  const mfeCents = Math.max(0, money(favourablePrice));
  const risk = initialRiskCents(trade);
  return {
    maePrice: adversePrice,
    mfePrice: favourablePrice,
    maeCents,
    mfeCents,
    maeR: toR(maeCents, risk),
    mfeR: toR(mfeCents, risk),
    barsCovering: covering.length,
  };
}

/** OHLC bars the user imports per instrument and bar size, and the price context of a trade. */
export function createBars(deps: { sqlite: Sqlite; instruments: Instruments }) {
  const { sqlite, instruments } = deps;
  const upsert = sqlite.prepare(
    'INSERT OR REPLACE INTO bars (instrument_id, bar_seconds, time, open, high, low, close) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const tradeById = sqlite.prepare(
    `SELECT t.id, t.instrument_id AS instrumentId, t.direction, t.opened_at AS openedAt, t.closed_at AS closedAt, t.qty,
       t.entry_price AS entryPrice, t.exit_price AS exitPrice, t.stop_price AS stopPrice, t.planned_risk_cents AS plannedRiskCents,
       i.multiplier FROM trades t JOIN instruments i ON i.id = t.instrument_id WHERE t.id = ?`,
  );
  // The finest bar size that has a bar inside the trade's span (or its first minute).
  const sizeFor = sqlite
    .prepare('SELECT bar_seconds FROM bars WHERE instrument_id = ? AND time <= ? AND time + bar_seconds * 1000 > ? ORDER BY bar_seconds LIMIT 1')
    .pluck();
  const between = sqlite.prepare(
    'SELECT time, open, high, low, close FROM bars WHERE instrument_id = ? AND bar_seconds = ? AND time + bar_seconds * 1000 > ? AND time <= ? ORDER BY time',
  );
  const before = sqlite.prepare(
    'SELECT time, open, high, low, close FROM bars WHERE instrument_id = ? AND bar_seconds = ? AND time < ? ORDER BY time DESC LIMIT ?',
  );
  const after = sqlite.prepare('SELECT time, open, high, low, close FROM bars WHERE instrument_id = ? AND bar_seconds = ? AND time > ? ORDER BY time LIMIT ?');
  const sets = sqlite.prepare(
    `SELECT b.instrument_id AS instrumentId, i.symbol, b.bar_seconds AS barSeconds, COUNT(*) AS count, MIN(b.time) AS firstTime, MAX(b.time) AS lastTime
     FROM bars b JOIN instruments i ON i.id = b.instrument_id GROUP BY b.instrument_id, b.bar_seconds ORDER BY i.symbol, b.bar_seconds`,
  );

  return {
    async import(input: BarsImportInput): Promise<BarsImportResult> {
      const calendar = createZoneCalendar(input.timeZone);
      const firstLine = input.csvText.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
      const delimiter = barDelimiter(firstLine);
      const bars: Bar[] = [];
      const skipped: { line: number; reason: string }[] = [];
      let skippedCount = 0;
      let layout: ReturnType<typeof detectBarLayout> = null;
      const shift = input.timeMarks === 'end' ? input.barSeconds * 1000 : 0;
      try {
        for await (const row of parseCsvRows(textChunks(input.csvText), delimiter)) {
          if (!layout) {
            layout = detectBarLayout(row.cells);
            if (!layout) {
              throw new AppError(
                'validation',
                `${input.fileName} does not look like a bar file: the first line should name time, open, high, low and close (e.g. TradingView "time,open,high,low,close,Volume") or be a bar such as "20240102 093000;4750.25;4751;4749.5;4750.75;812".`,
              );
            }
            if (layout.hasHeader) continue;
          }
          const bar = readBarRow(row.cells, layout, calendar);
          if ('reason' in bar) {
            skippedCount += 1;
            if (skipped.length < SKIPPED_LISTED) skipped.push({ line: row.line, reason: bar.reason });
            continue;
          }
          bars.push({ ...bar, time: bar.time - shift });
        }
      } catch (error) {
        if (error instanceof CsvSyntaxError) throw new AppError('validation', `${input.fileName}, line ${error.line}: ${error.message}`);
        throw error;
      }
      if (bars.length === 0) {
        throw new AppError('validation', `${input.fileName} holds no bar this importer could read${skipped[0] ? ` (line ${skipped[0].line}: ${skipped[0].reason})` : ''}.`);
      }
      const result = sqlite
        .transaction(() => {
          const detected = detectInstrument(input.symbol, { fxLotSize: 1, defaultAssetClass: 'stock' });
          const instrument = instruments.ensure({ symbol: detected.symbol, assetClass: detected.assetClass, multiplier: detected.multiplier });
          for (const b of bars) upsert.run(instrument.id, input.barSeconds, b.time, b.open, b.high, b.low, b.close);
          return { instrumentId: instrument.id, symbol: detected.symbol };
        })
        .immediate();
      const times = bars.map((b) => b.time);
      return {
        ...result,
        barSeconds: input.barSeconds,
        imported: bars.length,
        layout: layout!.description,
        firstTime: Math.min(...times),
        lastTime: Math.max(...times),
        skipped,
        skippedCount,
      };
    },

    list(): BarSet[] {
      return sets.all() as BarSet[];
    },

    /** Candles around the trade, its markers, and MAE/MFE from the bars covering its holding period. */
    forTrade(tradeId: number, barsAround: number): TradeChart {
      const trade = tradeById.get(tradeId) as TradeFacts | undefined;
      if (!trade) throw new AppError('not_found', `Trade ${tradeId} does not exist; it may have been deleted.`);
      const markers = markersForTrade(trade);
      const end = trade.closedAt ?? trade.openedAt;
      const size = sizeFor.get(trade.instrumentId, end, trade.openedAt) as number | undefined;
      if (size === undefined) {
        return { barSeconds: null, bars: [], markers, excursions: null, note: 'No price bars cover this trade. Import bars for its symbol on the Journal page to see the chart, MAE and MFE.' };
      }
      const covering = between.all(trade.instrumentId, size, trade.openedAt, end) as Bar[];
      const lead = (before.all(trade.instrumentId, size, covering[0]?.time ?? trade.openedAt, barsAround) as Bar[]).reverse();
      const tail = after.all(trade.instrumentId, size, covering.at(-1)?.time ?? end, barsAround) as Bar[];
      const open = trade.closedAt === null;
      return {
        barSeconds: size,
        bars: [...lead, ...covering, ...tail],
        markers,
        excursions: open ? null : computeExcursions(trade, covering),
        note: open ? 'The trade is still open: MAE and MFE are measured once it closes.' : null,
      };
    },
  };
}

export type Bars = ReturnType<typeof createBars>;
