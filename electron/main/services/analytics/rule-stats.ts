import type { Sqlite } from '../db/client';
import type { TradeFilter } from '../../../../shared/domain/trade';
import type { RuleSideStats, RuleStats } from '../../../../shared/domain/playbooks';
import { closedTradesSql, ratio } from './closed-trades-sql';

interface Raw {
  playbookId: number;
  ruleId: number;
  text: string;
  followed: number | null;
  trades: number;
  wins: number;
  net: number;
  rTrades: number;
  rSum: number;
}

const side = (raw: Raw | undefined): RuleSideStats =>
  raw
    ? { tradeCount: raw.trades, winRate: ratio(raw.wins, raw.trades), netPnlCents: raw.net, expectancyR: ratio(raw.rSum, raw.rTrades) }
    : { tradeCount: 0, winRate: null, netPnlCents: 0, expectancyR: null };

/** Per playbook rule: the filter's closed trades where it was followed against those where it was broken. */
export function computeRuleStats(sqlite: Sqlite, filter: TradeFilter): RuleStats[] {
  const { where, params } = closedTradesSql(filter);
  const rows = sqlite
    .prepare(
      `SELECT r.playbook_id AS playbookId, r.id AS ruleId, r.text, c.followed,
         COUNT(t.id) AS trades, COALESCE(SUM(t.net_pnl_cents > 0), 0) AS wins, COALESCE(SUM(t.net_pnl_cents), 0) AS net,
         COUNT(t.r_multiple) AS rTrades, TOTAL(t.r_multiple) AS rSum
       FROM playbook_rules r
       LEFT JOIN trade_rule_checks c ON c.rule_id = r.id
       LEFT JOIN trades t ON t.id = c.trade_id AND ${where}
       GROUP BY r.id, c.followed ORDER BY r.playbook_id, r.position, r.id`,
    )
    .all(...params) as Raw[];
  const out = new Map<number, { playbookId: number; text: string; followed?: Raw; broken?: Raw }>();
  for (const row of rows) {
    const entry = out.get(row.ruleId) ?? { playbookId: row.playbookId, text: row.text };
    if (row.followed === 1 && row.trades > 0) entry.followed = row;
    if (row.followed === 0 && row.trades > 0) entry.broken = row;
    out.set(row.ruleId, entry);
  }
  return [...out].map(([ruleId, e]) => ({ playbookId: e.playbookId, ruleId, text: e.text, followed: side(e.followed), broken: side(e.broken) }));
}
