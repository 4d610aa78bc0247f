import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import type { ExportFormat } from '../../shared/domain/enums';
import type { ExportJob } from '../../shared/domain/export-job';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { loadDemo, openPage, patientPolling } from './helpers';

patientPolling();

const FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', xlsx: 'Excel (XLSX)', pdf: 'PDF report' };

async function dataRowsIn(format: ExportFormat, path: string): Promise<number> {
  switch (format) {
    case 'csv':
      return (parse(readFileSync(path, 'utf8'), { bom: true, comment: '#' }) as string[][]).length - 1;
    case 'json':
      return (JSON.parse(readFileSync(path, 'utf8')) as unknown[]).length;
    case 'xlsx': {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      return workbook.worksheets[0]!.actualRowCount - 1;
    }
    case 'pdf':
      throw new Error('PDF rows are checked through the page count');
  }
}

describe('Exports screen in Chromium through the harness', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    await loadDemo(harness);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(harness.url);
    await openPage(page, 'Exports');
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const form = () => page.getByRole('form', { name: 'New export' });
  const filters = () => form().getByRole('group', { name: 'Filters' });
  const jobItem = (id: number) => page.locator(`li.job[data-job-id="${id}"]`);
  const jobById = async (id: number): Promise<ExportJob> => {
    const result = await harness.handlers['exports:get']({ id });
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  };
  const newestJobId = async () => {
    const result = await harness.handlers['exports:list']({ limit: 1 });
    if (!result.ok) throw new Error(result.error.message);
    return result.data[0]?.id ?? 0;
  };

  for (const format of ['csv', 'json', 'xlsx', 'pdf'] as const) {
    it(`exports filtered trades as ${format} and watches the job reach done`, async () => {
      const account = harness.services.lookups.accounts()[0]!;
      const expectedRows = harness.services.trades.list({ accountIds: [account.id], direction: 'long' }, { key: 'closedAt', dir: 'asc' }, 0, 1).total;
      expect(expectedRows).toBeGreaterThan(50);
      const before = await newestJobId();
      const notificationsBefore = harness.desktop.notifications.length;

      await form().getByLabel('What to export').selectOption('trades');
      await form().getByRole('radio', { name: FORMAT_LABELS[format] }).check();
      await filters().getByLabel('Account', { exact: true }).selectOption({ label: account.name });
      await filters().getByLabel('Direction', { exact: true }).selectOption('long');
      await form().getByRole('button', { name: /^Export trades as/ }).click();

      await expect.poll(newestJobId).toBeGreaterThan(before);
      const id = await newestJobId();
      const item = jobItem(id);
      await expect.poll(() => item.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
      expect(await item.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      await expect.poll(() => item.innerText()).toContain(`${expectedRows.toLocaleString('en-US')} of ${expectedRows.toLocaleString('en-US')} rows`);

      const job = await jobById(id);
      expect(job.status).toBe('completed');
      expect(job.rowsWritten).toBe(expectedRows);
      expect(existsSync(job.targetPath)).toBe(true);
      expect(job.targetPath.endsWith(`.${format}`)).toBe(true);
      if (format === 'pdf') {
        const pdf = await PDFDocument.load(readFileSync(job.targetPath));
        // About 50 rows a page after a summary header: never fewer pages than that allows.
        expect(pdf.getPageCount()).toBeGreaterThanOrEqual(Math.ceil(expectedRows / 60));
      } else {
        expect(await dataRowsIn(format, job.targetPath)).toBe(expectedRows);
      }
      await expect.poll(() => harness.desktop.notifications.length).toBeGreaterThan(notificationsBefore);
      const note = harness.desktop.notifications.at(-1)!;
      expect(note.title).toBe('Trades export finished');
      expect(note.action).toEqual({ kind: 'reveal', path: job.targetPath });

      await item.getByRole('button', { name: 'Show in folder' }).click();
      await expect.poll(() => harness.desktop.revealed.at(-1)).toBe(job.targetPath);
      await page.screenshot({ path: artifactPath(`exports-${format}-done.png`) });
    });
  }

  it('writes the chosen columns in the chosen order under renamed headers', async () => {
    await form().getByRole('radio', { name: 'CSV' }).check();
    await form().getByText(/^Columns: \d+ chosen/).click();
    await form().getByRole('button', { name: 'Reset to defaults' }).click();
    // Keep only Symbol and Net P&L, Net P&L first, renamed.
    const keep = new Set(['Symbol', 'Net P&L']);
    for (const box of await form().locator('.column-list input[type=checkbox]').all()) {
      const label = (await box.locator('xpath=..').innerText()).trim();
      if (keep.has(label)) await box.check();
      else await box.uncheck();
    }
    while ((await form().locator('.column-list li').first().innerText()).trim().startsWith('Net P&L') === false) {
      await form().getByRole('button', { name: 'Move Net P&L up' }).click();
    }
    await form().getByLabel('Header for Net P&L').fill('Result');
    const before = await newestJobId();
    await form().getByRole('button', { name: /^Export trades as/ }).click();
    await expect.poll(newestJobId).toBeGreaterThan(before);
    const id = await newestJobId();
    await expect.poll(() => jobItem(id).getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    const job = await jobById(id);
    const [header, first] = parse(readFileSync(job.targetPath, 'utf8'), { bom: true }) as string[][];
    expect(header).toEqual(['Result', 'Symbol']);
    expect(first![0]).toMatch(/^-?[\d.]+$/);
    expect(first![1]).not.toBe('');
  });

  it('saves the form as a preset and loads it back', async () => {
    await form().getByLabel('Preset name').fill('Longs as CSV');
    await form().getByRole('button', { name: 'Save as preset' }).click();
    await filters().getByLabel('Direction', { exact: true }).selectOption('short');
    await form().getByLabel('Load a preset').selectOption('Longs as CSV');
    await expect.poll(() => filters().getByLabel('Direction', { exact: true }).inputValue()).toBe('long');
    await expect.poll(() => form().getByLabel('Header for Net P&L').inputValue()).toBe('Result');
    // Kept in the journal by main (so backups carry it), not in this window.
    await expect.poll(() => harness.services.exportPresets.list().find((p) => p.name === 'Longs as CSV')?.form.direction).toBe('long');
    await page.reload();
    await openPage(page, 'Exports');
    await form().getByLabel('Load a preset').selectOption('Longs as CSV');
    await expect.poll(() => filters().getByLabel('Direction', { exact: true }).inputValue()).toBe('long');
  });

  it('shows the server’s plain-words error when the request is invalid', async () => {
    await filters().getByLabel('From', { exact: true }).fill('2024-05-10');
    await filters().getByLabel('To', { exact: true }).fill('2024-05-01');
    await form().getByRole('button', { name: /^Export trades as/ }).click();
    await expect.poll(() => form().getByRole('status').innerText()).toContain('The "From" day must be on or before the "To" day');
    await filters().getByLabel('From', { exact: true }).fill('');
    await filters().getByLabel('To', { exact: true }).fill('');
  });

  it('says plainly when the save dialog was cancelled', async () => {
    harness.desktop.answerNextSave(null);
    const before = await newestJobId();
    await form().getByRole('button', { name: /^Export trades as/ }).click();
    await expect.poll(() => form().getByRole('status').innerText()).toContain('No file was chosen');
    expect(await newestJobId()).toBe(before);
  });

  it('explains a failed export in plain words and what to do, and notifies', async () => {
    const notificationsBefore = harness.desktop.notifications.length;
    harness.desktop.answerNextSave(join(harness.workDir, 'no-such-folder', 'trades.csv'));
    const before = await newestJobId();
    await form().getByRole('button', { name: /^Export trades as/ }).click();
    await expect.poll(newestJobId).toBeGreaterThan(before);
    const id = await newestJobId();
    const item = jobItem(id);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 60_000 }).toBe('failed');
    const job = await jobById(id);
    expect(job.error).not.toBeNull();
    const alert = item.getByRole('alert');
    expect(await alert.innerText()).toBe(job.error!.message);
    expect(job.error!.message).toMatch(/folder|exist/i);
    expect(await item.locator('.badge').innerText()).toBe('Failed');
    expect(await item.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await expect.poll(() => harness.desktop.notifications.length).toBeGreaterThan(notificationsBefore);
    expect(harness.desktop.notifications.at(-1)!.title).toBe('Trades export failed');
    await page.screenshot({ path: artifactPath('exports-failed.png') });
  });

  it('follows a notification click to the screen main asks for', async () => {
    harness.services.events.emit('app:navigate', { screen: 'performance' });
    await page.getByRole('heading', { level: 1, name: 'Performance' }).waitFor();
    harness.services.events.emit('app:navigate', { screen: 'exports' });
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    // An unknown screen is ignored.
    harness.services.events.emit('app:navigate', { screen: 'no-such-screen' });
    await page.waitForTimeout(200);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Exports');
  });
});
