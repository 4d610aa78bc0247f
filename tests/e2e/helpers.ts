import type { Page } from 'playwright-core';
import type { Harness } from '../harness/server';

/** Loads the demo journal through the real IPC handler (the first-run button is covered in trades.test.ts). */
export async function loadDemo(harness: Harness, trades?: number): Promise<void> {
  const result = await harness.handlers['app:loadDemo'](trades ? { trades } : {});
  if (!result.ok) throw new Error(`demo load failed: ${result.error.message}`);
}

export async function openPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
