import type { Sqlite } from '../db/client';
import { createZoneCalendar, type ZoneCalendar } from '../../../../shared/domain/zone-calendar';

/** A trade whose stored facts disagree with what they derive from. */
export interface TradeFinding {
  kind: 'trade_close_day' | 'trade_net_pnl';
  tradeId: number;
  accountId: number;
  /** The stored close day (trade_close_day), or the trade's day (trade_net_pnl). */
  day: string;
  /** trade_close_day: the day its close time falls on in the account's zone. */
  expectedDay: string | null;
  storedNet: number;
  expectedNet: number;
}

/**
 * Checks every closed trade against what it derives from, never trusting a stored figure:
 * its trading day from its close time in the account's zone (a zone rule change or an edit
 * outside the app leaves it stale), and net = gross - fees. Day rule: the calendar day of the
 * close in the account's zone (accounts have no session rule yet; issue 16 adds one).
 */
export function checkTrades(sqlite: Sqlite, accountId: number | null): TradeFinding[] {
  const zones = new Map(
    (sqlite.prepare('SELECT id, timezone FROM accounts').all() as { id: number; timezone: string }[]).map((a) => [a.id, a.timezone]),
  );
  const calendars = new Map<string, ZoneCalendar>();
  const calendarOf = (zone: string) => {
    let c = calendars.get(zone);
    if (!c) {
      c = createZoneCalendar(zone);
      calendars.set(zone, c);
    }
    return c;
  };
  const findings: TradeFinding[] = [];
  const rows = sqlite
    .prepare(
      `SELECT id, account_id, closed_at, close_day, gross_pnl_cents, fees_cents, net_pnl_cents FROM trades
       WHERE status <> 'open' AND closed_at IS NOT NULL ${accountId === null ? '' : 'AND account_id = ?'}`,
    )
    .raw(true)
    .iterate(...(accountId === null ? [] : [accountId])) as IterableIterator<[number, number, number, string | null, number, number, number]>;
  for (const [id, account, closedAt, closeDay, gross, fees, net] of rows) {
    const expectedDay = calendarOf(zones.get(account) ?? 'UTC').dayOf(closedAt);
    if (closeDay !== expectedDay) {
      findings.push({ kind: 'trade_close_day', tradeId: id, accountId: account, day: closeDay ?? expectedDay, expectedDay, storedNet: net, expectedNet: net });
    }
    if (net !== gross - fees) {
      findings.push({ kind: 'trade_net_pnl', tradeId: id, accountId: account, day: closeDay ?? expectedDay, expectedDay: null, storedNet: net, expectedNet: gross - fees });
    }
  }
  return findings;
}

/** Puts stale close days and broken nets right (net := gross - fees); the caller rebuilds equity after. */
export function repairTrades(sqlite: Sqlite, findings: TradeFinding[]): number {
  const setDay = sqlite.prepare('UPDATE trades SET close_day = ? WHERE id = ?');
  const setNet = sqlite.prepare('UPDATE trades SET net_pnl_cents = gross_pnl_cents - fees_cents WHERE id = ?');
  for (const f of findings) {
    if (f.kind === 'trade_close_day') setDay.run(f.expectedDay, f.tradeId);
    else setNet.run(f.tradeId);
  }
  return findings.length;
}

/**
 * The root cause in one sentence: the trades whose facts are wrong and the first day that
 * differs, before the knock-on days (a changed day moves the ending equity of every later day).
 */
export function describeRootCause(
  findings: TradeFinding[],
  dayMismatches: { accountId: number; day: string }[],
  accountName: (id: number) => string,
): string | null {
  if (findings.length === 0 && dayMismatches.length === 0) return null;
  const parts: string[] = [];
  const stale = findings.filter((f) => f.kind === 'trade_close_day');
  const nets = findings.filter((f) => f.kind === 'trade_net_pnl');
  const list = (fs: TradeFinding[], say: (f: TradeFinding) => string) =>
    fs.slice(0, 5).map(say).join('; ') + (fs.length > 5 ? `; and ${fs.length - 5} more` : '');
  if (stale.length) parts.push(`${stale.length} trade(s) stored on the wrong trading day: ${list(stale, (f) => `trade ${f.tradeId} (${accountName(f.accountId)}) is stored on ${f.day} but closed on ${f.expectedDay}`)}.`);
  if (nets.length) parts.push(`${nets.length} trade(s) whose net is not gross minus fees: ${list(nets, (f) => `trade ${f.tradeId} (${accountName(f.accountId)}, ${f.day}) stores ${f.storedNet} instead of ${f.expectedNet}`)}.`);
  const byAccount = new Map<number, string[]>();
  for (const d of dayMismatches) byAccount.set(d.accountId, [...(byAccount.get(d.accountId) ?? []), d.day]);
  for (const [account, days] of byAccount) {
    const sorted = [...new Set(days)].sort();
    parts.push(
      `${accountName(account)}: the first day that differs is ${sorted[0]}${sorted.length > 1 ? `; the ${sorted.length - 1} later day(s) follow from it (equity carries forward)` : ''}.`,
    );
  }
  return parts.join(' ');
}
