import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronDesktop } from '../../../electron/main/desktop';
import { AppError } from '../../../electron/main/services/errors';
import { createMemoryLogger } from '../../../electron/main/services/logging';
import { withExtension } from '../../../electron/main/save-path';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const CSV = [{ name: 'CSV (comma-separated)', extensions: ['csv'] }];

function setup(options: { folder?: string; window?: object | null } = {}) {
  const screens: string[] = [];
  const logger = createMemoryLogger();
  const desktop = createElectronDesktop({
    getWindow: () => (options.window ?? null) as never,
    configuredExportFolder: () => options.folder ?? '',
    openScreen: (screen) => screens.push(screen),
    logger,
  });
  return { desktop, screens, logger };
}

beforeEach(() => fake.resetFakes());

describe('notify', () => {
  it('a finished export shows exactly one notification whose click reveals the file', () => {
    const { desktop } = setup();
    const file = '/home/trader/Documents/Spark Journal/trades-2025-01-31.csv';
    desktop.notify({ title: 'Export finished', body: 'trades-2025-01-31.csv: 1,000,000 rows', action: { kind: 'reveal', path: file } });

    expect(fake.Notification.instances).toHaveLength(1);
    const shown = fake.Notification.instances[0] as fake.Notification;
    expect(shown.options).toEqual({ title: 'Export finished', body: 'trades-2025-01-31.csv: 1,000,000 rows' });
    expect(shown.shown).toBe(1);
    expect(fake.callsTo('shell.showItemInFolder')).toEqual([]);

    shown.emit('click', {});
    expect(fake.callsTo('shell.showItemInFolder')).toEqual([[file]]);
    expect(fake.callsTo('shell.openPath')).toEqual([]);
  });

  it('a click on a screen notification brings that screen up', () => {
    const { desktop, screens } = setup();
    desktop.notify({ title: 'Equity check found 3 discrepancies', body: 'Open Equity to review them.', action: { kind: 'open-screen', screen: 'equity' } });
    (fake.Notification.instances[0] as fake.Notification).emit('click', {});
    expect(screens).toEqual(['equity']);
    expect(fake.callsTo('shell.showItemInFolder')).toEqual([]);
  });

  it('a notification without an action does nothing on click; a failed one is logged', () => {
    const { desktop, screens, logger } = setup();
    desktop.notify({ title: 'Export failed', body: 'The disk is full.' });
    const shown = fake.Notification.instances[0] as fake.Notification;
    shown.emit('click', {});
    shown.emit('failed', {}, 'DBus unavailable');
    expect(screens).toEqual([]);
    expect(fake.callsTo('shell.showItemInFolder')).toEqual([]);
    expect(logger.lines).toEqual([expect.objectContaining({ event: 'desktop.notify.failed', error: 'DBus unavailable' })]);
  });

  it('logs instead of throwing where the system has no notifications', () => {
    fake.Notification.supported = false;
    const { desktop, logger } = setup();
    desktop.notify({ title: 'Export finished', body: 'x' });
    expect(fake.Notification.instances).toHaveLength(0);
    expect(logger.lines[0]?.event).toBe('desktop.notify.unsupported');
  });
});

describe('save and open dialogs', () => {
  it('suggests the file name in the export folder with the format filter, modal to the window', async () => {
    const window = { id: 1 };
    const { desktop } = setup({ window });
    fake.dialogAnswers.save = { canceled: false, filePath: '/home/trader/Documents/Spark Journal/my-trades.csv' };
    const path = await desktop.chooseSavePath({ title: 'Export trades', suggestedName: 'trades-2025-01-31.csv', filters: CSV });
    expect(path).toBe('/home/trader/Documents/Spark Journal/my-trades.csv');
    expect(fake.callsTo('dialog.showSaveDialog')).toEqual([
      [
        window,
        {
          title: 'Export trades',
          defaultPath: join('/home/trader/Documents', 'Spark Journal', 'trades-2025-01-31.csv'),
          filters: CSV,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      ],
    ]);
  });

  it('answers null when the user cancels', async () => {
    const { desktop } = setup();
    expect(await desktop.chooseSavePath({ title: 't', suggestedName: 'a.csv', filters: CSV })).toBeNull();
    expect(await desktop.chooseOpenPath({ title: 'Import trades', filters: CSV })).toBeNull();
  });

  it('adds the extension to a bare name typed into the dialog', async () => {
    const { desktop } = setup({ folder: '/data/exports' });
    fake.dialogAnswers.save = { canceled: false, filePath: '/data/exports/january' };
    expect(await desktop.chooseSavePath({ title: 't', suggestedName: 'a.csv', filters: CSV })).toBe('/data/exports/january.csv');
    expect((fake.callsTo('dialog.showSaveDialog')[0]?.[0] as { defaultPath: string }).defaultPath).toBe(join('/data/exports', 'a.csv'));
  });

  it('returns the one file picked in the open dialog', async () => {
    const { desktop } = setup();
    fake.dialogAnswers.open = { canceled: false, filePaths: ['/home/trader/broker.csv'] };
    expect(await desktop.chooseOpenPath({ title: 'Import trades', filters: CSV })).toBe('/home/trader/broker.csv');
    expect(fake.callsTo('dialog.showOpenDialog')).toEqual([[{ title: 'Import trades', filters: CSV, properties: ['openFile'] }]]);
  });

  it('opens a folder dialog (no file filters) when asked for a folder', async () => {
    const { desktop } = setup();
    fake.dialogAnswers.open = { canceled: false, filePaths: ['/home/trader/Exports'] };
    expect(await desktop.chooseOpenPath({ title: 'Choose the backup folder', filters: [], pick: 'folder' })).toBe('/home/trader/Exports');
    expect(fake.callsTo('dialog.showOpenDialog')).toEqual([[{ title: 'Choose the backup folder', properties: ['openDirectory', 'createDirectory'] }]]);
  });
});

describe('files and folders', () => {
  it('defaults exports to Documents/Spark Journal unless the setting names a folder', () => {
    expect(setup().desktop.defaultExportFolder()).toBe(join('/home/trader/Documents', 'Spark Journal'));
    expect(setup({ folder: '  /mnt/nas/trading  ' }).desktop.defaultExportFolder()).toBe('/mnt/nas/trading');
  });

  it('falls back to the home folder when the system has no Documents folder', () => {
    const documents = fake.appPaths['documents'];
    delete fake.appPaths['documents'];
    try {
      const { desktop, logger } = setup();
      expect(desktop.defaultExportFolder()).toMatch(/Spark Journal$/);
      expect(logger.lines[0]?.event).toBe('desktop.documents.unavailable');
    } finally {
      fake.appPaths['documents'] = documents as string;
    }
  });

  it('reveals a file in the file manager', () => {
    setup().desktop.revealInFolder('/x/y.csv');
    expect(fake.callsTo('shell.showItemInFolder')).toEqual([['/x/y.csv']]);
  });

  it("surfaces shell.openPath's error string as an io error", async () => {
    const { desktop } = setup();
    await expect(desktop.openPath('/x/y.pdf')).resolves.toBeUndefined();
    fake.shellAnswers.openPath = 'Failed to open path';
    const error = await desktop.openPath('/x/gone.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'io' });
    expect((error as Error).message).toContain('/x/gone.pdf');
    expect((error as Error).message).toContain('Failed to open path');
  });
});

describe('withExtension', () => {
  it('keeps an extension the user typed, and ignores catch-all filters', () => {
    expect(withExtension('/a/b.txt', CSV)).toBe('/a/b.txt');
    expect(withExtension('/a/b', [{ name: 'All files', extensions: ['*'] }])).toBe('/a/b');
    expect(withExtension('/a/b', [])).toBe('/a/b');
  });
});
