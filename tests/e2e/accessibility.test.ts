import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { loadDemo, openPage, patientPolling } from './helpers';
import { seriousViolations } from './a11y';

patientPolling();

const THEMES = ['light', 'dark'] as const;

/** Every screen with the state that makes it worth looking at. */
const SCREENS: { name: string; prepare?: (page: Page, harness: Harness) => Promise<void> }[] = [
  {
    name: 'Overview',
    prepare: async (page) => {
      await page.locator('.equity-chart canvas').first().waitFor();
      await page.locator('table.calendar td[data-day]').first().waitFor();
    },
  },
  {
    name: 'Trades',
    prepare: async (page) => {
      await page.locator('[role=row][data-trade-id]').first().waitFor();
    },
  },
  {
    name: 'Import',
    prepare: async (page, harness) => {
      const file = join(harness.workDir, 'a11y-import.csv');
      writeFileSync(
        file,
        [
          'Trade ID,Account,Symbol,Direction,Opened (UTC),Closed (UTC),Quantity,Entry price,Exit price,Fees',
          '1,Import Test,AAPL,long,2025-03-03T14:30:00.000Z,2025-03-03T15:00:00.000Z,10,180.5,182,1.00',
          '2,Import Test,AAPL,sideways,2025-03-04T14:30:00.000Z,2025-03-04T15:00:00.000Z,10,181,180,1.00',
        ].join('\n'),
      );
      harness.desktop.answerNextOpen(file);
      await page.getByRole('button', { name: /^Choose (a|another) file…$/ }).click();
      await page.getByRole('region', { name: 'Problems in the first rows' }).waitFor();
    },
  },
  {
    name: 'Exports',
    prepare: async (page) => {
      await page.locator('li.job[data-status="completed"]').first().waitFor({ timeout: 60_000 });
      const health = page.locator('details.export-health');
      if (!(await health.evaluate((el) => (el as HTMLDetailsElement).open))) await health.locator('summary').click();
      await page.locator('tr[data-run-id]').first().waitFor();
    },
  },
  {
    name: 'Performance',
    prepare: async (page) => {
      await page.locator('.equity-chart.report canvas').first().waitFor();
      await page.locator('.report-chart svg').first().waitFor();
    },
  },
  { name: 'Settings' },
];

describe('Accessibility and screenshots of every screen in both themes', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    await loadDemo(harness);
    const created = await harness.handlers['exports:create']({ type: 'trades', format: 'csv', params: { filter: {} } });
    if (!created.ok) throw new Error(created.error.message);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  for (const theme of THEMES) {
    describe(`${theme} theme`, () => {
      beforeAll(async () => {
        const updated = await harness.handlers['settings:update']({ patch: { theme } });
        if (!updated.ok) throw new Error(updated.error.message);
        await page.goto(harness.url);
        await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
        await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      });

      for (const screen of SCREENS) {
        it(`${screen.name} has no serious or critical axe violations`, async () => {
          await openPage(page, screen.name);
          await screen.prepare?.(page, harness);
          const violations = await seriousViolations(page);
          expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
          // What a trader sees on a small laptop and on a common desktop window.
          for (const [width, height] of [
            [1280, 720],
            [1440, 900],
          ] as const) {
            await page.setViewportSize({ width, height });
            await page.waitForTimeout(150);
            await page.screenshot({ path: artifactPath(`screen-${screen.name.toLowerCase()}-${theme}-${width}x${height}.png`) });
          }
          await page.setViewportSize({ width: 1400, height: 900 });
        });
      }

      it('the trade detail panel and the skip link pass too', async () => {
        await openPage(page, 'Trades');
        await page.locator('[role=row][data-trade-id] button.open-trade').first().click();
        await page.getByRole('dialog').waitFor();
        await page.getByRole('dialog').getByRole('button', { name: 'Edit trade, tags and notes' }).click();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: artifactPath(`screen-trade-edit-${theme}.png`) });
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });

        await page.getByRole('button', { name: 'Add trade…' }).click();
        await page.getByRole('dialog', { name: 'Add a trade' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');

        await openPage(page, 'Overview');
        await page.getByRole('region', { name: 'Goals and evaluations' }).getByRole('button', { name: 'Manage' }).click();
        await page.getByRole('dialog', { name: 'Goals and evaluations' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');

        await openPage(page, 'Exports');
        await page.getByText(/^Columns: \d+ chosen/).click();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: artifactPath(`screen-exports-columns-${theme}.png`), fullPage: true });

        // The first Tab lands on the skip link, visibly; Enter moves focus to the main content.
        await page.goto(harness.url);
        await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
        await page.keyboard.press('Tab');
        const skip = page.getByRole('link', { name: 'Skip to content' });
        expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
        const box = await skip.boundingBox();
        expect(box && box.y >= 0).toBe(true);
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      });
    });
  }

  it('the check itself catches a real violation (control)', async () => {
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'axe-probe';
      probe.innerHTML = '<button type="button"></button><p style="color:#bbb;background:#fff">faint text</p>';
      document.getElementById('main')!.appendChild(probe);
    });
    const ids = (await seriousViolations(page)).map((v) => v.id).sort();
    expect(ids).toEqual(['button-name', 'color-contrast']);
    await page.evaluate(() => document.getElementById('axe-probe')?.remove());
  });
});
