import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { loadDemo, openPage, patientPolling } from './helpers';

patientPolling();

describe('Export health (under Exports) in Chromium through the harness', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    await loadDemo(harness);
    // Two real CSV exports give the trades/CSV row its timings.
    for (let i = 0; i < 2; i++) {
      const created = await harness.handlers['exports:create']({ type: 'trades', format: 'csv', params: { filter: {} } });
      if (!created.ok || !created.data) throw new Error('export not created');
      const id = created.data.id;
      for (let t = 0; t < 600; t++) {
        const job = await harness.handlers['exports:get']({ id });
        if (job.ok && job.data.status === 'completed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    // Two recorded slow daily-P&L PDF runs, one failed: the kind of history the thresholds flag.
    const now = Date.now();
    const insert = harness.services.db.sqlite.prepare(
      `INSERT INTO export_job_performance (job_id, type, format, outcome, attempt, queue_wait_ms, duration_ms, rows, bytes, rows_per_sec, created_at)
       VALUES (NULL, 'dailyPnl', 'pdf', ?, 1, 5, ?, 1000, 50000, ?, ?)`,
    );
    insert.run('completed', 35_000, 1000 / 35, now - 60_000);
    insert.run('failed', 12_000, 1000 / 12, now - 30_000);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(harness.url);
    await openPage(page, 'Exports');
    // Export timings sit in the folded "Export health" section of Exports.
    await page.locator('details.export-health > summary').click();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('shows p50/p95/max per kind and format with the thresholds applied', async () => {
    const summary = await harness.handlers['perf:summary']({});
    if (!summary.ok) throw new Error(summary.error.message);
    const csv = summary.data.find((s) => s.type === 'trades' && s.format === 'csv')!;
    expect(csv.runs).toBe(2);
    const csvRow = page.locator('tr[data-type="trades"][data-format="csv"]');
    await csvRow.waitFor();
    expect(await csvRow.locator('td').first().innerText()).toBe('2');
    expect(await csvRow.locator('[data-kind="success"]').innerText()).toBe('100%');
    expect(await csvRow.locator('[data-kind="p95"]').getAttribute('class')).toContain('ok');

    const pdf = summary.data.find((s) => s.type === 'dailyPnl' && s.format === 'pdf')!;
    expect(pdf.durationP95Ms).toBeGreaterThan(30_000);
    expect(pdf.completed / pdf.runs).toBeLessThan(0.95);
    const pdfRow = page.locator('tr[data-type="dailyPnl"][data-format="pdf"]');
    const p95 = pdfRow.locator('[data-kind="p95"]');
    expect(await p95.getAttribute('class')).toContain('crit');
    expect(await p95.innerText()).toContain('critical');
    const success = pdfRow.locator('[data-kind="success"]');
    expect(await success.getAttribute('class')).toContain('warn');
    expect(await success.innerText()).toBe('50% · low');

    const runs = await harness.handlers['perf:runs']({ limit: 200 });
    if (!runs.ok) throw new Error(runs.error.message);
    expect(await page.locator('tr[data-run-id]').count()).toBe(runs.data.length);
    await page.screenshot({ path: artifactPath('performance.png'), fullPage: true });
  });

  it('saves the retention setting and shows the server’s message for a bad value', async () => {
    const form = page.getByRole('form', { name: 'Keep timings' });
    await form.getByLabel('For this many days').fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.locator('.field-error').innerText()).toMatch(/>=\s*1|at least 1|too small/i);
    expect(harness.services.settings.get('perfRetentionDays')).toBe(90);
    await form.getByLabel('For this many days').fill('45');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => harness.services.settings.get('perfRetentionDays')).toBe(45);
    await expect.poll(() => form.getByRole('status').innerText()).toContain('Saved');
  });
});
