import type { Sqlite } from '../../../../electron/main/services/db/client';
import { computeGoalProgress } from '../../../../electron/main/services/analytics/goals';
import { computePropEvaluations } from '../../../../electron/main/services/analytics/prop-evaluations';
import type { ExportType } from '../../../../shared/domain/enums';
import type { SelectedColumn } from '../../../../shared/domain/export-columns';
import type { Canonical, CanonicalRow } from './canonical';

type Row = Record<string, Canonical>;

const text = (v: unknown): Canonical => (v === null || v === undefined || v === '' ? null : String(v));

function tagsByTrade(sqlite: Sqlite): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const { tradeId, name } of sqlite
    .prepare('SELECT tt.trade_id AS tradeId, g.name FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id')
    .all() as { tradeId: number; name: string }[]) {
    map.set(tradeId, [...(map.get(tradeId) ?? []), name]);
  }
  for (const list of map.values()) list.sort();
  return map;
}

/** Every trade (filtered by `where` over `t`) in export order, computed without the export code. */
export function expectedTrades(sqlite: Sqlite, where = '1', params: unknown[] = []): Row[] {
  const tags = tagsByTrade(sqlite);
  const fills = sqlite.prepare('SELECT executed_at AS at, side, qty, price, fees_cents AS fees, broker_exec_id AS exec, broker_order_id AS "order", import_key AS key FROM executions WHERE trade_id = ? ORDER BY seq, id');
  const fillsOf = (tradeId: number): string | null => {
    const list = fills.all(tradeId);
    return list.length === 0 ? null : JSON.stringify(list);
  };
  const rows = sqlite
    .prepare(
      `SELECT t.*, a.name AS accountName, a.currency, a.timezone AS accountTimezone, a.starting_balance_cents AS startingBalance,
         i.symbol, i.asset_class AS assetClass, i.multiplier, i.currency AS instrumentCurrency
       FROM trades t JOIN accounts a ON a.id = t.account_id JOIN instruments i ON i.id = t.instrument_id
       WHERE ${where} ORDER BY COALESCE(t.closed_at, t.opened_at), t.id`,
    )
    .all(...params) as Record<string, unknown>[];
  return rows.map((t) => ({
    id: t.id as number,
    account: t.accountName as string,
    accountId: t.account_id as number,
    currency: t.currency as string,
    symbol: t.symbol as string,
    assetClass: t.assetClass as string,
    direction: t.direction as string,
    status: t.status as string,
    openedAt: t.opened_at as number,
    closedAt: t.closed_at as number | null,
    closeDay: t.close_day as string | null,
    qty: t.qty as number,
    entryPrice: t.entry_price as number,
    exitPrice: t.exit_price as number | null,
    stopPrice: t.stop_price as number | null,
    targetPrice: t.target_price as number | null,
    grossPnl: t.gross_pnl_cents as number,
    fees: t.fees_cents as number,
    netPnl: t.net_pnl_cents as number,
    rMultiple: t.r_multiple as number | null,
    setup: text(t.setup),
    tags: tags.get(t.id as number) ?? [],
    notes: text(t.notes),
    externalId: text(t.external_id),
    plannedRisk: t.planned_risk_cents as number | null,
    multiplier: t.multiplier as number,
    instrumentCurrency: t.instrumentCurrency as string,
    accountTimezone: t.accountTimezone as string,
    startingBalance: t.startingBalance as number,
    fills: fillsOf(t.id as number),
  }));
}

interface DailyRow {
  day: string;
  name: string;
  currency: string;
  account_id: number;
  trade_count: number;
  win_count: number;
  gross_pnl_cents: number;
  fees_cents: number;
  net_pnl_cents: number;
  ending_equity_cents: number;
  peak_equity_cents: number;
  drawdown_cents: number;
}

function expectedDailyPnl(sqlite: Sqlite): Row[] {
  const rows = sqlite
    .prepare(
      `SELECT d.*, a.name, a.currency FROM daily_equity d JOIN accounts a ON a.id = d.account_id ORDER BY d.day, a.name, d.account_id`,
    )
    .all() as DailyRow[];
  return rows.map((d) => ({
    day: d.day,
    account: d.name,
    accountId: d.account_id,
    currency: d.currency,
    tradeCount: d.trade_count,
    winCount: d.win_count,
    winRate: d.trade_count > 0 ? d.win_count / d.trade_count : null,
    grossPnl: d.gross_pnl_cents,
    fees: d.fees_cents,
    netPnl: d.net_pnl_cents,
    endingEquity: d.ending_equity_cents,
    peakEquity: d.peak_equity_cents,
    drawdown: d.drawdown_cents,
  }));
}

function expectedTagPerformance(sqlite: Sqlite): Row[] {
  const trades = sqlite
    .prepare(
      `SELECT g.id AS tagId, g.name AS tag, a.currency AS currency, t.gross_pnl_cents AS gross, t.fees_cents AS fees,
              t.net_pnl_cents AS net, t.close_day AS day
       FROM trade_tags tt JOIN trades t ON t.id = tt.trade_id JOIN tags g ON g.id = tt.tag_id JOIN accounts a ON a.id = t.account_id
       WHERE t.status = 'closed'`,
    )
    .all() as { tagId: number; tag: string; currency: string; gross: number; fees: number; net: number; day: string }[];
  const groups = new Map<string, typeof trades>();
  for (const t of trades) groups.set(`${t.tagId}\u0000${t.currency}`, [...(groups.get(`${t.tagId}\u0000${t.currency}`) ?? []), t]);
  return [...groups.values()]
    .map((g) => {
      const wins = g.filter((t) => t.net > 0).length;
      const net = g.reduce((n, t) => n + t.net, 0);
      const days = g.map((t) => t.day).sort();
      return {
        tag: g[0]!.tag,
        tagId: g[0]!.tagId,
        currency: g[0]!.currency,
        trades: g.length,
        wins,
        losses: g.filter((t) => t.net < 0).length,
        winRate: wins / g.length,
        grossPnl: g.reduce((n, t) => n + t.gross, 0),
        fees: g.reduce((n, t) => n + t.fees, 0),
        netPnl: net,
        avgNetPnl: Math.round(net / g.length),
        bestTrade: Math.max(...g.map((t) => t.net)),
        worstTrade: Math.min(...g.map((t) => t.net)),
        firstDay: days[0]!,
        lastDay: days[days.length - 1]!,
      } as Row;
    })
    .sort((a, b) => ((a.tag as string) < (b.tag as string) ? -1 : (a.tag as string) > (b.tag as string) ? 1 : (a.currency as string) < (b.currency as string) ? -1 : 1));
}

function expectedGoals(sqlite: Sqlite, now: number): Row[] {
  return computeGoalProgress(sqlite, { now }).map((g) => {
    const natural = (v: number | null) => (v === null ? null : g.unit === 'cents' ? v / 100 : v);
    return {
      id: g.id,
      name: g.name,
      account: g.accountName ?? 'All accounts',
      kind: g.kind,
      period: g.period,
      unit: { cents: 'amount', count: 'trades', fraction: 'fraction' }[g.unit],
      target: natural(g.target),
      currentValue: natural(g.currentValue),
      progress: g.progress,
      status: g.status,
      periodStart: g.periodStart,
      periodEnd: g.periodEnd,
      periodComplete: g.periodComplete,
      tradeCount: g.tradeCount,
      tradingDays: g.tradingDays,
      startsOn: g.startsOn,
      endsOn: g.endsOn,
      active: g.active,
      message: g.message,
    };
  });
}

function expectedProp(sqlite: Sqlite, now: number): Row[] {
  return computePropEvaluations(sqlite, { now }).map((p) => ({
    id: p.id,
    name: p.name,
    firm: p.firm,
    account: p.accountName,
    phase: p.phase,
    status: p.status,
    computedStatus: p.computedStatus,
    startBalance: p.startBalanceCents,
    profitTarget: p.profitTargetCents,
    cumulativeProfit: p.cumulativeProfitCents,
    progress: p.progressPct / 100,
    remainingProfit: p.remainingProfitCents,
    currentEquity: p.currentEquityCents,
    todayPnl: p.todayPnlCents,
    dailyLossLimit: p.dailyLossLimitCents,
    remainingDailyLoss: p.remainingDailyLossCents,
    dailyLossUsed: p.dailyLossUsedFraction,
    maxDrawdown: p.maxDrawdownCents,
    drawdownMode: p.drawdownMode,
    drawdownFloor: p.drawdownFloorCents,
    remainingDrawdown: p.remainingDrawdownCents,
    drawdownUsed: p.drawdownUsedFraction,
    tradingDays: p.tradingDays,
    minTradingDays: p.minTradingDays,
    startedOn: p.startedOn,
    throughDay: p.throughDay,
    alerts: p.alerts.map((a) => a.message),
    breaches: p.breaches,
  }));
}

function expectedDailyNotes(sqlite: Sqlite): Row[] {
  const rows = sqlite
    .prepare(
      `SELECT n.*, a.name AS accountName FROM daily_notes n LEFT JOIN accounts a ON a.id = n.account_id
       ORDER BY n.day, n.account_id IS NOT NULL, a.name, n.id`,
    )
    .all() as Record<string, unknown>[];
  return rows.map((n) => ({
    day: n.day as string,
    account: (n.accountName as string | null) ?? 'Whole journal',
    accountId: n.account_id as number | null,
    plan: text(n.plan),
    review: text(n.review),
    tags: n.tags === '' ? [] : String(n.tags).split(';'),
    updatedAt: n.updated_at as number,
  }));
}

/** The rows an export of `type` must contain (all rows, no filters), projected on `columns`. */
export function expectedRows(sqlite: Sqlite, type: ExportType, columns: readonly SelectedColumn[], now: number): CanonicalRow[] {
  const rows =
    type === 'trades'
      ? expectedTrades(sqlite)
      : type === 'dailyPnl'
        ? expectedDailyPnl(sqlite)
        : type === 'tagPerformance'
          ? expectedTagPerformance(sqlite)
          : type === 'goals'
            ? expectedGoals(sqlite, now)
            : type === 'dailyNotes'
              ? expectedDailyNotes(sqlite)
              : expectedProp(sqlite, now);
  return rows.map((row) => columns.map((c) => normalize(c.kind, row[c.key] ?? null)));
}

function normalize(kind: SelectedColumn['kind'], v: Canonical): Canonical {
  if (kind === 'text') return text(v);
  if (kind === 'list') return Array.isArray(v) ? v : [];
  return v;
}
