import { computeRMultiple } from '../../../../shared/domain/trade-input-pnl';
import type { ZoneCalendar } from '../../../../shared/domain/zone-calendar';
import type { Rng } from './prng';
import type { DemoAccount, DemoInstrument } from './catalog';
import { DEMO_MISTAKE_TAGS, DEMO_NOTES, DEMO_QUALITY_TAG } from './catalog';
import type { DemoTagSet } from './demo-tags';

/** One generated trade, in the units the trades table stores. */
export interface DemoTrade {
  accountIndex: number;
  instrumentIndex: number;
  long: boolean;
  open: boolean;
  openedAt: number;
  closedAt: number | null;
  closeDay: string | null;
  qty: number;
  entryPrice: number;
  exitPrice: number | null;
  stopPrice: number;
  targetPrice: number | null;
  grossPnlCents: number;
  feesCents: number;
  netPnlCents: number;
  rMultiple: number | null;
  setup: string | null;
  /** Bit i set = the trade carries tag i of the DemoTagSet. */
  tagMask: number;
  notes: string;
}

/** Caps that a trader under prop-firm rules keeps, so one trade cannot break a limit. */
export interface TraderLimits {
  maxLossR: number;
  maxWinR: number;
  maxRiskFactor: number;
  allowOversize: boolean;
}

export interface Trader {
  readonly accountIndex: number;
  readonly account: DemoAccount;
  readonly calendar: ZoneCalendar;
  /** Call once per trading day before its trades: moves the trader's form along. */
  startDay(): void;
  /** Sorted open instants for `count` trades on a local day, each with its session's end. */
  planOpenings(dayNumber: number, count: number): { openedAt: number; sessionEnd: number }[];
  trade(dayNumber: number, openedAt: number, sessionEnd: number, open: boolean): DemoTrade;
}

export interface TraderOptions {
  rng: Rng;
  accountIndex: number;
  account: DemoAccount;
  calendar: ZoneCalendar;
  instruments: readonly DemoInstrument[];
  price(instrumentIndex: number, dayNumber: number): number;
  tags: DemoTagSet;
  /** The last local day this trader may close a trade on. */
  lastDay: number;
  limits?: TraderLimits;
}

const MINUTE_MS = 60_000;

const roundToStep = (value: number, step: number) => Math.round(Math.round(value / step) * step * 1e8) / 1e8;

/** 0 = Sunday; day number 0 (1970-01-01) was a Thursday. */
export const weekday = (dayNumber: number) => (((dayNumber + 4) % 7) + 7) % 7;
export const isWeekend = (dayNumber: number) => {
  const day = weekday(dayNumber);
  return day === 0 || day === 6;
};

/**
 * A simulated trader for one account. Outcomes are drawn in R multiples (risk units)
 * from a skewed distribution (most losers are a full stop, winners are log-normal with
 * a fat right tail), then turned into prices, quantity, P&L and fees, so every stored
 * figure is consistent with the others. Form drifts from day to day and losses within
 * a day make mistakes likelier, which makes streaky days.
 */
export function createTrader(options: TraderOptions): Trader {
  const { rng, account, calendar, instruments, price, tags, lastDay, accountIndex } = options;
  const limits = options.limits;
  const instrumentIndexes = account.instruments.map(({ symbol }) => {
    const index = instruments.findIndex((i) => i.symbol === symbol);
    if (index < 0) throw new Error(`Demo account "${account.name}" trades unknown instrument ${symbol}.`);
    const instrument = instruments[index];
    if (instrument?.currency !== account.currency) {
      throw new Error(`Demo account "${account.name}" (${account.currency}) cannot trade ${symbol} priced in ${instrument?.currency}.`);
    }
    return index;
  });
  const instrumentWeights = account.instruments.map((i) => i.weight);
  const setupWeights = account.setups.map((s) => s.weight);
  const sessionWeights = account.sessions.map((s) => s.weight);
  const bits = {
    setups: account.setups.map((s) => tags.bit(s.name)),
    quality: tags.bit(DEMO_QUALITY_TAG),
    fomo: tags.bit('FOMO'),
    revenge: tags.bit('revenge trade'),
    movedStop: tags.bit('moved stop'),
    oversized: tags.bit('oversized'),
    earlyExit: tags.bit('early exit'),
    chased: tags.bit('chased entry'),
  };
  const mistakeMask = DEMO_MISTAKE_TAGS.reduce((mask, name) => mask | tags.bit(name), 0);

  let form = 0;
  let lossStreak = 0;

  const nextTradingDay = (dayNumber: number) => {
    let day = dayNumber + 1;
    while (isWeekend(day)) day++;
    return day;
  };

  const drawOutcomeR = (winProbability: number): number => {
    if (rng.chance(0.04)) return 0; // scratched at break-even: fees make it a small loser
    if (rng.chance(winProbability)) {
      let r = account.winRMedian * Math.exp(account.winRSigma * rng.normal());
      if (rng.chance(0.05)) r *= 2.5; // the occasional runner
      return Math.min(r, limits?.maxWinR ?? 15);
    }
    const kind = rng.next();
    let r: number;
    if (kind < 0.64) r = -(1 + Math.abs(rng.normal()) * 0.06); // stopped out, a little slippage
    else if (kind < 0.9) r = -rng.between(0.08, 0.85); // cut early
    else r = -(1.3 - Math.log(1 - rng.next()) * 0.6); // blown stop: the fat left tail
    return Math.max(r, -(limits?.maxLossR ?? 4.5));
  };

  return {
    accountIndex,
    account,
    calendar,
    startDay() {
      form = 0.6 * form + 0.4 * rng.normal();
      lossStreak = 0;
    },
    planOpenings(dayNumber, count) {
      const sessionBounds = account.sessions.map((s) => ({
        start: calendar.instantAt(dayNumber, s.startMinute),
        end: calendar.instantAt(dayNumber, s.endMinute),
      }));
      const openings: { openedAt: number; sessionEnd: number }[] = [];
      for (let i = 0; i < count; i++) {
        const bounds = sessionBounds[rng.weighted(sessionWeights)];
        if (!bounds) continue;
        // Activity clusters after the open: a third of entries come in its first tenth.
        const fraction = rng.chance(0.33) ? rng.next() * 0.1 : rng.next() * 0.97;
        const openedAt = bounds.start + Math.floor(fraction * (bounds.end - bounds.start) / 1000) * 1000;
        openings.push({ openedAt, sessionEnd: bounds.end });
      }
      openings.sort((a, b) => a.openedAt - b.openedAt);
      return openings;
    },
    trade(dayNumber, openedAt, sessionEnd, open) {
      const instrumentIndex = instrumentIndexes[rng.weighted(instrumentWeights)] ?? 0;
      const instrument = instruments[instrumentIndex] as DemoInstrument;
      const long = rng.chance(account.longBias);
      const sign = long ? 1 : -1;

      let tagMask = 0;
      let setup: string | null = null;
      let edge = 0;
      if (rng.chance(0.62)) {
        const s = rng.weighted(setupWeights);
        setup = account.setups[s]?.name ?? null;
        edge += account.setups[s]?.edge ?? 0;
        tagMask |= bits.setups[s] ?? 0;
        if (rng.chance(0.09)) {
          tagMask |= bits.quality;
          edge += 0.12;
        }
      }
      const tilted = lossStreak >= 2;
      if (rng.chance(tilted ? 0.14 : 0.035)) {
        tagMask |= bits.fomo;
        edge -= 0.12;
      }
      if (tilted && rng.chance(0.3)) {
        tagMask |= bits.revenge;
        edge -= 0.1;
      }
      if (rng.chance(0.03)) {
        tagMask |= bits.chased;
        edge -= 0.06;
      }
      const oversized = (limits?.allowOversize ?? true) && rng.chance(tilted ? 0.08 : 0.025);
      if (oversized) tagMask |= bits.oversized;

      // Prices: the day's level, a little intraday noise, snapped to the tick.
      const tick = instrument.tickSize;
      const entryPrice = instrument.premiumRange
        ? roundToStep(rng.between(instrument.premiumRange[0], instrument.premiumRange[1]), tick)
        : roundToStep(price(instrumentIndex, dayNumber) * Math.exp(instrument.dailyVol * 0.4 * rng.normal()), tick);
      const stopDistance = Math.max(tick, roundToStep(entryPrice * rng.between(instrument.stopFraction[0], instrument.stopFraction[1]), tick));
      const stopPrice = roundToStep(entryPrice - sign * stopDistance, tick);
      const targetPrice = rng.chance(0.55) ? roundToStep(entryPrice + sign * stopDistance * rng.between(1.5, 3), tick) : null;

      // Size from the money at risk: (stop distance x multiplier) per unit, in minor units.
      let riskFactor = Math.exp(0.25 * rng.normal());
      if (limits) riskFactor = Math.min(riskFactor, limits.maxRiskFactor);
      const risk = account.riskPerTrade * riskFactor * (oversized ? 2.5 : 1);
      const unitRisk = stopDistance * instrument.multiplier * 100;
      const qty = Math.min(instrument.maxQty, Math.max(instrument.qtyStep, Math.floor(risk / unitRisk / instrument.qtyStep) * instrument.qtyStep));
      const cleanQty = Math.round(qty * 1e8) / 1e8;

      if (open) {
        return {
          accountIndex, instrumentIndex, long, open: true, openedAt, closedAt: null, closeDay: null,
          qty: cleanQty, entryPrice, exitPrice: null, stopPrice, targetPrice,
          grossPnlCents: 0, feesCents: 0, netPnlCents: 0, rMultiple: null, setup, tagMask,
          notes: rng.chance(0.5) ? 'Still open: trailing the stop.' : '',
        };
      }

      const winProbability = Math.min(0.85, Math.max(0.15, account.winRate + edge + 0.07 * form - 0.025 * Math.min(lossStreak, 3)));
      let outcomeR = drawOutcomeR(winProbability);
      let exitPrice = roundToStep(entryPrice + sign * outcomeR * stopDistance, tick);
      if (exitPrice < tick) {
        exitPrice = tick;
        outcomeR = (exitPrice - entryPrice) * sign / stopDistance;
      }
      if (outcomeR < -1.3 && rng.chance(0.7)) tagMask |= bits.movedStop;
      if (outcomeR > 0 && outcomeR < 0.6 && rng.chance(0.35)) tagMask |= bits.earlyExit;

      // Hold time: losers are cut sooner, big winners are held longer.
      let closedAt: number;
      if (rng.chance(account.swingShare)) {
        let closeDayNumber = nextTradingDay(dayNumber);
        while (rng.chance(0.45)) closeDayNumber = nextTradingDay(closeDayNumber);
        if (closeDayNumber > lastDay) closeDayNumber = dayNumber;
        const first = account.sessions[0];
        const last = account.sessions[account.sessions.length - 1];
        const start = calendar.instantAt(closeDayNumber, first?.startMinute ?? 0);
        const end = calendar.instantAt(closeDayNumber, last?.endMinute ?? 1439);
        closedAt = Math.max(openedAt + MINUTE_MS, start + Math.floor(rng.next() * ((end - start) / 1000)) * 1000);
      } else {
        const shape = outcomeR > 0 ? 1.1 + 0.15 * outcomeR : 0.75;
        const holdMs = Math.max(15_000, account.holdMedianMinutes * MINUTE_MS * shape * Math.exp(account.holdSigma * rng.normal()));
        closedAt = openedAt + Math.round(holdMs / 1000) * 1000;
        if (closedAt > sessionEnd) closedAt = Math.max(openedAt + 15_000, sessionEnd - rng.int(180) * 1000);
      }

      const points = (exitPrice - entryPrice) * sign;
      const grossPnlCents = Math.round(points * cleanQty * instrument.multiplier * 100);
      const notional = (entryPrice + exitPrice) * cleanQty * instrument.multiplier * 100;
      const feesCents = Math.max(instrument.minFee, Math.round(instrument.feePerUnit * cleanQty + instrument.feeRate * notional));
      const netPnlCents = grossPnlCents - feesCents;
      // The journal's own definition (R_DEFINITION): net P&L over the entry-to-stop risk in money.
      const rMultiple = computeRMultiple(true, netPnlCents, { entryPrice, stopPrice, qty: cleanQty, multiplier: instrument.multiplier, plannedRiskCents: null });

      let notes = '';
      if (rng.chance((tagMask & mistakeMask) !== 0 ? 0.25 : 0.05)) notes = DEMO_NOTES[rng.int(DEMO_NOTES.length)] ?? '';

      lossStreak = netPnlCents < 0 ? lossStreak + 1 : 0;
      return {
        accountIndex, instrumentIndex, long, open: false, openedAt, closedAt, closeDay: calendar.dayOf(closedAt),
        qty: cleanQty, entryPrice, exitPrice, stopPrice, targetPrice, grossPnlCents, feesCents, netPnlCents,
        rMultiple, setup, tagMask, notes,
      };
    },
  };
}
