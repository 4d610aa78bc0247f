import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { openPage, patientPolling } from './helpers';
import { ExportSpecSchema } from '../../shared/domain/export-params';
import { TRADE_EXPORT_COLUMNS } from '../../shared/domain/export-columns';

patientPolling();

// NinjaTrader 8 executions: the platform's New York clock, no zone written.
const NT = [
  'Instrument,Action,Quantity,Price,Time,ID,E/X,Position,Order ID,Name,Commission,Rate,Account,Connection,',
  'MNQ 12-25,Buy,2,25012.25,10/15/2025 10:59:02 AM,e1,Entry,2 L,o1,Entry,$1.04,1,Sim101,Playback,',
  'MNQ 12-25,Sell,2,25020.00,10/15/2025 11:05:00 AM,e2,Exit,-,o2,Exit,$1.04,1,Sim101,Playback,',
].join('\r\n');

// A statement of an unknown broker: every row starts with its section; fills are repeated as allocations.
const STATEMENT = [
  'Statement,Title,Acme Clearing monthly statement',
  'Statement,Period,2025-10-15',
  'Cash,Header,Date,Amount,Description',
  'Cash,Data,2025-10-15,-2.00,Fees',
  'Fills,Header,Kind,Ticker,When,Side,Shares,Fill,Fee',
  'Fills,Data,Order,AMD,2025-10-15 09:31:00,BUY,10,160.00,1.00',
  'Fills,Data,Allocation,AMD,2025-10-15 09:31:00,BUY,10,160.00,0',
  'Fills,Data,Order,AMD,2025-10-15 10:00:00,SELL,10,161.50,1.00',
  'Fills,Total,,,,,,,2.00',
].join('\r\n');

describe('Import: time zones, a hand-mapped statement and the own export (Chromium)', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium();
    // The trader's machine is in New York: the Trades table shows New York times with their zone.
    page = await browser.newPage({ viewport: { width: 1400, height: 1200 }, timezoneId: 'America/New_York', locale: 'en-US' });
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'Welcome to Spark Journal' }).waitFor();
    await openPage(page, 'Import');
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const result = () => page.getByRole('region', { name: 'Result' });
  const previewRows = () => page.getByRole('region', { name: 'Trades as they will be imported' }).locator('tbody tr');

  it('reads a file with local times in the zone the user chooses and labels every time', async () => {
    const file = join(harness.workDir, 'nt-executions.csv');
    writeFileSync(file, `${NT}\r\n`);
    harness.desktop.answerNextOpen(file);
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    const zone = page.getByLabel('Times in the file are in');
    await expect.poll(() => zone.inputValue()).toBe('UTC');
    await expect.poll(() => previewRows().count()).toBe(1);
    // Read as UTC, 10:59 would be 6:59 AM in New York: the wrong hour.
    expect(await previewRows().first().innerText()).toContain('10:59:02 AM UTC');

    await zone.selectOption('America/New_York');
    await expect.poll(() => previewRows().first().innerText()).toContain('10:59:02 AM EDT');
    const header = await page.getByRole('region', { name: 'Trades as they will be imported' }).locator('thead').innerText();
    expect(header).toContain('Opened (America/New_York)');

    // The account the file creates is confirmed here, in the file's zone unless changed.
    const newAccount = page.locator('tr[data-new-account="Sim101"]');
    await expect.poll(() => newAccount.getByLabel('Time zone of Sim101').inputValue()).toBe('America/New_York');
    await newAccount.getByLabel('Starting balance of Sim101').fill('25000');
    await page.screenshot({ path: artifactPath('import-zone-preview.png'), fullPage: true });

    await page.getByRole('button', { name: 'Import trades' }).click();
    await expect.poll(() => result().getAttribute('data-status')).toBe('committed');
    const account = harness.services.db.sqlite.prepare("SELECT timezone, starting_balance_cents AS balance FROM accounts WHERE name = 'Sim101'").get();
    expect(account).toEqual({ timezone: 'America/New_York', balance: 2_500_000 });
    const opened = harness.services.db.sqlite.prepare('SELECT opened_at FROM trades').pluck().get();
    expect(opened).toBe(Date.UTC(2025, 9, 15, 14, 59, 2));

    await openPage(page, 'Trades');
    const row = page.locator('[role=row][data-trade-id]').filter({ hasText: 'MNQZ5' }).first();
    // The close, 11:05 in New York, shown with its zone.
    await expect.poll(() => row.innerText()).toMatch(/11:05 AM EDT/);
    await page.screenshot({ path: artifactPath('import-zone-trades.png'), fullPage: true });
    await openPage(page, 'Import');
  });

  it('maps a multi-section statement by hand: header row, section and row filter', async () => {
    const file = join(harness.workDir, 'acme-statement.csv');
    writeFileSync(file, `${STATEMENT}\r\n`);
    harness.desktop.answerNextOpen(file);
    await page.getByRole('button', { name: 'Choose another file…' }).click();
    await expect.poll(() => page.locator('.file-chip').innerText()).toContain('acme-statement.csv');
    await page.getByLabel('Into account').selectOption({ label: 'Sim101' });
    const mapping = page.getByRole('region', { name: 'Column mapping' });
    await mapping.waitFor();
    await mapping.getByLabel('Header row').fill('5');
    await mapping.getByLabel('Only the section').fill('Fills');
    // The headers now come from the Fills section's header row.
    await expect.poll(() => mapping.getByLabel('Keep only rows whose column').locator('option').allInnerTexts()).toContain('Ticker');
    await mapping.getByLabel('One row per').selectOption('fills');
    const pick = (label: string, header: string) => mapping.getByLabel(label, { exact: true }).selectOption(header);
    await pick('Symbol (required)', 'Ticker');
    await pick('Side (buy/sell)', 'Side');
    await pick('Quantity (required)', 'Shares');
    await pick('Price (required)', 'Fill');
    await pick('Executed at (required)', 'When');
    await mapping.getByRole('checkbox', { name: 'Fee' }).check();
    await mapping.getByLabel('Keep only rows whose column').selectOption('Kind');
    await mapping.getByLabel('is one of (comma-separated)').fill('Order');
    await mapping.getByRole('button', { name: 'Preview with this mapping' }).click();
    await expect.poll(() => previewRows().count()).toBe(1);
    // 10 x (161.50 - 160.00) - 2.00 fees: the allocation row was left out.
    expect(await previewRows().first().innerText()).toContain('+13.00');
    await page.screenshot({ path: artifactPath('import-statement-mapped.png'), fullPage: true });
    await page.getByRole('button', { name: 'Import trades' }).click();
    await expect.poll(() => result().getAttribute('data-status')).toBe('committed');
    expect(await result().getByRole('status').innerText()).toContain('Imported 1 new trades');
  });

  it('re-importing the journal’s own full export says nothing new', async () => {
    mkdirSync(join(harness.workDir, 'out'), { recursive: true });
    const spec = ExportSpecSchema.parse({ type: 'trades', format: 'csv', columns: TRADE_EXPORT_COLUMNS.map((c) => ({ key: c.key })) });
    const job = harness.services.exports.enqueue(spec, join(harness.workDir, 'out', 'own-trades.csv'));
    const done = await harness.services.exports.waitFor(job.id);
    expect(done.status).toBe('completed');
    harness.desktop.answerNextOpen(done.targetPath);
    await page.getByRole('button', { name: 'Choose another file…' }).click();
    await expect.poll(() => page.getByLabel('Layout').locator('option:checked').innerText()).toContain('Spark Journal trades export');
    await page.getByLabel('Into account').selectOption('');
    await page.getByRole('button', { name: 'Import trades' }).click();
    await expect.poll(() => result().getAttribute('data-status')).toBe('nothing_new');
    expect(await result().getByRole('status').innerText()).toContain('Nothing new');
    await page.screenshot({ path: artifactPath('import-own-export.png'), fullPage: true });
  });
});
