import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedJournalFile } from '../../scripts/seed/seed-file';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { openPage, patientPolling } from './helpers';

patientPolling();

/**
 * The Trades grid over a million trades. Seeding takes about 30 s and 460 MB of disk, so it runs
 * only when asked: SPARK_E2E_TRADES=1000000 npx vitest run --project e2e tests/e2e/trades-1m.test.ts
 */
const TRADES = Number(process.env.SPARK_E2E_TRADES ?? 0);

describe.skipIf(TRADES === 0)(`Trades grid at ${TRADES.toLocaleString('en-US')} trades`, () => {
  let dir: string;
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let harnessStartMs = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spark-1m-'));
    // SPARK_E2E_DB reuses a journal seeded earlier (npm run seed -- --db <file> --trades <n>).
    const dbPath = process.env.SPARK_E2E_DB ?? join(dir, 'journal.db');
    if (!process.env.SPARK_E2E_DB) seedJournalFile(dbPath, { trades: TRADES, seed: 42, now: Date.now(), force: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const started = Date.now();
    harness = await startHarness({ dbPath });
    harnessStartMs = Date.now() - started;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const loadedIndexes = () =>
    page.locator('[role=row][data-trade-id]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-index'))));
  const grid = () => page.getByRole('table', { name: 'Trades' });

  it("shows the Overview's first figures soon after start-up (target 1 s at 1M, printed)", async () => {
    const started = Date.now();
    await page.goto(harness.url);
    await page.locator('.stats.headline').waitFor({ timeout: 120_000 });
    const figuresMs = Date.now() - started;
    const total = harnessStartMs + figuresMs;
    console.log(
      `start-up to the Overview's first figures at ${TRADES.toLocaleString('en-US')} trades: ${total} ms ` +
        `(services ${harnessStartMs} ms + page to headline ${figuresMs} ms) — target <= 1000 ms: ${total <= 1000 ? 'PASS' : 'MISS'}`,
    );
    expect(await page.locator('.stats.headline').innerText()).toMatch(/\d/);
  }, 180_000);

  it('opens, scrolls smoothly, and jumps to the middle and the end', async () => {
    const started = Date.now();
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.locator('.stats.headline').waitFor({ timeout: 120_000 });
    await page.locator('.equity-chart canvas').first().waitFor({ timeout: 120_000 });
    const overviewMs = Date.now() - started;
    const opened = Date.now();
    await openPage(page, 'Trades');
    await page.waitForFunction(() => document.querySelector('[role=row][data-index="0"]') !== null, undefined, { timeout: 60_000 });
    const firstRowsMs = Date.now() - opened;
    const total = harness.services.lookups.counts().trades;
    expect(total).toBe(TRADES);

    // Wheel through the first rows while recording every frame.
    await page.evaluate(() => {
      const w = window as unknown as { frames: number[]; recording: boolean };
      w.frames = [];
      w.recording = true;
      let last = performance.now();
      const tick = (t: number) => {
        w.frames.push(t - last);
        last = t;
        if (w.recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await grid().hover();
    for (let i = 0; i < 120; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(16);
    }
    const frames = await page.evaluate(() => {
      const w = window as unknown as { frames: number[]; recording: boolean };
      w.recording = false;
      return w.frames.slice(1);
    });
    const sorted = [...frames].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
    const longFrames = frames.filter((f) => f > 50).length;
    const domRows = await page.locator('[role=row][data-trade-id], [role=row].placeholder').count();

    // Drag-like jump to the middle: the rows there are fetched as a server page at a deep offset.
    const middle = Math.floor(total / 2);
    const middleStarted = Date.now();
    await grid().evaluate((el, fraction) => {
      el.scrollTop = fraction * (el.scrollHeight - el.clientHeight);
    }, middle / total);
    await page.waitForFunction(
      (target) =>
        [...document.querySelectorAll('[role=row][data-trade-id]')].some((r) => Math.abs(Number(r.getAttribute('data-index')) - target) < 50),
      middle,
      { timeout: 60_000 },
    );
    const middleMs = Date.now() - middleStarted;
    const midIndexes = await loadedIndexes();
    const midAt = midIndexes[Math.floor(midIndexes.length / 2)]!;
    const midId = Number(await page.locator(`[role=row][data-index="${midAt}"]`).getAttribute('data-trade-id'));
    expect(midId).toBe(harness.services.trades.list({}, { key: 'closedAt', dir: 'desc' }, midAt, 1).rows[0]!.id);

    await grid().focus();
    const endStarted = Date.now();
    await page.keyboard.press('End');
    await page.waitForFunction((last) => document.querySelector(`[role=row][data-index="${last}"][data-trade-id]`) !== null, total - 1, { timeout: 60_000 });
    const endMs = Date.now() - endStarted;
    const lastId = Number(await page.locator(`[role=row][data-index="${total - 1}"]`).getAttribute('data-trade-id'));
    const expectedLast = harness.services.trades.list({}, { key: 'closedAt', dir: 'desc' }, total - 1, 1).rows[0]!.id;
    expect(lastId).toBe(expectedLast);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'trades' }).innerText()).toMatch(new RegExp(`–${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} trades$`));
    await page.screenshot({ path: artifactPath('trades-1m-end.png') });

    const report = {
      trades: total,
      overviewMs,
      firstRowsMs,
      wheelFrames: frames.length,
      frameP95Ms: Math.round(p95 * 10) / 10,
      framesOver50Ms: longFrames,
      domRows,
      middleRowIndex: midAt,
      middleMs,
      endMs,
    };
    console.log(JSON.stringify(report));
    expect(domRows).toBeLessThan(120);
    expect(midAt).toBeGreaterThan(total * 0.4);
    expect(midAt).toBeLessThan(total * 0.6);
  }, 300_000);
});
