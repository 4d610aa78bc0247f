import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { createHandlers, type Handlers } from '../../../../electron/main/services/handlers';
import { ExportSpecSchema } from '../../../../shared/domain/export-params';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';

// A journal with three accounts in USD, JPY and GBP, each trading instruments in its own
// currency (so every trade books at 1) and the same calendar days. Every money total the
// app offers must be one currency's; each expected figure is the sum of that account's own
// trades, written out below.
const TRADES = [
  // account, symbol, direction, qty, entry, exit, fees (cents of the account's currency), close day
  ['USD', 'AAPL', 'long', 100, 200, 210, 100, '2026-03-02'], // +$1,000.00 gross
  ['USD', 'AAPL', 'short', 50, 210, 214, 50, '2026-03-03'], // -$200.00
  ['JPY', '7203.T', 'long', 100, 2_500, 2_600, 0, '2026-03-02'], // +¥10,000
  ['JPY', '7203.T', 'short', 100, 2_600, 2_400, 0, '2026-03-03'], // +¥20,000
  ['GBP', 'VOD.L', 'long', 1_000, 250, 260, 500, '2026-03-02'], // 10p x 1,000 = £100.00
] as const;
const EXPECTED_NET = { USD: 100_000 - 100 - 20_000 - 50, JPY: 1_000_000 + 2_000_000, GBP: 10_000 - 500 };

describe('no total adds different currencies', () => {
  let t: TestServices;
  let handlers: Handlers;
  const ids: Record<string, number> = {};
  const call = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await handlers[channel](request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.data as ResponseOf<C>;
  };

  beforeAll(async () => {
    t = createTestServices();
    handlers = createHandlers(t.services);
    for (const currency of ['USD', 'JPY', 'GBP']) {
      ids[currency] = (await call('accounts:create', { name: `${currency} account`, currency, timezone: 'UTC', startingBalanceCents: 0 })).id;
    }
    for (const [currency, symbol, direction, qty, entryPrice, exitPrice, feesCents, day] of TRADES) {
      const trade = await call('trades:create', {
        accountId: ids[currency]!, symbol, direction, qty, entryPrice, exitPrice, feesCents,
        openedAt: Date.parse(`${day}T10:00:00Z`), closedAt: Date.parse(`${day}T11:00:00Z`),
      });
      expect(trade.fxRateSource).toBe('same-currency');
    }
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('overview figures over accounts of several currencies are refused; each account adds up alone', async () => {
    for (const accountIds of [undefined, [ids.USD!, ids.JPY!], [ids.GBP!, ids.USD!]]) {
      const filter = accountIds ? { accountIds } : {};
      for (const result of [
        await handlers['analytics:summary']({ filter }),
        await handlers['analytics:equityCurve']({ filter }),
        await handlers['analytics:calendar']({ filter, month: '2026-03' }),
        await handlers['analytics:breakdown']({ filter, dimension: 'instrument' }),
      ]) {
        expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
        expect(!result.ok && result.error.message).toContain('amounts in different currencies are never added');
      }
    }
    for (const [currency, net] of Object.entries(EXPECTED_NET)) {
      const filter = { accountIds: [ids[currency]!] };
      expect((await call('analytics:summary', { filter })).netPnlCents).toBe(net);
      expect((await call('analytics:calendar', { filter, month: '2026-03' })).netPnlCents).toBe(net);
      const rows = await call('analytics:breakdown', { filter, dimension: 'instrument' });
      expect(rows.reduce((s, r) => s + r.netPnlCents, 0)).toBe(net);
    }
  });

  it('a profit goal over all accounts counts its own currency only and says so', async () => {
    // Three accounts, one each: the most common currency is a tie broken by SQLite's order;
    // what matters is that the value equals exactly one currency's net and names the others.
    await call('goals:create', { name: 'Month', kind: 'profit_target', period: 'month', target: 500_000, startsOn: '2026-03-01', endsOn: '2026-03-31' });
    const [goal] = await call('goals:list', {});
    expect(goal!.currency in EXPECTED_NET).toBe(true);
    expect(goal!.currentValue).toBe(EXPECTED_NET[goal!.currency as keyof typeof EXPECTED_NET]);
    expect(goal!.message).toContain(`Counts the ${goal!.currency} accounts only`);
    const per = await call('goals:create', {
      name: 'Yen month', kind: 'profit_target', period: 'month', target: 5_000_000, startsOn: '2026-03-01', endsOn: '2026-03-31', accountId: ids.JPY!,
    });
    const yen = (await call('goals:list', {})).find((g) => g.id === per.id)!;
    expect(yen).toMatchObject({ currency: 'JPY', currentValue: EXPECTED_NET.JPY });
  });

  it('sorting trades by net P&L and the trades export keep each amount with its currency', async () => {
    const rows = (await call('trades:list', { filter: {}, sort: { key: 'netPnl', dir: 'desc' }, offset: 0, limit: 50 })).rows;
    // Every row names its currency, so no reader has to guess what a figure is in.
    expect(rows.every((r) => r.accountCurrency === (Object.keys(ids).find((c) => ids[c] === r.accountId) ?? ''))).toBe(true);

    mkdirSync(join(t.dir, 'out'), { recursive: true });
    const job = t.services.exports.enqueue(ExportSpecSchema.parse({ type: 'trades', format: 'xlsx' }), join(t.dir, 'out', 'trades.xlsx'));
    const done = await t.services.exports.waitFor(job.id);
    expect(done.status).toBe('completed');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(done.targetPath);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    // The default columns carry the currency.
    const currencyAt = header.indexOf('Currency') + 1;
    const netAt = header.indexOf('Net P&L') + 1;
    expect(currencyAt).toBeGreaterThan(0);
    const symbols: Record<string, string> = { USD: '$', JPY: '¥', GBP: '£' };
    const totals: Record<string, number> = {};
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const currency = row.getCell(currencyAt).value as string;
      const net = row.getCell(netAt);
      expect(net.numFmt).toContain(symbols[currency]);
      totals[currency] = Math.round(((totals[currency] ?? 0) + (net.value as number) * 100) * 100) / 100;
    }
    expect(totals).toEqual(EXPECTED_NET);
  });
});
