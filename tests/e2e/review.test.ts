import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { openPage, patientPolling } from './helpers';

patientPolling();

const at = (iso: string) => Date.parse(iso);
const unix = (iso: string) => at(iso) / 1000;

describe('Trade review in Chromium: R, navigation, screenshots, day notes, playbooks and price bars', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let accountId: number;
  let addedId: number;

  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC', locale: 'en-US' });
    const account = await harness.handlers['accounts:create']({ name: 'Main', currency: 'USD', timezone: 'UTC', startingBalanceCents: 1_000_000 });
    if (!account.ok) throw new Error(account.error.message);
    accountId = account.data.id;
    // Three earlier trades so there is somewhere to step to.
    for (const [i, exit] of [6002, 5998, 6006].entries()) {
      const made = await harness.handlers['trades:create']({
        accountId, symbol: 'ESZ5', direction: 'long', openedAt: at(`2025-10-14T1${4 + i}:00:00Z`), closedAt: at(`2025-10-14T1${4 + i}:20:00Z`),
        qty: 1, entryPrice: 6000, exitPrice: exit, stopPrice: 5996,
      });
      if (!made.ok) throw new Error(made.error.message);
    }
    await page.goto(harness.url);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const panel = () => page.getByRole('dialog').filter({ has: page.locator('#trade-detail-title') });
  const openTrade = async (id: number) => {
    await page.locator(`[role=row][data-trade-id="${id}"] button.open-trade`).click();
    await panel().getByRole('heading', { name: new RegExp(`#${id}$`) }).waitFor();
  };

  it('adds a trade with a stop and shows its R with the definition', async () => {
    await openPage(page, 'Trades');
    await page.getByRole('button', { name: 'Add trade…' }).click();
    const form = page.getByRole('form', { name: 'New trade' });
    await form.getByLabel('Symbol').fill('ESZ5');
    await form.getByLabel('Quantity').fill('2');
    await form.getByLabel('Opened').fill('2025-10-15T14:31');
    await form.getByLabel('Closed (empty while open)').fill('2025-10-15T14:34');
    await form.getByLabel('Entry price').fill('6000');
    await form.getByLabel('Exit price (empty while open)').fill('6004');
    await form.getByLabel('Fees').fill('0');
    await form.getByLabel('Stop price').fill('5995');
    await form.getByLabel('Setup').fill('ORB');
    await form.getByRole('button', { name: 'Add trade' }).click();
    // Net 400.00 over a risk of |6000 − 5995| × 2 × 50 = 500.00.
    await expect.poll(() => panel().getByTestId('trade-r').innerText()).toBe('+0.80 R');
    const row = (await harness.handlers['trades:list']({ sort: { key: 'id', dir: 'desc' }, limit: 1 }));
    if (!row.ok) throw new Error(row.error.message);
    addedId = row.data.rows[0]!.id;
    expect(row.data.rows[0]).toMatchObject({ stopPrice: 5995, setup: 'ORB', netPnlCents: 40_000, rMultiple: 0.8 });
    expect(await panel().getByText(/^R = net P&L \(after fees\) ÷ initial risk/).count()).toBe(1);
    expect(await panel().getByText('$500.00 (entry to stop)').isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('review-r.png') });
    await panel().getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('steps to the next and previous trade in the Trades order, by button and by key', async () => {
    const order = harness.services.trades.list({}, { key: 'closedAt', dir: 'desc' }, 0, 10).rows.map((r) => r.id);
    expect(order[0]).toBe(addedId);
    await openTrade(order[0]!);
    await expect.poll(() => panel().getByText('1 of 4').isVisible()).toBe(true);
    expect(await panel().getByRole('button', { name: '← Previous' }).isDisabled()).toBe(true);
    await panel().getByRole('button', { name: 'Next →' }).click();
    await panel().getByRole('heading', { name: new RegExp(`#${order[1]}$`) }).waitFor();
    await page.keyboard.press('ArrowDown');
    await panel().getByRole('heading', { name: new RegExp(`#${order[2]}$`) }).waitFor();
    await page.keyboard.press('k');
    await panel().getByRole('heading', { name: new RegExp(`#${order[1]}$`) }).waitFor();
    await expect.poll(() => panel().getByText('2 of 4').isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('review-next-previous.png') });
    await panel().getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('shows an open trade as unrealized, not as $0.00 and a red dash', async () => {
    const open = await harness.handlers['trades:create']({ accountId, symbol: 'ESZ5', direction: 'short', openedAt: at('2025-10-16T14:00:00Z'), qty: 1, entryPrice: 6010, stopPrice: 6020 });
    if (!open.ok) throw new Error(open.error.message);
    await page.reload();
    await openPage(page, 'Trades');
    await openTrade(open.data.id);
    const facts = panel().locator('dl.facts');
    await expect.poll(() => facts.innerText()).toMatch(/Gross P&L\s+Unrealized \(no exit price yet\)/);
    expect(await facts.innerText()).toMatch(/Net P&L\s+Unrealized: counted when the trade closes/);
    // Fees so far are a real $0.00; the P&L lines are not.
    expect(await facts.innerText()).not.toMatch(/P&L\s+\$0\.00/);
    expect(await panel().locator('dd.loss').count()).toBe(0);
    await page.screenshot({ path: artifactPath('review-open-trade.png') });
    await harness.handlers['trades:delete']({ ids: [open.data.id] });
    await panel().getByRole('button', { name: 'Close', exact: true }).click();
    await page.reload();
  });

  it('pastes a screenshot into the trade and shows it as a thumbnail and full size', async () => {
    await openPage(page, 'Trades');
    await openTrade(addedId);
    await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 180;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#1d5bc9';
      g.fillRect(0, 0, 320, 180);
      g.fillStyle = '#ffffff';
      g.font = '28px sans-serif';
      g.fillText('ESZ5 entry', 80, 100);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], 'clipboard.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => panel().getByRole('status').filter({ hasText: 'Attached 1 file.' }).isVisible()).toBe(true);
    const thumb = panel().getByRole('button', { name: 'Show clipboard.png full size' });
    await expect.poll(() => thumb.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    const stored = await harness.handlers['attachments:list']({ tradeId: addedId });
    expect(stored.ok && stored.data.map((a) => [a.name, a.mime])).toEqual([['clipboard.png', 'image/png']]);
    await thumb.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('review-screenshot-thumb.png') });
    await thumb.click();
    await page.getByRole('dialog', { name: 'clipboard.png' }).waitFor();
    await page.screenshot({ path: artifactPath('review-screenshot-full.png') });
    await page.getByRole('button', { name: 'Close image' }).click();
    await panel().getByRole('button', { name: 'Close', exact: true }).click();
  });

  it("writes the day's note from the calendar and finds it on the Journal page", async () => {
    await openPage(page, 'Overview');
    const cell = page.locator('td[data-day="2025-10-15"]');
    await cell.waitFor();
    await cell.getByRole('button', { name: /^Write the day note of/ }).click();
    const form = page.getByRole('form', { name: 'Day note' });
    await form.getByLabel('Plan (before the session)').fill('Only the opening range breakout; max 2 trades.');
    await form.getByLabel('Review (after the session)').fill('Took one ORB long, waited for the range. Good.');
    await form.getByLabel('Tags (comma separated)').fill('patient, FOMC week');
    await form.getByRole('button', { name: 'Save day note' }).click();
    await page.getByRole('status').filter({ hasText: 'Day note saved.' }).waitFor();
    await page.screenshot({ path: artifactPath('review-day-note.png') });
    const saved = await harness.handlers['notes:get']({ day: '2025-10-15' });
    expect(saved).toMatchObject({ ok: true, data: { plan: 'Only the opening range breakout; max 2 trades.', tags: ['patient', 'FOMC week'] } });
    await page.getByRole('dialog', { name: /^Day note/ }).getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect.poll(() => cell.getByRole('button', { name: /^Open the day note of/ }).isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('review-calendar-notes.png') });

    await openPage(page, 'Journal');
    await page.getByLabel('Search plans, reviews and tags').fill('fomc');
    await expect.poll(() => page.getByRole('list', { name: 'Day notes' }).innerText()).toContain('Oct 15, 2025 · Whole journal');
  });

  it("ticks a playbook's rules on a trade and the setup and rule statistics change", async () => {
    await openPage(page, 'Journal');
    await page.getByRole('button', { name: 'New playbook…' }).click();
    const form = page.getByRole('form', { name: 'Playbook' });
    await form.getByLabel('Name (the setup trades name)').fill('ORB');
    await form.getByLabel('Description').fill('Opening range breakout on ES');
    await form.getByLabel('Rules (one a line)').fill('Wait for the 5-minute range\nStop under the range');
    await form.getByRole('button', { name: 'Save playbook' }).click();
    const card = page.getByRole('article', { name: 'Playbook ORB' });
    await card.waitFor();
    // The added trade named ORB as its setup: +400.00, +0.80 R.
    await expect.poll(() => card.getByTestId(/^setup-stats-/).innerText()).toBe('1 closed trade · win rate 100% · net +$400.00 · expectancy +0.80 R');
    const rules = card.getByRole('region', { name: 'Rules of ORB' });
    expect(await rules.getByRole('row', { name: /Wait for the 5-minute range/ }).innerText()).toMatch(/—\s+—/);
    await page.screenshot({ path: artifactPath('review-playbook-before.png') });

    await openPage(page, 'Trades');
    await openTrade(addedId);
    const checklist = panel().getByRole('list', { name: 'Rules of ORB' });
    await checklist.getByLabel('Wait for the 5-minute range').check();
    await expect.poll(() => panel().getByText('1 of 2 rules followed; an unticked rule counts as broken.').isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('review-playbook-ticked.png') });
    await panel().getByRole('button', { name: 'Close', exact: true }).click();

    await openPage(page, 'Journal');
    const row = (text: string) => page.getByRole('article', { name: 'Playbook ORB' }).getByRole('row', { name: new RegExp(text) });
    await expect.poll(() => row('Wait for the 5-minute range').innerText()).toMatch(/1 · 100% · \+\$400\.00 · \+0\.80 R\s+—/);
    expect(await row('Stop under the range').innerText()).toMatch(/—\s+1 · 100% · \+\$400\.00 · \+0\.80 R/);
    await page.screenshot({ path: artifactPath('review-playbook-after.png') });
  });

  it('imports bars and draws candles with the entry and exit marked, with MAE and MFE', async () => {
    const bars = ['time,open,high,low,close,Volume'];
    // One-minute bars 14:20-14:45 around the trade (14:31-14:34); the bars it spans reach 5997.50 and 6007.25.
    for (let m = 20; m <= 45; m++) {
      const t = unix(`2025-10-15T14:${String(m).padStart(2, '0')}:00Z`);
      // Other bars stay between 6000.2 and 6003.8, inside the two extremes.
      const base = Math.round((6002 + Math.sin(m / 3) * 0.8) * 4) / 4;
      const special = m === 31 ? [6001, 6003, 5997.5, 6002] : m === 33 ? [6005, 6007.25, 6003, 6004] : [base, base + 1, base - 1, base + 0.5];
      bars.push(`${t},${special.join(',')},100`);
    }
    await openPage(page, 'Journal');
    const form = page.getByRole('form', { name: 'Import price bars' });
    await form.getByLabel('Symbol').fill('ESZ5');
    await form.getByLabel('Bar size').selectOption('60');
    await form.getByLabel("Time zone of the file's times").fill('UTC');
    await form.getByLabel('Bar file (CSV or TXT)').setInputFiles({ name: 'ESZ5_1.csv', mimeType: 'text/csv', buffer: Buffer.from(bars.join('\n')) });
    await form.getByRole('button', { name: 'Import bars' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Imported 26 1 minute bars of ESZ5/ }).isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('review-bars-imported.png') });

    await openPage(page, 'Trades');
    await openTrade(addedId);
    const chart = panel().getByRole('img', { name: '1-minute candles with 2 fills marked' });
    await chart.waitFor();
    await expect.poll(() => chart.locator('canvas').count()).toBeGreaterThan(0);
    const excursions = panel().getByRole('definition').filter({ hasText: /R · at/ });
    // Long 2 ES from 6000 with a 500.00 risk: MAE (5997.50) −250.00 = −0.50 R; MFE (6007.25) +725.00 = +1.45 R.
    expect(await excursions.allInnerTexts()).toEqual(['-$250.00 · -0.50 R · at 5,997.5', '+$725.00 · +1.45 R · at 6,007.25']);
    expect(await panel().getByText(/arrows mark a buy at 6,000 and a sell at 6,004/).isVisible()).toBe(true);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('review-chart.png') });
  });
});
