import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, launchChromium } from './browser';
import { loadDemo, openPage, patientPolling } from './helpers';

patientPolling();

describe('Settings in Chromium through the harness', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    await loadDemo(harness);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(harness.url);
    await openPage(page, 'Settings');
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const save = () => page.getByRole('button', { name: 'Save changes' }).click();
  /** Engine limits sit folded under "Advanced" after what a trader sets. */
  const openAdvanced = async () => {
    const advanced = page.locator('details.advanced-settings');
    if ((await advanced.getAttribute('open')) === null) await advanced.locator('summary').click();
  };

  it('shows the server’s message beside each bad field and saves nothing', async () => {
    await openAdvanced();
    await page.getByLabel('Locale for numbers and dates').fill('not-a-locale-at-all');
    await page.getByLabel('Exports running at once').fill('9');
    await save();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Nothing was saved' }).count()).toBe(1);
    const errors = await page.locator('.field-error').allInnerTexts();
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toContain('is not a locale this system knows');
    // zod's generic wording is rephrased for people.
    expect(errors.join('\n')).toContain('must be at most 4');
    expect(await page.getByLabel('Exports running at once').getAttribute('aria-invalid')).toBe('true');
    expect(harness.services.settings.get('exportConcurrency')).toBe(1);
    expect(harness.services.settings.get('locale')).toBe('');
    await page.screenshot({ path: artifactPath('settings-errors.png'), fullPage: true });
  });

  it('applies theme and locale at once and stores every changed field', async () => {
    await openAdvanced();
    await page.getByLabel('Locale for numbers and dates').fill('de-DE');
    await page.getByLabel('Exports running at once').fill('2');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByLabel('Always ask where to save').uncheck();
    await save();
    await expect.poll(() => harness.services.settings.get('exportConcurrency')).toBe(2);
    expect(harness.services.settings.get('locale')).toBe('de-DE');
    expect(harness.services.settings.get('theme')).toBe('dark');
    expect(harness.services.settings.get('alwaysAskWhereToSave')).toBe(false);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de-DE');
    expect(await page.locator('.field-error').count()).toBe(0);

    // German grouping in the sidebar count: 5.000 trades.
    const count = harness.services.lookups.counts().trades;
    await expect.poll(() => page.locator('.sidebar-foot').innerText()).toContain(`${count.toLocaleString('de-DE')} trades`);
    await openPage(page, 'Overview');
    const account = harness.services.lookups.accounts()[0]!;
    const summary = await harness.handlers['analytics:summary']({ filter: { accountIds: [account.id] } });
    if (!summary.ok) throw new Error(summary.error.message);
    const expected = new Intl.NumberFormat('de-DE', { style: 'currency', currency: account.currency, signDisplay: 'exceptZero' }).format(summary.data.netPnlCents / 100);
    await expect.poll(() => page.getByRole('definition').filter({ hasText: expected }).count()).toBeGreaterThan(0);
  });

  it('is used with the keyboard alone: tab to a field, change it, save with Enter', async () => {
    await openPage(page, 'Settings');
    await page.getByLabel('Backups to keep').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await expect.poll(() => harness.services.settings.get('backupKeep')).toBe(9);
    // Focus is visible: the focused control draws an outline.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });

  it('backs the journal up to the file the save dialog answers', async () => {
    const before = harness.desktop.saveRequests.length;
    await page.getByRole('button', { name: 'Back up now…' }).click();
    const status = page.getByRole('region', { name: 'Back up and restore' }).getByRole('status');
    await expect.poll(() => status.innerText()).toMatch(/^Backed up to /);
    expect(harness.desktop.saveRequests.length).toBe(before + 1);
    const path = (await status.innerText()).replace(/^Backed up to /, '').replace(/ \(.*$/, '');
    expect(existsSync(path)).toBe(true);
    const copy = new Database(path, { readonly: true });
    try {
      const trades = copy.prepare('SELECT COUNT(*) AS n FROM trades').get() as { n: number };
      expect(trades.n).toBe(harness.services.lookups.counts().trades);
    } finally {
      copy.close();
    }
  });

  it('chooses folders in main’s folder dialog: refuses a bad one plainly, shows and saves a good one', async () => {
    await openPage(page, 'Settings');
    const choose = page.getByRole('button', { name: 'Choose… Backup folder' });
    const shown = page.locator('.field-folder').filter({ hasText: 'Backup folder' }).locator('output');
    expect(await shown.innerText()).toBe('Next to the journal file (default)');
    const keep = harness.services.settings.get('backupKeep');

    harness.desktop.answerNextFolder('/proc/x');
    await choose.click();
    const alert = page.locator('.field-folder').filter({ hasText: 'Backup folder' }).getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('inside /proc, a system folder');
    const file = join(harness.workDir, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    harness.desktop.answerNextFolder(file);
    await choose.click();
    await expect.poll(() => alert.innerText()).toContain('is a file, not a folder');
    expect(harness.services.settings.get('backupFolder')).toBe('');
    await page.screenshot({ path: artifactPath('settings-folder-refused.png'), fullPage: false });

    const folder = join(harness.workDir, 'My Backups');
    mkdirSync(folder);
    harness.desktop.answerNextFolder(folder);
    await choose.click();
    await expect.poll(() => harness.services.settings.get('backupFolder')).toBe(realpathSync(folder));
    await expect.poll(() => shown.innerText()).toBe(realpathSync(folder));
    expect(harness.desktop.folderRequests.at(-1)).toMatchObject({ pick: 'folder', title: 'Choose the backup folder' });

    const exportsFolder = join(harness.workDir, 'Exports here');
    mkdirSync(exportsFolder);
    harness.desktop.answerNextFolder(exportsFolder);
    await page.getByRole('button', { name: 'Choose… Default export folder' }).click();
    await expect.poll(() => harness.services.settings.get('defaultExportFolder')).toBe(realpathSync(exportsFolder));
    await page.screenshot({ path: artifactPath('settings-folders.png'), fullPage: true });
    await page.locator('fieldset').filter({ hasText: 'Default export folder' }).screenshot({ path: artifactPath('settings-export-folder.png') });
    const backupsCard = page.getByRole('region', { name: 'Back up and restore' });
    await expect.poll(() => backupsCard.innerText()).toContain(`Automatic backups are kept in ${realpathSync(folder)}.`);

    // Saving another setting through the form leaves the folders (and everything else) as they are.
    await page.getByLabel('Theme').selectOption('light');
    await save();
    await expect.poll(() => harness.services.settings.get('theme')).toBe('light');
    expect(harness.services.settings.get('backupFolder')).toBe(realpathSync(folder));
    expect(harness.services.settings.get('backupKeep')).toBe(keep);

    await page.locator('.field-folder').filter({ hasText: 'Default export folder' }).getByRole('button', { name: 'Use the default' }).click();
    await expect.poll(() => harness.services.settings.get('defaultExportFolder')).toBe('');
  });

  it('restores a listed backup by its name', async () => {
    await harness.services.backup.runAutomatic('daily');
    // The list loads when the card mounts.
    await openPage(page, 'Overview');
    await openPage(page, 'Settings');
    const card = page.getByRole('region', { name: 'Back up and restore' });
    await card.getByRole('button', { name: /^Restore the backup of / }).first().click();
    await card.getByRole('button', { name: 'Replace my journal with this backup' }).click();
    await expect.poll(() => card.getByRole('status').innerText()).toMatch(/^Restored from .*-daily-.*\.db\. The journal as it was is kept in /);
  });

  it('adds and edits accounts with the server’s messages, and renames a tag', async () => {
    const card = page.getByRole('region', { name: 'Accounts' });
    const add = card.getByRole('form', { name: 'Add account' });
    await add.getByLabel('Name').fill('Swing IRA');
    await add.getByLabel('Currency').fill('dollars');
    await add.getByLabel('Time zone').fill('America/New_York');
    await add.getByLabel('Starting balance').fill('25000');
    await add.getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => add.locator('.field-error').innerText()).toContain('three-letter ISO currency code');
    expect(harness.services.lookups.accounts().some((a) => a.name === 'Swing IRA')).toBe(false);

    await add.getByLabel('Currency').fill('USD');
    await add.getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => harness.services.lookups.accounts().find((a) => a.name === 'Swing IRA')?.startingBalanceCents).toBe(2_500_000);
    await card.getByRole('button', { name: 'Edit account Swing IRA' }).click();
    const edit = card.getByRole('form', { name: 'Save Swing IRA' });
    await edit.getByLabel('Starting balance').fill('30000.50');
    await edit.getByRole('button', { name: 'Save Swing IRA' }).click();
    await expect.poll(() => harness.services.lookups.accounts().find((a) => a.name === 'Swing IRA')?.startingBalanceCents).toBe(3_000_050);

    const tags = page.getByRole('region', { name: 'Tags' });
    const tag = harness.services.lookups.tags()[0]!;
    await tags.getByRole('button', { name: tag.name, exact: true }).click();
    await tags.getByLabel(`Rename “${tag.name}” to`).fill(`${tag.name} (renamed)`);
    await tags.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect.poll(() => harness.services.lookups.tags().find((t) => t.id === tag.id)?.name).toBe(`${tag.name} (renamed)`);

    await tags.getByRole('button', { name: `${tag.name} (renamed)`, exact: true }).click();
    await tags.getByLabel(`Colour of “${tag.name} (renamed)”`).fill('#ff8800');
    await tags.getByRole('button', { name: 'Save colour' }).click();
    await expect.poll(() => harness.services.lookups.tags().find((t) => t.id === tag.id)?.color).toBe('#ff8800');
    await expect.poll(() => tags.getByRole('button', { name: `${tag.name} (renamed)`, exact: true }).locator('.tag-swatch').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 136, 0)');
    await page.screenshot({ path: artifactPath('settings-accounts-tags.png'), fullPage: true });
  });

  it('corrects an instrument multiplier (P&L of its closed trades recomputed) and adds one detected from its symbol', async () => {
    const sqlite = harness.services.db.sqlite;
    const target = sqlite
      .prepare(
        `SELECT i.id, i.symbol, i.multiplier, COUNT(*) AS closed, SUM(t.gross_pnl_cents) AS gross FROM instruments i
         JOIN trades t ON t.instrument_id = i.id AND t.status = 'closed' WHERE i.asset_class = 'future'
         GROUP BY i.id ORDER BY closed DESC LIMIT 1`,
      )
      .get() as { id: number; symbol: string; multiplier: number; closed: number; gross: number };
    const card = page.getByRole('region', { name: 'Instruments' });
    await card.getByRole('button', { name: `Edit instrument ${target.symbol}` }).click();
    const edit = card.getByRole('form', { name: `Edit instrument ${target.symbol}` });
    await edit.getByLabel('Multiplier').fill('two');
    await edit.getByRole('button', { name: `Save ${target.symbol}` }).click();
    await expect.poll(() => edit.locator('.field-error').innerText()).toMatch(/number/i);
    expect(harness.services.lookups.instruments().find((i) => i.id === target.id)?.multiplier).toBe(target.multiplier);

    await edit.getByLabel('Multiplier').fill(String(target.multiplier * 2));
    await expect.poll(() => edit.innerText()).toContain('Saving recomputes the P&L of its closed trades.');
    await edit.getByRole('button', { name: `Save ${target.symbol}` }).click();
    await expect.poll(() => card.getByRole('status').innerText()).toContain(`recomputed for ${target.closed.toLocaleString('en-US')} closed trades`);
    const after = sqlite.prepare(`SELECT SUM(gross_pnl_cents) AS gross FROM trades WHERE instrument_id = ? AND status = 'closed'`).get(target.id) as { gross: number };
    // Each trade's gross is rounded to the cent on its own, so the doubled total may differ by a cent a trade.
    expect(Math.abs(after.gross - 2 * target.gross)).toBeLessThanOrEqual(target.closed);
    expect((await harness.services.equity.validate({ accountId: null })).discrepancyCount).toBe(0);

    const add = card.getByRole('form', { name: 'Add instrument' });
    await add.getByLabel('Symbol').fill('ESH6');
    await add.getByRole('button', { name: 'Add instrument' }).click();
    await expect.poll(() => harness.services.lookups.instruments().find((i) => i.symbol === 'ESH6')).toMatchObject({ assetClass: 'future', multiplier: 50 });
    await expect.poll(() => card.getByRole('row', { name: /ESH6/ }).innerText()).toContain('Future');
    await add.getByLabel('Symbol').fill('ESH6');
    await add.getByRole('button', { name: 'Add instrument' }).click();
    await expect.poll(() => add.locator('.notice.crit').innerText()).toContain('already exists');
    await page.screenshot({ path: artifactPath('settings-instruments.png'), fullPage: true });
  });
});
