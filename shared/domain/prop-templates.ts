import type { PropRules } from './prop-rules';

export interface PropTemplate {
  key: string;
  firm: string;
  name: string;
  startBalanceCents: number;
  rules: PropRules;
  /** Where the rules were read, and when: shown beside the template. */
  source: string;
}

/**
 * Built-in templates, seeded into prop_rule_templates (editable there). Firms change their
 * rules; each template names what it was read from on 2026-12-07 (public pages found through
 * the project's search tool; the firms' own help pages were not all reachable, so where only
 * third-party summaries were found this says so). Every verdict is on realized P&L.
 */
export const PROP_TEMPLATES: readonly PropTemplate[] = [
  {
    // Topstep Help Center, "What is the Maximum Loss Limit?" (mirror at jljejxiy.com/article/
    // what-is-the-maximum-loss-limit-topstep-help-center/1870): the MLL is "calculated from your
    // account balance high at the end of the trading day", and "once the Maximum Loss Limit
    // reaches the initial starting balance, it won't change". $50K sizes (MLL $2,000, Daily Loss
    // Limit $1,000, Profit Target $3,000, 5 minimum days): tradingfunder.com "Topstep Trading
    // Combine accounts unique rules". The Daily Loss Limit is a "soft breach" that ends the day,
    // not the Combine (cidian.kuaisou.com summary of Topstep's terms). Consistency: best day
    // under 50 % of total profit (propfirmcircle.com "Topstep hidden rules"). Trading day from
    // 17:00 Chicago (CME Globex session open; one summary says 5:00 PM ET: verify).
    key: 'topstep-50k',
    firm: 'Topstep',
    name: 'Trading Combine $50K',
    startBalanceCents: 5_000_000,
    rules: {
      drawdown: { kind: 'eod_trailing', amountCents: 200_000, lock: 'start', lockAboveStartCents: 0 },
      dailyLoss: { basis: 'fixed', amountCents: 100_000, consequence: 'day_lockout' },
      dayBoundary: { timeZone: 'America/Chicago', startMinute: 17 * 60 },
      profitTargetCents: 300_000,
      minTradingDays: 5,
      consistencyMaxBestDayPct: 50,
    },
    source:
      'Topstep Help Center "What is the Maximum Loss Limit?" (via a mirror); tradingfunder.com Topstep Combine table; propfirmcircle.com (consistency 50 %). Read 2026-12-07.',
  },
  {
    // Apex Trader Funding $50K evaluation: trailing threshold $2,500 that follows the peak
    // balance during the day ("updates in real-time", including open profit) and stops trailing
    // once it reaches the starting balance + $100; profit goal $3,000; 7 minimum trading days;
    // no daily loss limit on the evaluation (visualfoodie.com / winenfood.com / eatsip365.com
    // summaries of Apex's rules). Apex trails UNREALIZED peaks: on closed trades only, this
    // floor can sit lower than Apex's. Trading day from 18:00 New York (Apex's session open,
    // 6 PM ET; not found in the stored pages: verify).
    key: 'apex-50k',
    firm: 'Apex Trader Funding',
    name: 'Evaluation $50K',
    startBalanceCents: 5_000_000,
    rules: {
      drawdown: { kind: 'intraday_trailing', amountCents: 250_000, lock: 'start_plus', lockAboveStartCents: 10_000 },
      dailyLoss: null,
      dayBoundary: { timeZone: 'America/New_York', startMinute: 18 * 60 },
      profitTargetCents: 300_000,
      minTradingDays: 7,
      consistencyMaxBestDayPct: null,
    },
    source: 'Third-party summaries of Apex Trader Funding rules (visualfoodie.com, winenfood.com, eatsip365.com). Read 2026-12-07.',
  },
  {
    // FTMO 2-Step Challenge $100,000, ftmo.com/en/trading-objectives and academy.ftmo.com
    // "Maximum Daily Loss": Minimum Trading Days 4; Profit Target 10 % of the initial balance;
    // Maximum Daily Loss 5 % of the initial capital below the balance at midnight CE(S)T of the
    // previous day; Maximum Loss 10 % of the initial balance (static); the day changes at
    // midnight CE(S)T (Europe/Prague). FTMO counts floating P&L and says equity must not drop
    // BELOW the limit; the journal's one definition flags a loss of exactly the limit (limits.ts).
    // FTMO counts a trading day by the day a trade was opened; the journal counts close days.
    key: 'ftmo-100k',
    firm: 'FTMO',
    name: '2-Step Challenge $100,000',
    startBalanceCents: 10_000_000,
    rules: {
      drawdown: { kind: 'static', amountCents: 1_000_000, lock: 'none', lockAboveStartCents: 0 },
      dailyLoss: { basis: 'pct_start', pct: 5, consequence: 'fail' },
      dayBoundary: { timeZone: 'Europe/Prague', startMinute: 0 },
      profitTargetCents: 1_000_000,
      minTradingDays: 4,
      consistencyMaxBestDayPct: null,
    },
    source: 'ftmo.com/en/trading-objectives; academy.ftmo.com/lesson/maximum-daily-loss; ftmo.com/en/faq/ftmo-account. Read 2026-12-07.',
  },
];
