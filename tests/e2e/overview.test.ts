import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { loadDemo, patientPolling } from './helpers';

patientPolling();

describe('Overview in Chromium through the harness', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    await loadDemo(harness);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const card = () => page.getByRole('region', { name: 'Equity check' });
  const cardStatus = () => card().getAttribute('data-status');

  it('shows the headline figures the analytics service computes for the chosen account', async () => {
    const account = harness.services.lookups.accounts()[0]!;
    const result = await harness.handlers['analytics:summary']({ filter: { accountIds: [account.id] } });
    if (!result.ok) throw new Error(result.error.message);
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: account.currency, signDisplay: 'exceptZero' });
    const stats = page.getByRole('definition').filter({ hasText: money.format(result.data.netPnlCents / 100) });
    await expect.poll(() => stats.count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.equity-chart canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('table.calendar td[data-day]').count()).toBeGreaterThan(27);
    await page.screenshot({ path: artifactPath('overview.png'), fullPage: true });
  });

  it('turns red when stored equity is broken, drills into the days, and turns green after a rebuild', async () => {
    await card().getByRole('button', { name: 'Check now' }).click();
    await expect.poll(cardStatus).toBe('ok');
    expect(await card().getByRole('status').innerText()).toContain('reconciles');

    const broken = harness.services.db.sqlite
      .prepare('SELECT account_id AS accountId, day FROM daily_equity ORDER BY day DESC LIMIT 2')
      .all() as { accountId: number; day: string }[];
    expect(broken).toHaveLength(2);
    const update = harness.services.db.sqlite.prepare('UPDATE daily_equity SET net_pnl_cents = net_pnl_cents + 12345 WHERE account_id = ? AND day = ?');
    for (const b of broken) update.run(b.accountId, b.day);

    await card().getByRole('button', { name: 'Check now' }).click();
    await expect.poll(cardStatus).toBe('discrepancies');
    expect(await card().getByRole('status').innerText()).toMatch(/^2 days do not match your trades/);
    await card().getByRole('button', { name: 'Show mismatched days' }).click();
    const drill = page.getByRole('region', { name: 'Mismatched days' });
    const rows = drill.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const days = new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-day'))));
    expect(days).toEqual(new Set(broken.map((b) => b.day)));
    expect(await rows.filter({ hasText: 'Net P&L' }).count()).toBe(2);
    await page.screenshot({ path: artifactPath('overview-equity-broken.png'), fullPage: true });

    await card().getByRole('button', { name: 'Rebuild from trades' }).click();
    await expect.poll(cardStatus).toBe('ok');
    await expect.poll(() => card().innerText()).toContain('the check afterwards found no differences');
    const stored = harness.services.db.sqlite.prepare('SELECT COUNT(*) AS n FROM daily_equity').get() as { n: number };
    expect(stored.n).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('overview-equity-rebuilt.png'), fullPage: true });
  });

  it('splits the P&L by tag and by weekday as the analytics service does', async () => {
    const account = harness.services.lookups.accounts()[0]!;
    const card = page.getByRole('region', { name: 'Where the P&L comes from' });
    for (const dimension of ['tag', 'weekday'] as const) {
      await card.getByLabel('Split by').selectOption(dimension);
      const result = await harness.handlers['analytics:breakdown']({ filter: { accountIds: [account.id] }, dimension });
      if (!result.ok) throw new Error(result.error.message);
      await expect.poll(() => card.locator('tbody tr').count()).toBe(result.data.length);
      const labels = await card.locator('tbody th[scope=row]').allInnerTexts();
      expect(new Set(labels)).toEqual(new Set(result.data.map((r) => r.label)));
    }
  });

  it('adds a goal and an evaluation, shows the server’s messages, and deletes them', async () => {
    await page.getByRole('region', { name: 'Goals and evaluations' }).getByRole('button', { name: 'Manage' }).click();
    const panel = page.getByRole('dialog', { name: 'Goals and evaluations' });
    const goal = panel.getByRole('form', { name: 'New goal' });
    await goal.getByLabel('Amount').fill('1000');
    await goal.getByRole('button', { name: 'Add goal' }).click();
    await expect.poll(() => goal.locator('.field-error').innerText()).toContain('must not be empty');
    await goal.getByLabel('Name').fill('Make $1,000 a week');
    await goal.getByLabel('Each').selectOption('week');
    await goal.getByRole('button', { name: 'Add goal' }).click();
    await expect.poll(async () => {
      const list = await harness.handlers['goals:list']({});
      return list.ok ? list.data.find((g) => g.name === 'Make $1,000 a week')?.target : undefined;
    }).toBe(100_000);
    await expect.poll(() => page.getByRole('region', { name: 'Goals and evaluations' }).innerText()).toContain('Make $1,000 a week');

    const evaluation = panel.getByRole('form', { name: 'New evaluation' });
    await evaluation.getByLabel('Firm').fill('Acme Funding');
    await evaluation.getByLabel('Name').fill('Acme 50K');
    await evaluation.getByLabel('Max drawdown').fill('60000');
    await evaluation.getByRole('button', { name: 'Add evaluation' }).click();
    await expect.poll(() => evaluation.locator('.field-error').innerText()).toContain('smaller than the start balance');
    await evaluation.getByLabel('Max drawdown').fill('2500');
    await evaluation.getByRole('button', { name: 'Add evaluation' }).click();
    await expect.poll(async () => {
      const list = await harness.handlers['prop:list']({});
      return list.ok ? list.data.find((p) => p.name === 'Acme 50K')?.maxDrawdownCents : undefined;
    }).toBe(250_000);

    const goalThere = async () => {
      const list = await harness.handlers['goals:list']({});
      return list.ok && list.data.some((g) => g.name === 'Make $1,000 a week' && g.target === 100_000 && g.period === 'week');
    };
    await panel.getByRole('button', { name: 'Delete goal Make $1,000 a week' }).click();
    await expect.poll(goalThere).toBe(false);
    // A goal's delete can be undone: it comes back with the same settings.
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(goalThere).toBe(true);
    await expect.poll(() => panel.getByRole('status').innerText()).toContain('Restored “Make $1,000 a week”.');
    await panel.getByRole('button', { name: 'Delete goal Make $1,000 a week' }).click();
    await expect.poll(goalThere).toBe(false);
    // An evaluation asks once more before it goes.
    await panel.getByRole('button', { name: 'Delete evaluation Acme 50K' }).click();
    await panel.getByRole('button', { name: 'Keep' }).click();
    await panel.getByRole('button', { name: 'Delete evaluation Acme 50K' }).click();
    await panel.getByRole('button', { name: 'Yes, delete evaluation Acme 50K' }).click();
    await expect.poll(async () => {
      const list = await harness.handlers['prop:list']({});
      return list.ok && list.data.some((p) => p.name === 'Acme 50K');
    }).toBe(false);
    await page.screenshot({ path: artifactPath('overview-goals-manager.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('moves the P&L calendar between months', async () => {
    const month = page.locator('.month-name');
    const before = await month.innerText();
    await page.getByRole('button', { name: 'Previous month' }).click();
    await expect.poll(() => month.innerText()).not.toBe(before);
    await page.getByRole('button', { name: 'Next month' }).click();
    await expect.poll(() => month.innerText()).toBe(before);
  });

  it('opens a calendar day’s trades on the Trades page', async () => {
    const account = harness.services.lookups.accounts()[0]!;
    const cell = page.locator('table.calendar td[data-day]:has(button.day-button)').first();
    const day = (await cell.getAttribute('data-day'))!;
    const expected = harness.services.trades.list({ accountIds: [account.id], dateFrom: day, dateTo: day, status: 'closed' }, { key: 'closedAt', dir: 'desc' }, 0, 500);
    expect(expected.total).toBeGreaterThan(0);
    await cell.locator('button.day-button').click();
    await page.getByRole('heading', { level: 1, name: 'Trades' }).waitFor();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'trades' }).innerText())
      .toMatch(new RegExp(`of ${expected.total} trades?$`));
    await expect.poll(() => page.locator('[role=row][data-trade-id]').count()).toBe(expected.total);
    const ids = await page.locator('[role=row][data-trade-id]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-trade-id'))));
    expect(new Set(ids)).toEqual(new Set(expected.rows.map((r) => r.id)));
  });
});
