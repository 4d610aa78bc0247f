import { z } from 'zod';
import { isValidTimeZone } from './day';

/**
 * A prop firm's evaluation rules as data (DESIGN.md 7, "Prop rules are data"). Money is in
 * cents of the account's currency; every figure is on REALIZED equity (closed trades): the
 * journal does not see open positions, so where a firm counts floating P&L (Apex, FTMO) a
 * verdict here is the most the rules could allow, and says so.
 */

export const DRAWDOWN_KINDS = ['static', 'eod_trailing', 'intraday_trailing'] as const;
export type DrawdownKind = (typeof DRAWDOWN_KINDS)[number];

const Cents = z.number().int('must be whole cents').positive('must be greater than zero').max(1e13);
const Pct = z.number().positive('must be above 0 %').max(100, 'must be at most 100 %');

export const PropRulesSchema = z
  .object({
    drawdown: z
      .object({
        /**
         * static: the floor is start balance - amount, for good. eod_trailing: the floor is the
         * highest END-OF-DAY balance - amount, moved once a day after the day's last trade.
         * intraday_trailing: the highest balance after ANY trade - amount, moved after every trade.
         */
        kind: z.enum(DRAWDOWN_KINDS),
        amountCents: Cents,
        /** A trailing floor stops rising here: at the start balance, or start balance + lockAboveStartCents. */
        lock: z.enum(['none', 'start', 'start_plus']).default('none'),
        lockAboveStartCents: z.number().int().min(0).max(1e13).default(0),
      })
      .strict(),
    dailyLoss: z
      .object({
        /** fixed: amountCents; pct_start: pct of the start balance; pct_prev_eod: pct of the previous day's closing balance. */
        basis: z.enum(['fixed', 'pct_start', 'pct_prev_eod']),
        amountCents: Cents.optional(),
        pct: Pct.optional(),
        /** fail: breaking it ends the evaluation; day_lockout: it only ends that trading day. */
        consequence: z.enum(['fail', 'day_lockout']).default('fail'),
      })
      .strict()
      .refine((d) => (d.basis === 'fixed' ? d.amountCents !== undefined : d.pct !== undefined), {
        message: 'a fixed daily loss needs amountCents; a percentage one needs pct',
      })
      .nullable(),
    /** When a new trading day starts: minutes after local midnight in timeZone (17:00 Chicago = 1020; 0 = midnight). */
    dayBoundary: z
      .object({
        timeZone: z.string().refine(isValidTimeZone, 'is not an IANA time zone'),
        startMinute: z.number().int().min(0).max(1439),
      })
      .strict(),
    profitTargetCents: Cents.nullable(),
    minTradingDays: z.number().int().min(0).max(365).default(0),
    /** Best day at most this % of the total profit (checked when the target is met). */
    consistencyMaxBestDayPct: Pct.nullable().default(null),
  })
  .strict();
export type PropRules = z.output<typeof PropRulesSchema>;

const money = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(cents / 100);
const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Each rule in plain words, as the UI shows it beside the evaluation. */
export function describePropRules(rules: PropRules, startBalanceCents: number, currency: string): string[] {
  const m = (c: number) => money(c, currency);
  const d = rules.drawdown;
  const lockLevel = d.lock === 'start' ? startBalanceCents : d.lock === 'start_plus' ? startBalanceCents + d.lockAboveStartCents : null;
  const lines: string[] = [];
  if (d.kind === 'static') {
    lines.push(`Maximum loss: the balance must stay above ${m(startBalanceCents - d.amountCents)} (start ${m(startBalanceCents)} minus ${m(d.amountCents)}), checked after every trade.`);
  } else {
    const when = d.kind === 'eod_trailing' ? 'the highest end-of-day balance' : 'the highest balance reached after any trade';
    const moves = d.kind === 'eod_trailing' ? 'It moves up once a day, after the day closes' : 'It moves up after every trade that sets a new high';
    lines.push(
      `Trailing maximum loss: the balance must stay above ${when} minus ${m(d.amountCents)}. ${moves}, never down${lockLevel !== null ? `, and stops rising at ${m(lockLevel)}` : ''}. Checked after every trade.`,
    );
  }
  const dl = rules.dailyLoss;
  if (dl) {
    const amount =
      dl.basis === 'fixed' ? m(dl.amountCents!) : dl.basis === 'pct_start' ? `${dl.pct} % of the start balance (${m(Math.round((startBalanceCents * dl.pct!) / 100))})` : `${dl.pct} % of the previous day's closing balance`;
    lines.push(
      `Daily loss limit: within one trading day the running realized loss, after every trade, must stay under ${amount}; a loss of exactly the limit breaks it. ${dl.consequence === 'fail' ? 'Breaking it fails the evaluation.' : 'Breaking it ends trading for that day only.'}`,
    );
  } else {
    lines.push('No daily loss limit.');
  }
  lines.push(
    rules.dayBoundary.startMinute === 0
      ? `A trading day runs from midnight to midnight, ${rules.dayBoundary.timeZone} time.`
      : `A trading day starts at ${clock(rules.dayBoundary.startMinute)} ${rules.dayBoundary.timeZone} time: a trade closed at or after it counts for the next day.`,
  );
  lines.push(rules.profitTargetCents === null ? 'No profit target.' : `Profit target: ${m(rules.profitTargetCents)} of realized profit.`);
  if (rules.minTradingDays > 0) lines.push(`At least ${rules.minTradingDays} trading days (days with a closed trade).`);
  if (rules.consistencyMaxBestDayPct !== null) lines.push(`Consistency: the best day may be at most ${rules.consistencyMaxBestDayPct} % of the total profit.`);
  return lines;
}
