import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { loadDemo, openPage, patientPolling } from './helpers';

patientPolling();

describe('Performance (trading reports) in Chromium', () => {
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
    await openPage(page, 'Performance');
    await page.locator('.equity-chart.report canvas').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('shows every chart, each with a text alternative and its table', async () => {
    const titles = await page.locator('.report-chart h2').allInnerTexts();
    expect(titles).toEqual([
      'Equity and drawdown',
      'P&L per trade',
      'R multiples',
      'By hour opened',
      'By weekday',
      'By holding time',
      'By instrument',
      'By setup',
      'By tag',
      'Win and loss streaks',
    ]);
    // Every SVG chart is an image named by its caption, and the caption says something.
    const captions = await page.locator('.report-chart svg[role=img]').evaluateAll((svgs) =>
      svgs.map((svg) => document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''),
    );
    expect(captions).toHaveLength(9);
    for (const caption of captions) expect(caption.length).toBeGreaterThan(30);
    expect(await page.locator('.report-chart .group-table table').count()).toBe(8);
    await page.screenshot({ path: artifactPath('performance-reports-1280.png'), fullPage: true });
  });

  it('shows the server’s weekday figures in USD only and the streaks analytics counts', async () => {
    const usd = harness.services.lookups.accounts().filter((a) => a.currency === 'USD').map((a) => a.id);
    const weekdays = await harness.handlers['analytics:breakdown']({ filter: { accountIds: usd }, dimension: 'weekday' });
    if (!weekdays.ok) throw new Error(weekdays.error.message);
    const table = page.getByRole('region', { name: 'By weekday table' });
    const first = weekdays.data[0]!;
    const row = table.locator('tbody tr').first();
    expect(await row.locator('th').innerText()).toBe(first.label);
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', signDisplay: 'exceptZero' });
    expect(await row.locator('td').nth(2).innerText()).toBe(money.format(first.netPnlCents / 100));
    const summary = await harness.handlers['analytics:summary']({ filter: { accountIds: usd } });
    if (!summary.ok) throw new Error(summary.error.message);
    const streaks = await page.locator('.report-chart').filter({ hasText: 'Win and loss streaks' }).innerText();
    expect(streaks).toContain(`Longest winning streak: ${summary.data.longestWinStreak}`);
    expect(streaks).toContain(`longest losing streak: ${summary.data.longestLossStreak}`);
  });

  it('zooms and pans the equity chart with the buttons and shows all again', async () => {
    const chart = page.locator('.equity-chart.report');
    const days = async () => Number(await chart.getAttribute('data-visible-days'));
    const all = await days();
    expect(all).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(days).toBeLessThan(all * 0.6);
    const zoomed = await days();
    await page.getByRole('button', { name: 'Move earlier' }).click();
    await expect.poll(days).toBe(zoomed);
    // The mouse wheel zooms too.
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    await page.mouse.wheel(0, -400);
    await expect.poll(days).toBeLessThan(zoomed);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(days).toBe(all);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await chart.screenshot({ path: artifactPath('performance-equity-zoomed.png') });
  });
});
