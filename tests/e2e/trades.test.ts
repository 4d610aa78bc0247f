import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';

describe('Trades page in Chromium through the harness', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const statusText = () => page.getByRole('status').filter({ hasText: /trades|No trades/ }).innerText();

  it('offers the demo journal on first run and loads it with one click', async () => {
    await page.goto(harness.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Spark Journal' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Load demo journal' }).click();
    await page.getByRole('heading', { name: 'Trades' }).waitFor();
    const total = harness.services.lookups.counts().trades;
    expect(total).toBeGreaterThan(1000);
    await expect.poll(statusText).toMatch(new RegExp(`Showing 1–100 of ${total.toLocaleString('en-US')} trades`));
    expect(await page.locator('tbody tr').count()).toBe(100);
    await page.screenshot({ path: artifactPath('trades-page.png'), fullPage: false });
  });

  it('filters by account and direction and shows exactly the matching trades', async () => {
    const account = harness.services.lookups.accounts()[0]!;
    await page.getByLabel('Account').selectOption({ label: account.name });
    await page.getByLabel('Direction').selectOption('short');
    const expected = harness.services.trades.list(
      { accountIds: [account.id], direction: 'short' },
      { key: 'closedAt', dir: 'desc' },
      0,
      100,
    );
    await expect.poll(statusText).toContain(`of ${expected.total.toLocaleString('en-US')} trades`);
    const ids = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-trade-id'))));
    expect(ids).toEqual(expected.rows.map((r) => r.id));
    const sides = await page.locator('tbody td.side').allInnerTexts();
    expect(new Set(sides)).toEqual(new Set(['Short']));
    await page.screenshot({ path: artifactPath('trades-filtered.png') });
  });

  it('pages forward and back through the filtered trades', async () => {
    const account = harness.services.lookups.accounts()[0]!;
    const second = harness.services.trades.list(
      { accountIds: [account.id], direction: 'short' },
      { key: 'closedAt', dir: 'desc' },
      100,
      100,
    );
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(statusText).toMatch(/^Showing 101–/);
    const ids = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-trade-id'))));
    expect(ids).toEqual(second.rows.map((r) => r.id));
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(statusText).toMatch(/^Showing 1–100 /);
  });

  it('shows a clear empty state when a date range matches nothing', async () => {
    await page.getByLabel('From').fill('1990-01-01');
    await page.getByLabel('To').fill('1990-01-02');
    await expect.poll(statusText).toBe('No trades match these filters.');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(statusText).toMatch(/^Showing 1–100 of /);
  });
});
