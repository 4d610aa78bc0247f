import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain } from 'electron';
import { createElectronDesktop } from '../../../electron/main/desktop';
import { activeExports, followExportsInTray, waitUntilNoExports } from '../../../electron/main/exports-bridge';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/app-origin';
import { registerIpc } from '../../../electron/main/ipc';
import { createTrayQueue } from '../../../electron/main/tray-queue';
import type { TrayExport } from '../../../electron/main/tray-menu';
import { createServices, type Services } from '../../../electron/main/services/app';
import { systemClock } from '../../../electron/main/services/clock';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../electron/main/services/db/migrations-folder';
import { createHandlers } from '../../../electron/main/services/handlers';
import { createMemoryLogger } from '../../../electron/main/services/logging';
import type { ExportJob } from '../../../shared/domain/export-job';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/**
 * The real services (database, export queue, worker thread) with the Electron Desktop on
 * recording fakes: what a user sees when an export started from the window finishes.
 */
const RENDERER = APP_ENTRY_URL;

let dir: string;
let services: Services | null = null;
const live = (): Services => {
  if (!services) throw new Error('services did not start');
  return services;
};
let screens: string[];

beforeEach(() => {
  fake.resetFakes();
  dir = mkdtempSync(join(tmpdir(), 'spark-export-notify-'));
  screens = [];
  const logger = createMemoryLogger();
  services = createServices({
    dbPath: join(dir, 'journal.db'),
    migrationsFolder: SOURCE_MIGRATIONS_FOLDER,
    desktop: createElectronDesktop({ getWindow: () => null, configuredExportFolder: () => dir, openScreen: (s) => screens.push(s), logger }),
    clock: systemClock,
    logger,
  });
  services.demo.load({ trades: 300, seed: 7 });
  registerIpc({ ipcMain, handlers: createHandlers(services), isAppUrl: (url) => isAppUrl(url, undefined), logger });
});

afterEach(async () => {
  await services?.close();
  services = null;
  rmSync(dir, { recursive: true, force: true });
});

async function exportFromWindow(target: string): Promise<ExportJob> {
  fake.dialogAnswers.save = { canceled: false, filePath: target };
  const created = (await fake.ipcMain.invokeFrom(RENDERER, 'exports:create', { type: 'trades', format: 'csv', params: {} })) as { ok: boolean; data: ExportJob | null; error?: unknown };
  expect(created.error).toBeUndefined();
  if (!created.data) throw new Error('no job was created');
  return created.data;
}

describe('a finished export', () => {
  it('produces exactly one notification, and clicking it reveals the exported file', async () => {
    const target = join(dir, 'january-trades.csv');
    const job = await exportFromWindow(target);
    const done = await live().exports.waitFor(job.id);

    expect(done.status).toBe('completed');
    expect(existsSync(target)).toBe(true);
    expect(done.rowsWritten).toBeGreaterThan(0);
    expect(statSync(target).size).toBe(done.bytesWritten);

    expect(fake.Notification.instances).toHaveLength(1);
    const notification = fake.Notification.instances[0] as fake.Notification;
    expect(notification.shown).toBe(1);
    expect(notification.options.title).toMatch(/export finished/i);
    expect(notification.options.body).toContain(done.rowsWritten.toLocaleString('en-US'));

    notification.emit('click', {});
    expect(fake.callsTo('shell.showItemInFolder')).toEqual([[target]]);
    expect(screens).toEqual([]);
    // The save dialog offered the export folder and a CSV filter.
    const [options] = fake.callsTo('dialog.showSaveDialog')[0] as [{ defaultPath: string; filters: { extensions: string[] }[] }];
    expect(options.defaultPath.startsWith(dir)).toBe(true);
    expect(options.filters.flatMap((f) => f.extensions)).toContain('csv');
  });

  it('a cancelled save dialog creates no job and shows nothing', async () => {
    fake.dialogAnswers.save = { canceled: true };
    const created = (await fake.ipcMain.invokeFrom(RENDERER, 'exports:create', { type: 'trades', format: 'csv', params: {} })) as { ok: boolean; data: unknown };
    expect(created).toEqual({ ok: true, data: null });
    expect(activeExports(live().exports)).toEqual([]);
    expect(fake.Notification.instances).toHaveLength(0);
  });

  it('shows in the tray while it runs and leaves the tray when done; quitting can wait for it', async () => {
    const views: TrayExport[][] = [];
    const queue = createTrayQueue((jobs) => views.push(jobs), { now: () => systemClock.now(), minIntervalMs: 0 });
    const stop = followExportsInTray(live().events, live().exports, queue);
    const job = await exportFromWindow(join(dir, 'tray.csv'));
    expect(activeExports(live().exports).map((j) => j.id)).toEqual([job.id]);
    await waitUntilNoExports(live().exports);
    stop();
    expect(activeExports(live().exports)).toEqual([]);
    expect(views[0]).toEqual([]);
    expect(views.some((jobs) => jobs.some((j) => j.id === job.id && (j.status === 'queued' || j.status === 'running')))).toBe(true);
    expect(views.at(-1)).toEqual([]);
    expect(fake.Notification.instances).toHaveLength(1);
  });
});
