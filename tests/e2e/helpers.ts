import { vi } from 'vitest';
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

/**
 * expect.poll waits 1 s by default; on a loaded two-core machine a real export, import or
 * validation round trip can take longer, so the browser tests wait up to 15 s.
 */
export function patientPolling(): void {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 50 } } });
}
