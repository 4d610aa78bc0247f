import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { loadDemo, openPage, patientPolling } from './helpers';

patientPolling();

describe('Calendar totals and the chosen locale in Chromium', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    await loadDemo(harness);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.locator('table.calendar td[data-day]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('adds up each week and the month from the daily P&L the server reports', async () => {
    const month = (await page.locator('table.calendar td[data-day]').first().getAttribute('data-day'))!.slice(0, 7);
    const accountId = Number(await page.getByRole('combobox').first().inputValue()) || undefined;
    const calendar = await harness.handlers['analytics:calendar']({ filter: accountId ? { accountIds: [accountId] } : {}, month });
    if (!calendar.ok) throw new Error(calendar.error.message);
    const byDay = new Map(calendar.data.days.map((d) => [d.day, d.netPnlCents]));
    const rows = await page.locator('table.calendar tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        days: [...tr.querySelectorAll('td[data-day]')].map((td) => td.getAttribute('data-day')!),
        total: Number(tr.querySelector('td[data-week-total]')!.getAttribute('data-week-total')),
      })),
    );
    for (const row of rows) expect(row.total).toBe(row.days.reduce((sum, d) => sum + (byDay.get(d) ?? 0), 0));
    expect(Number(await page.locator('[data-month-total]').getAttribute('data-month-total'))).toBe(calendar.data.netPnlCents);
    // The latest month with trades is the one shown first.
    const summary = await harness.handlers['analytics:summary']({ filter: accountId ? { accountIds: [accountId] } : {} });
    if (!summary.ok) throw new Error(summary.error.message);
    expect(month).toBe(summary.data.lastDay!.slice(0, 7));
    // Bigger days are stronger colours.
    const strengths = await page.locator('table.calendar td[data-day].up, table.calendar td[data-day].down').evaluateAll((tds) =>
      tds.map((td) => Number((td as HTMLElement).style.getPropertyValue('--intensity'))),
    );
    expect(Math.max(...strengths)).toBe(1);
    expect(Math.min(...strengths)).toBeLessThan(1);
  });

  it('shows a year of months whose totals match the server, and opens a month from it', async () => {
    await page.getByRole('button', { name: 'Year', exact: true }).click();
    await page.locator('.year-month').first().waitFor();
    const year = Number((await page.locator('.month-name').innerText()).trim());
    const accountId = Number(await page.getByRole('combobox').first().inputValue()) || undefined;
    let total = 0;
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      const c = await harness.handlers['analytics:calendar']({ filter: accountId ? { accountIds: [accountId] } : {}, month });
      if (c.ok) total += c.data.netPnlCents;
    }
    expect(Number(await page.locator('[data-year-total]').getAttribute('data-year-total'))).toBe(total);
    await page.screenshot({ path: artifactPath('calendar-year.png'), fullPage: true });
    await page.locator('.year-month[data-month$="-01"] button').click();
    await expect.poll(() => page.locator('table.calendar td[data-day]').first().getAttribute('data-day')).toBe(`${year}-01-01`);
  });

  for (const [locale, sample] of [
    ['de-DE', /\d\.\d{3},\d{2}\s€|\d{1,3}(\.\d{3})*,\d{2}\s\$/],
    ['ja-JP', /[￥¥]\d|\$\d/],
  ] as const) {
    it(`formats the Trades summary and rows and the Performance tables in ${locale}`, async () => {
      const updated = await harness.handlers['settings:update']({ patch: { locale } });
      if (!updated.ok) throw new Error(updated.error.message);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await page.locator('.stats.headline').waitFor();
      const money = (currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency, signDisplay: 'exceptZero' });
      await openPage(page, 'Trades');
      const all = harness.services.tradesSummary.summarize({});
      const usd = all.currencies.find((c) => c.currency === 'USD')!;
      const summary = page.getByRole('region', { name: 'Summary of these trades' });
      await expect.poll(() => summary.innerText()).toContain(money('USD').format(usd.netCents / 100));
      expect(await summary.innerText()).toContain(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(all.winRate!));
      expect(await summary.innerText()).toContain(new Intl.NumberFormat(locale).format(all.trades));
      expect(await page.locator('[role=row][data-trade-id]').first().innerText()).toMatch(sample);
      await page.screenshot({ path: artifactPath(`trades-${locale}.png`) });
      await openPage(page, 'Performance');
      await page.locator('.report-chart svg').first().waitFor();
      const weekday = await page.getByRole('region', { name: 'By weekday table' }).innerText();
      expect(weekday).toMatch(sample);
      await page.screenshot({ path: artifactPath(`performance-${locale}.png`) });
    });
  }
});
