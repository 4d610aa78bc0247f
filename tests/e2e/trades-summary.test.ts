import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TradeFilter } from '../../shared/domain/trade';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { loadDemo, openPage, patientPolling } from './helpers';
import { seriousViolations } from './a11y';

patientPolling();

describe('Trades summary, filters and layout in Chromium', () => {
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
    await openPage(page, 'Trades');
    await page.locator('[role=row][data-trade-id]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const filters = () => page.getByRole('form', { name: 'Trade filters' });
  const summary = () => page.getByRole('region', { name: 'Summary of these trades' });
  const server = (filter: TradeFilter) => harness.services.tradesSummary.summarize(filter);
  const en = (n: number) => n.toLocaleString('en-US');
  const statusText = () => page.getByRole('status').filter({ hasText: /trades|No trades/ }).innerText();

  /** Ticks options of a multi-select filter by their labels. */
  const pick = async (label: string, options: string[]) => {
    const box = filters().locator('details.multi').filter({ has: page.locator(`summary[aria-label^="${label}:"]`) });
    await box.locator('summary').click();
    for (const name of options) await box.getByRole('checkbox', { name, exact: true }).check();
    await box.locator('summary').click();
  };

  it('fits 1280x720 with one scrollbar: no page scroll, the grid scrolls, every default column visible', async () => {
    await page.screenshot({ path: artifactPath('trades-1280x720.png') });
    const doc = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollHeight - window.innerHeight,
      wide: document.scrollingElement!.scrollWidth - window.innerWidth,
    }));
    expect(doc.scroll).toBeLessThanOrEqual(0);
    expect(doc.wide).toBeLessThanOrEqual(0);
    const grid = await page.getByRole('table', { name: 'Trades' }).evaluate((el) => ({
      overflowX: el.scrollWidth - el.clientWidth,
      bottom: el.getBoundingClientRect().bottom,
    }));
    expect(grid.overflowX).toBeLessThanOrEqual(0);
    expect(grid.bottom).toBeLessThanOrEqual(720);
    // Prices to the instrument's tick size: a 0.25-tick future always shows two decimals.
    const tick = new Map(harness.services.lookups.instruments().map((i) => [i.symbol, i.tickSize]));
    const cells = await page.locator('[role=row][data-trade-id]').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('[role=cell]')].map((c) => (c as HTMLElement).innerText)),
    );
    const quarterTicks = cells.filter((c) => tick.get(c[2]!) === 0.25);
    expect(quarterTicks.length).toBeGreaterThan(0);
    for (const c of quarterTicks) expect(c[5]).toMatch(/\.\d{2}$/);
  });

  it('shows the server’s figures for the whole journal, per currency', async () => {
    const all = server({});
    await expect.poll(() => summary().locator('.figure').first().innerText()).toContain(en(all.trades));
    const rows = await summary().locator('table.summary-currencies tbody tr').count();
    expect(rows).toBe(all.currencies.length);
    const usd = all.currencies.find((c) => c.currency === 'USD')!;
    const usdRow = summary().locator('table.summary-currencies tbody tr').filter({ hasText: 'USD' });
    const net = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', signDisplay: 'exceptZero' }).format(usd.netCents / 100);
    expect(await usdRow.locator('td').first().innerText()).toBe(net);
    expect(await summary().innerText()).toContain(new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(all.winRate!));
  });

  it('multi-selects accounts and tags, and the list and summary match the server', async () => {
    const [a, b] = harness.services.lookups.accounts();
    const tags = harness.services.lookups.tags().slice(0, 2);
    await pick('Accounts', [a!.name, b!.name]);
    await pick('Tags', tags.map((t) => t.name));
    const filter: TradeFilter = { accountIds: [a!.id, b!.id], tagIds: tags.map((t) => t.id) };
    const expected = harness.services.trades.list(filter, { key: 'closedAt', dir: 'desc' }, 0, 1);
    await expect.poll(statusText).toContain(`of ${en(expected.total)} trades`);
    await expect.poll(() => summary().locator('.figure').first().innerText()).toContain(en(server(filter).trades));
    const ids = await page.locator('[role=row][data-trade-id]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-trade-id'))));
    const allowed = new Set(harness.services.trades.list(filter, { key: 'closedAt', dir: 'desc' }, 0, 500).rows.map((r) => r.id));
    expect(ids.every((id) => allowed.has(id))).toBe(true);
    await page.screenshot({ path: artifactPath('trades-multi-filter.png') });
    await filters().getByRole('button', { name: 'Clear filters' }).click();
  });

  it('searches symbols and filters net P&L, weekday, time of day and holding time', async () => {
    await filters().getByLabel('Symbol').fill('es');
    await expect.poll(statusText).toContain(`of ${en(server({ symbol: 'es' }).trades)} trades`);
    await filters().getByText(/^More filters/).click();
    await filters().getByLabel('At least').first().fill('100');
    await filters().getByRole('checkbox', { name: 'Mon', exact: true }).check();
    await filters().getByLabel('Opened from').selectOption('9');
    await filters().getByLabel('Opened until the end of').selectOption('11');
    await filters().getByLabel('At least').nth(1).fill('5');
    const filter: TradeFilter = { symbol: 'es', netMinCents: 10_000, weekdays: [1], hourFrom: 9, hourTo: 11, holdMinMinutes: 5 };
    const want = server(filter);
    await expect.poll(statusText).toMatch(want.trades === 0 ? /No trades/ : new RegExp(`of ${en(want.trades)} trades`));
    await expect.poll(() => filters().getByText(/^More filters \(4\)/).count()).toBe(1);
    await page.screenshot({ path: artifactPath('trades-more-filters.png') });
    await filters().getByText(/^More filters/).click();
    await filters().getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(statusText).toContain(`of ${en(server({}).trades)} trades`);
  });

  it('keeps open trades in a day range and leaves their Closed cell empty', async () => {
    const open = harness.services.trades.list({ status: 'open' }, { key: 'closedAt', dir: 'desc' }, 0, 1).rows[0]!;
    const zone = harness.services.lookups.accounts().find((x) => x.id === open.accountId)!.timezone;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(open.openedAt);
    await filters().getByLabel('From', { exact: true }).fill(day);
    await filters().getByLabel('To', { exact: true }).fill(day);
    const row = page.locator(`[role=row][data-trade-id="${open.id}"]`);
    await row.waitFor();
    expect(await row.locator('[role=cell]').first().innerText()).toBe('');
    await filters().getByRole('button', { name: 'Clear filters' }).click();
  });

  it('saves a view, deletes it and brings it back with Undo', async () => {
    await filters().getByLabel('Status').selectOption('closed');
    await page.getByRole('button', { name: 'Save view…' }).click();
    await page.getByLabel('Name of the view').fill('Closed only');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await filters().getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Saved view').selectOption('Closed only');
    await expect.poll(() => filters().getByLabel('Status').inputValue()).toBe('closed');
    await page.getByRole('button', { name: 'Delete view' }).click();
    await expect.poll(() => page.getByLabel('Saved view').locator('option', { hasText: 'Closed only' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByLabel('Saved view').locator('option', { hasText: 'Closed only' }).count()).toBe(1);
    await filters().getByRole('button', { name: 'Clear filters' }).click();
  });

  it('has no serious axe violations with the filter popovers open', async () => {
    await filters().locator('details.multi summary').first().click();
    expect(await seriousViolations(page)).toEqual([]);
    await filters().locator('details.multi summary').first().click();
    await filters().getByText(/^More filters/).click();
    expect(await seriousViolations(page)).toEqual([]);
    await filters().getByText(/^More filters/).click();
  });
});
