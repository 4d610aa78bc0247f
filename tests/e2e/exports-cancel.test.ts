import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ExportJob } from '../../shared/domain/export-job';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { loadDemo, openPage, patientPolling } from './helpers';

patientPolling();

describe('Cancelling and retrying a running export', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    // Enough rows that an Excel export runs for seconds, long enough to cancel mid-way.
    await loadDemo(harness, 200_000);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(harness.url);
    await openPage(page, 'Exports');
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const jobById = async (id: number): Promise<ExportJob> => {
    const result = await harness.handlers['exports:get']({ id });
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  };

  it('shows live progress, cancels mid-way, leaves no file, then retries to completion', async () => {
    const form = page.getByRole('form', { name: 'New export' });
    await form.getByRole('radio', { name: 'Excel (XLSX)' }).check();
    await form.getByRole('button', { name: /^Export trades as/ }).click();
    const item = page.locator('li.job').first();
    await item.waitFor();
    const id = Number(await item.getAttribute('data-job-id'));

    // Progress pushed by events moves the bar before the end.
    const bar = item.getByRole('progressbar');
    await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
    const seen = Number(await bar.getAttribute('aria-valuenow'));
    expect(seen).toBeLessThan(100);
    expect(await item.innerText()).toMatch(/[\d,]+ of 200,000 rows · \d+% · [\d,]+ rows\/s/);
    await page.screenshot({ path: artifactPath('exports-running.png') });

    await item.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 30_000 }).toBe('cancelled');
    await expect.poll(() => item.locator('.badge').innerText()).toBe('Cancelled');
    await expect.poll(() => item.innerText()).toMatch(/Stopped at [\d,]+ of 200,000 rows/);
    const job = await jobById(id);
    expect(job.status).toBe('cancelled');
    expect(job.rowsWritten).toBeLessThan(200_000);
    expect(existsSync(job.targetPath)).toBe(false);
    expect(readdirSync(dirname(job.targetPath)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(harness.desktop.notifications.filter((n) => n.action?.kind === 'reveal' && n.action.path === job.targetPath)).toEqual([]);
    await page.screenshot({ path: artifactPath('exports-cancelled.png') });

    await item.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 90_000 }).toBe('completed');
    const done = await jobById(id);
    expect(done.rowsWritten).toBe(200_000);
    expect(existsSync(done.targetPath)).toBe(true);
    expect(await item.innerText()).toContain('200,000 of 200,000 rows');
  });
});
