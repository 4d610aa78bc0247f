import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { openPage, patientPolling } from './helpers';

patientPolling();

describe('currencies in Chromium: a trade waits for a rate, the user types one, the trade shows it', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let tradeId = 0;

  beforeAll(async () => {
    harness = await startHarness();
    const account = await harness.handlers['accounts:create']({ name: 'Dollar account', currency: 'USD', timezone: 'UTC', startingBalanceCents: 1_000_000 });
    if (!account.ok) throw new Error(account.error.message);
    const trade = await harness.handlers['trades:create']({
      accountId: account.data.id, symbol: 'USDJPY', direction: 'long', qty: 100_000, entryPrice: 150, exitPrice: 151,
      openedAt: Date.parse('2026-03-02T09:00:00Z'), closedAt: Date.parse('2026-03-02T15:00:00Z'), feesCents: 0,
    });
    if (!trade.ok) throw new Error(trade.error.message);
    tradeId = trade.data.id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(harness.url);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('Settings shows the trade waiting; a typed USD/JPY rate books it', async () => {
    await openPage(page, 'Settings');
    await expect.poll(() => page.getByTestId('fx-waiting').innerText()).toBe('1 closed trade needs a rate.');
    const form = page.getByRole('form', { name: 'Type a rate' });
    await form.getByLabel('Day').fill('2026-03-02');
    await form.getByLabel('Base currency').fill('USD');
    await form.getByLabel('Rate').fill('151');
    await form.getByLabel('Quote currency').fill('JPY');
    await form.getByRole('button', { name: 'Save rate' }).click();
    await expect.poll(() => page.getByTestId('fx-waiting').innerText()).toBe('Every closed trade has a rate.');
    await page.getByRole('heading', { name: 'Exchange rates' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('settings-fx-rates.png'), fullPage: true });
    const booked = harness.services.db.sqlite.prepare('SELECT net_pnl_cents FROM trades WHERE id = ?').pluck().get(tradeId);
    expect(booked).toBe(Math.round((100_000 / 151) * 100));
  });

  it('the trade detail shows the yen P&L, the rate and where it came from', async () => {
    await openPage(page, 'Trades');
    await page.locator(`[role=row][data-trade-id="${tradeId}"] button.open-trade`).click();
    await expect.poll(() => page.getByTestId('trade-rate').innerText()).toBe("1 USD = 151 JPY (the journal's rate table)");
    expect(await page.getByTestId('trade-pnl-source').innerText()).toBe('computed from prices');
    await page.screenshot({ path: artifactPath('trade-detail-fx.png'), fullPage: true });
  });
});
