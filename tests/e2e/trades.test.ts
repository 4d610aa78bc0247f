import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import type { TradeFilter, TradeSort } from '../../shared/domain/trade';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { patientPolling } from './helpers';

patientPolling();

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
  const filters = () => page.getByRole('form', { name: 'Trade filters' });
  const grid = () => page.getByRole('table', { name: 'Trades' });
  /** Ticks one account in the Accounts multi-select. */
  const pickAccount = async (name: string) => {
    const box = filters().locator('details.multi').filter({ has: page.locator('summary[aria-label^="Accounts:"]') });
    await box.locator('summary').click();
    await box.getByRole('checkbox', { name, exact: true }).check();
    await box.locator('summary').click();
  };

  /** The loaded rows on screen as [row index, trade id], in row order. */
  const renderedRows = () =>
    page
      .locator('[role=row][data-trade-id]')
      .evaluateAll((rows) =>
        rows
          .map((r) => [Number(r.getAttribute('data-index')), Number(r.getAttribute('data-trade-id'))] as [number, number])
          .sort((a, b) => a[0] - b[0]),
      );

  /** The server's answer for the rows the browser shows: same filter, sort and offsets. */
  const expectedIds = (filter: TradeFilter, sort: TradeSort, rows: [number, number][]) => {
    const first = rows[0]![0];
    const expected = harness.services.trades.list(filter, sort, first, rows.length).rows.map((r) => r.id);
    return expected;
  };

  it('offers the demo journal on first run, loads it, and the Trades page lists it', async () => {
    await page.goto(harness.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Spark Journal' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Load demo journal' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Trades' }).click();
    await page.getByRole('heading', { name: 'Trades', level: 1 }).waitFor();
    const total = harness.services.lookups.counts().trades;
    expect(total).toBeGreaterThan(1000);
    await expect.poll(statusText).toMatch(new RegExp(`^Rows 1–\\d+ of ${total.toLocaleString('en-US')} trades`));
    await expect.poll(async () => (await renderedRows()).length).toBeGreaterThan(15);
    const rows = await renderedRows();
    // Only a window of rows is in the DOM, not the whole journal.
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]![0]).toBe(0);
    expect(rows.map((r) => r[1])).toEqual(expectedIds({}, { key: 'closedAt', dir: 'desc' }, rows));
    await page.screenshot({ path: artifactPath('trades-page.png') });
  });

  it('filters by account and direction and shows exactly the matching trades', async () => {
    const account = harness.services.lookups.accounts()[0]!;
    await pickAccount(account.name);
    await filters().getByLabel('Side', { exact: true }).selectOption('short');
    const filter: TradeFilter = { accountIds: [account.id], direction: 'short' };
    const expected = harness.services.trades.list(filter, { key: 'closedAt', dir: 'desc' }, 0, 1);
    await expect.poll(statusText).toContain(`of ${expected.total.toLocaleString('en-US')} trades`);
    await expect.poll(async () => (await renderedRows())[0]?.[1]).toBe(expected.rows[0]!.id);
    const rows = await renderedRows();
    expect(rows.map((r) => r[1])).toEqual(expectedIds(filter, { key: 'closedAt', dir: 'desc' }, rows));
    const sides = await page.locator('[role=row][data-trade-id] [role=cell].side').allInnerTexts();
    expect(new Set(sides)).toEqual(new Set(['Short']));
    await page.screenshot({ path: artifactPath('trades-filtered.png') });
  });

  it('fetches server pages as it scrolls deep and jumps to the end with the End key', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const total = harness.services.lookups.counts().trades;
    await expect.poll(statusText).toContain(`of ${total.toLocaleString('en-US')} trades`);
    const target = Math.floor(total / 2);
    await grid().evaluate((el, top) => el.scrollTo({ top }), target * 32);
    await expect.poll(async () => (await renderedRows()).some(([index]) => index === target)).toBe(true);
    const middle = await renderedRows();
    expect(middle.map((r) => r[1])).toEqual(expectedIds({}, { key: 'closedAt', dir: 'desc' }, middle));
    await expect.poll(statusText).toMatch(/^Rows [\d,]+–/);
    expect(await statusText()).not.toMatch(/^Rows 1–/);

    await grid().focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await renderedRows()).at(-1)?.[0]).toBe(total - 1);
    const end = await renderedRows();
    expect(end.map((r) => r[1])).toEqual(expectedIds({}, { key: 'closedAt', dir: 'desc' }, end));
    await page.keyboard.press('Home');
    await expect.poll(async () => (await renderedRows())[0]?.[0]).toBe(0);
  });

  it('sorts on the server when a column header is clicked', async () => {
    await page.getByRole('button', { name: /^Net P&L/ }).click();
    const sort: TradeSort = { key: 'netPnl', dir: 'desc' };
    const best = harness.services.trades.list({}, sort, 0, 1).rows[0]!;
    await expect.poll(async () => (await renderedRows())[0]?.[1]).toBe(best.id);
    const rows = await renderedRows();
    expect(rows.map((r) => r[1])).toEqual(expectedIds({}, sort, rows));
    expect(await grid().getByRole('columnheader', { name: /Net P&L/ }).getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('button', { name: /^Net P&L/ }).click();
    const worst = harness.services.trades.list({}, { key: 'netPnl', dir: 'asc' }, 0, 1).rows[0]!;
    await expect.poll(async () => (await renderedRows())[0]?.[1]).toBe(worst.id);
  });

  it('shows and hides columns from the column chooser', async () => {
    await expect.poll(() => page.getByRole('columnheader', { name: 'Notes' }).count()).toBe(0);
    await page.getByText(/^Columns \(/).click();
    await page.getByRole('checkbox', { name: 'Notes' }).check();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Notes' }).count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Notes' }).uncheck();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Notes' }).count()).toBe(0);
    await page.getByText(/^Columns \(/).click();
  });

  it('opens a trade in the detail panel and closes it with Escape', async () => {
    const [[, id]] = (await renderedRows()) as [[number, number]];
    const trade = harness.services.trades.list({}, { key: 'netPnl', dir: 'asc' }, 0, 1).rows[0]!;
    expect(id).toBe(trade.id);
    await page.locator(`[role=row][data-trade-id="${id}"] button.open-trade`).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading', { level: 2 }).innerText()).toContain(`${trade.symbol}`);
    expect(await dialog.innerText()).toContain(`#${trade.id}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('edits a trade with its tags and notes, and shows the server’s message for an impossible edit', async () => {
    const [[, id]] = (await renderedRows()) as [[number, number]];
    await page.locator(`[role=row][data-trade-id="${id}"] button.open-trade`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Edit trade, tags and notes' }).click();
    const form = dialog.getByRole('form', { name: 'Edit trade' });

    // A closed trade without an exit price is refused by the server, and nothing changes.
    await form.getByLabel('Exit price (empty while open)').fill('');
    await form.getByRole('button', { name: 'Save trade' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('needs both a close time and an exit price');
    const before = harness.services.db.sqlite.prepare('SELECT exit_price AS exitPrice, entry_price AS entryPrice FROM trades WHERE id = ?').get(id) as { exitPrice: number; entryPrice: number };
    expect(before.exitPrice).not.toBeNull();

    await form.getByLabel('Exit price (empty while open)').fill(String(before.entryPrice));
    // A negative quantity is caught by the request schema: its message sits beside the field.
    await form.getByLabel('Quantity').fill('-5');
    await form.getByRole('button', { name: 'Save trade' }).click();
    await expect.poll(() => form.locator('.field-error').first().innerText()).toContain('greater than zero');
    expect(await form.getByLabel('Quantity').getAttribute('aria-invalid')).toBe('true');
    const qty = harness.services.db.sqlite.prepare('SELECT qty FROM trades WHERE id = ?').get(id) as { qty: number };
    await form.getByLabel('Quantity').fill(String(qty.qty));
    await form.getByLabel('Notes').fill('Reviewed: flat exit, chased the entry.');
    await form.getByLabel('Tags', { exact: true }).fill('reviewed');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Save trade' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toContain('Trade saved');

    const after = harness.services.db.sqlite
      .prepare('SELECT exit_price AS exitPrice, notes, fees_cents AS feesCents, net_pnl_cents AS netPnlCents FROM trades WHERE id = ?')
      .get(id) as { exitPrice: number; notes: string; feesCents: number; netPnlCents: number };
    expect(after.exitPrice).toBe(before.entryPrice);
    expect(after.notes).toBe('Reviewed: flat exit, chased the entry.');
    const tags = harness.services.db.sqlite
      .prepare('SELECT g.name FROM trade_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.trade_id = ?')
      .all(id) as { name: string }[];
    expect(tags.map((t) => t.name)).toContain('reviewed');
    expect(await dialog.innerText()).toContain('Reviewed: flat exit, chased the entry.');
    expect(await dialog.innerText()).toContain('reviewed');
    await page.keyboard.press('Escape');
  });

  it('moves between rows with the arrow keys, scrolling as it goes', async () => {
    await page.locator('[role=row][data-index="0"] button.open-trade').focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role=row]')?.getAttribute('data-index'))).toBe('40');
    const visible = await page.evaluate(() => {
      const row = document.activeElement!.closest('[role=row]')!.getBoundingClientRect();
      const grid = document.querySelector('[role=table]')!.getBoundingClientRect();
      return row.top >= grid.top && row.bottom <= grid.bottom;
    });
    expect(visible).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role=row]')?.getAttribute('data-index'))).toBe('39');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role=row]')?.getAttribute('data-index'))).toBe('39');
  });

  it('adds a trade by hand; the server works out its P&L', async () => {
    const before = harness.services.lookups.counts().trades;
    await page.getByRole('button', { name: 'Add trade…' }).click();
    const form = page.getByRole('form', { name: 'New trade' });
    await form.getByLabel('Quantity').fill('10');
    await form.getByLabel('Entry price').fill('100');
    await form.getByRole('button', { name: 'Add trade' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('Not saved');
    const symbolField = form.locator('.field').filter({ has: page.getByLabel('Symbol', { exact: true }) });
    expect(await symbolField.locator('.field-error').innerText()).toBe('must not be empty');
    expect(harness.services.lookups.counts().trades).toBe(before);

    await form.getByLabel('Symbol').fill('TEST');
    await form.getByLabel('Opened', { exact: true }).fill('2025-06-02T10:00');
    await form.getByLabel('Closed (empty while open)').fill('2025-06-02T11:30');
    await form.getByLabel('Exit price (empty while open)').fill('103.5');
    await form.getByLabel('Fees').fill('2.50');
    await form.getByLabel('Tags (comma separated)').fill('manual, review');
    await form.getByRole('button', { name: 'Add trade' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading', { level: 2 }).innerText()).toContain('TEST long');
    expect(harness.services.lookups.counts().trades).toBe(before + 1);
    const row = harness.services.db.sqlite
      .prepare("SELECT t.net_pnl_cents AS net, t.fees_cents AS fees FROM trades t JOIN instruments i ON i.id = t.instrument_id WHERE i.symbol = 'TEST'")
      .get() as { net: number; fees: number };
    // 10 x (103.5 - 100) = 35.00 gross, less 2.50 fees.
    expect(row).toEqual({ net: 3250, fees: 250 });
    expect(await dialog.innerText()).toContain('manual, review');
    await page.keyboard.press('Escape');
  });

  it('shows a clear empty state when a date range matches nothing', async () => {
    await filters().getByLabel('From', { exact: true }).fill('1990-01-01');
    await filters().getByLabel('To', { exact: true }).fill('1990-01-02');
    await expect.poll(statusText).toBe('No trades match these filters.');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(statusText).toMatch(/^Rows 1–\d+ of /);
  });

  it('hands its whole filter to the Exports form (two accounts, a side), and the export holds exactly the filtered trades', async () => {
    const [first, second] = harness.services.lookups.accounts().slice(1, 3);
    await pickAccount(first!.name);
    await pickAccount(second!.name);
    await filters().getByLabel('Side', { exact: true }).selectOption('long');
    const expected = harness.services.trades.list({ accountIds: [first!.id, second!.id], direction: 'long' }, { key: 'closedAt', dir: 'desc' }, 0, 1).total;
    await expect.poll(statusText).toContain(`of ${expected.toLocaleString('en-US')} trades`);
    await page.getByRole('button', { name: 'Export these trades…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    const form = page.getByRole('form', { name: 'New export' });
    const exportFilters = form.getByRole('group', { name: 'Filters' });
    // The single-value fields could hold only the first account: the form says what it exports instead.
    await expect.poll(() => exportFilters.getByRole('note').innerText()).toContain('2 accounts, long trades');
    expect(await exportFilters.getByLabel('Account', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: artifactPath('exports-handed-filter.png') });
    await form.getByRole('button', { name: 'Export trades as CSV' }).click();
    const item = page.locator('li.job').first();
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    const job = await harness.handlers['exports:get']({ id: Number(await item.getAttribute('data-job-id')) });
    if (!job.ok) throw new Error(job.error.message);
    const records = parse(readFileSync(job.data.targetPath, 'utf8'), { bom: true }) as string[][];
    expect(records.length - 1).toBe(expected);
    // Cleared, the form's own fields come back.
    await exportFilters.getByRole('button', { name: 'Choose filters here instead' }).click();
    expect(await exportFilters.getByLabel('Account', { exact: true }).count()).toBe(1);
  });
});
