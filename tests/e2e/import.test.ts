import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { openPage, patientPolling } from './helpers';

patientPolling();

/** A Spark Journal trades export with three broken rows among five good ones (lines 3, 5 and 8). */
const CSV = [
  'Trade ID,Account,Symbol,Direction,Opened (UTC),Closed (UTC),Quantity,Entry price,Exit price,Fees',
  '1,Import Test,AAPL,long,2025-03-03T14:30:00.000Z,2025-03-03T15:00:00.000Z,10,180.5,182,1.00',
  '2,Import Test,AAPL,sideways,2025-03-04T14:30:00.000Z,2025-03-04T15:00:00.000Z,10,181,180,1.00',
  '3,Import Test,MSFT,short,2025-03-04T15:30:00.000Z,2025-03-04T16:00:00.000Z,5,410,405,1.00',
  '4,Import Test,MSFT,long,not a date,2025-03-05T16:00:00.000Z,5,405,407,1.00',
  '5,Import Test,NVDA,long,2025-03-05T14:30:00.000Z,2025-03-05T15:10:00.000Z,3,900,910,1.00',
  '6,Import Test,NVDA,short,2025-03-06T14:30:00.000Z,2025-03-06T15:10:00.000Z,3,915,905,1.00',
  '7,Import Test,TSLA,long,2025-03-06T15:30:00.000Z,2025-03-06T16:10:00.000Z,lots,200,204,1.00',
  '8,Import Test,TSLA,short,2025-03-07T14:30:00.000Z,2025-03-07T15:10:00.000Z,8,210,206,1.00',
].join('\n');

describe('Import screen in Chromium through the harness', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let file: string;

  beforeAll(async () => {
    harness = await startHarness();
    file = join(harness.workDir, 'broker-export.csv');
    writeFileSync(file, `${CSV}\n`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'Welcome to Spark Journal' }).waitFor();
    await openPage(page, 'Import');
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const tradeCount = () => harness.services.lookups.counts().trades;
  const result = () => page.getByRole('region', { name: 'Result' });

  it('previews a chosen file with the detected layout and the problems in its rows', async () => {
    harness.desktop.answerNextOpen(file);
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    expect(harness.desktop.openRequests).toHaveLength(1);
    await expect.poll(() => page.locator('.file-chip').innerText()).toContain('broker-export.csv');
    await expect.poll(() => page.getByLabel('Layout').locator('option:checked').innerText()).toContain('(detected)');
    const problems = page.getByRole('region', { name: 'Problems in the first rows' });
    await expect.poll(() => problems.locator('li').count()).toBe(3);
    const rows = await problems.locator('li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-row'))));
    expect(rows.sort()).toEqual([3, 5, 8]);
    await page.screenshot({ path: artifactPath('import-preview.png'), fullPage: true });
  });

  it('imports nothing and lists each bad row when asked to stop on errors', async () => {
    await page.getByRole('button', { name: 'Import trades' }).click();
    await expect.poll(() => result().getAttribute('data-status')).toBe('aborted');
    expect(await result().getByRole('status').innerText()).toContain('Nothing was imported: 3 rows have errors');
    const errors = result().getByRole('region', { name: 'Rows with errors' }).locator('li');
    expect(await errors.count()).toBe(3);
    const text = (await errors.allInnerTexts()).join('\n');
    expect(text).toContain('Row 3');
    expect(text).toContain('"sideways"');
    expect(text).toContain('Row 5');
    expect(text).toContain('"not a date"');
    expect(text).toContain('Row 8');
    expect(text).toContain('"lots"');
    expect(tradeCount()).toBe(0);
  });

  it('skips the bad rows, imports the rest, and undoes the import', async () => {
    await page.getByRole('radio', { name: 'Skip rows with errors, import the rest' }).check();
    await page.getByRole('button', { name: 'Import trades' }).click();
    await expect.poll(() => result().getAttribute('data-status')).toBe('committed');
    expect(await result().getByRole('status').innerText()).toContain('Imported 5 new trades');
    expect(tradeCount()).toBe(5);
    await page.screenshot({ path: artifactPath('import-result.png'), fullPage: true });

    const history = page.getByRole('region', { name: 'Past imports' });
    await expect.poll(() => history.locator('tr[data-batch-id]').count()).toBe(1);
    await history.getByRole('button', { name: 'Undo import of broker-export.csv' }).click();
    await history.getByRole('button', { name: 'Remove 5 trades' }).click();
    await expect.poll(tradeCount).toBe(0);
    await expect.poll(() => history.locator('tr[data-batch-id] .badge').innerText()).toMatch(/^Undone/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Undone:' }).innerText()).toContain('5 trades removed');
  });

  it('says so plainly when the file dialog is cancelled', async () => {
    harness.desktop.answerNextOpen(null);
    await page.getByRole('button', { name: 'Choose another file…' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No file was chosen' }).count()).toBe(1);
  });

  it('maps the columns of an unknown layout by hand, previews, saves it as a preset and deletes it', async () => {
    const custom = join(harness.workDir, 'my-broker.csv');
    writeFileSync(
      custom,
      [
        'Ticker,Side,Entry Time,Exit Time,Shares,Buy Price,Sell Price,Commission',
        'AMD,long,2025-04-01 14:30:00,2025-04-01 15:00:00,20,100,101.5,2.00',
        'AMD,short,2025-04-02 14:30:00,2025-04-02 15:00:00,10,102,101,2.00',
      ].join('\n'),
    );
    harness.desktop.answerNextOpen(custom);
    await page.getByRole('button', { name: 'Choose another file…' }).click();
    await expect.poll(() => page.locator('.file-chip').innerText()).toContain('my-broker.csv');
    const mapping = page.getByRole('region', { name: 'Column mapping' });
    await mapping.waitFor();
    const pick = (label: string, header: string) => mapping.getByLabel(label, { exact: true }).selectOption(header);
    await pick('Symbol (required)', 'Ticker');
    await pick('Direction (long/short) (required)', 'Side');
    await pick('Opened at (required)', 'Entry Time');
    await pick('Closed at', 'Exit Time');
    await pick('Quantity (required)', 'Shares');
    await pick('Entry price (required)', 'Buy Price');
    await pick('Exit price', 'Sell Price');
    await mapping.getByRole('checkbox', { name: 'Commission' }).check();
    await mapping.getByLabel('Layout name').fill('My broker');
    await mapping.getByRole('button', { name: 'Preview with this mapping' }).click();
    const previewRows = page.getByRole('region', { name: 'Trades as they will be imported' }).locator('tbody tr');
    await expect.poll(() => previewRows.count()).toBe(2);
    // 20 x (101.5 - 100) - 2.00 fees = +28.00
    expect(await previewRows.first().innerText()).toContain('+28.00');

    await mapping.getByRole('button', { name: 'Save as preset' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved the mapping as' }).innerText()).toContain('“My broker”');
    const saved = await harness.handlers['import:presets']({});
    if (!saved.ok) throw new Error(saved.error.message);
    const mine = saved.data.find((p) => !p.builtin && p.definition.name === 'My broker')!;
    expect(mine.definition.columns).toMatchObject({ symbol: 'Ticker', direction: 'Side', qty: 'Shares', entryPrice: 'Buy Price' });
    expect(mine.definition.feeColumns).toEqual(['Commission']);
    await expect.poll(() => page.getByLabel('Layout').locator('option:checked').innerText()).toMatch(/^My broker( \(detected\))? \(saved\)$/);
    await page.screenshot({ path: artifactPath('import-preset-saved.png'), fullPage: true });

    await page.getByRole('button', { name: 'Delete saved layout' }).click();
    await expect.poll(async () => {
      const left = await harness.handlers['import:presets']({});
      return left.ok && left.data.some((p) => p.id === mine.id);
    }).toBe(false);
  });
});
