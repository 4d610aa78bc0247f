import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppTray } from '../../../electron/main/tray';
import { buildTrayMenu, exportPercent, trayTooltip, type TrayExport, type TrayMenuItem } from '../../../electron/main/tray-menu';
import { createMemoryLogger } from '../../../electron/main/services/logging';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const ICONS = { template: '/res/tray/trayTemplate.png', light: '/res/tray/tray-light.png', dark: '/res/tray/tray-dark.png' };

function setup(platform: NodeJS.Platform = 'linux') {
  const clicked: string[] = [];
  const actions = {
    openApp: () => clicked.push('open'),
    showExportsFolder: () => clicked.push('folder'),
    quit: () => clicked.push('quit'),
  };
  const logger = createMemoryLogger();
  const appTray = createAppTray({ icons: ICONS, actions, platform, logger });
  const tray = fake.Tray.instances[0];
  if (!tray) throw new Error('no Tray was created');
  const menu = () => (tray.menu?.template ?? []) as TrayMenuItem[];
  const labels = () => menu().map((item) => (item.type === 'separator' ? '---' : item.label));
  return { appTray, tray, menu, labels, clicked, logger };
}

const running = (over: Partial<TrayExport> = {}): TrayExport => ({ id: 7, type: 'trades', format: 'csv', status: 'running', rowsWritten: 250_000, rowsTotal: 1_000_000, ...over });

beforeEach(() => fake.resetFakes());

describe('createAppTray', () => {
  it('starts idle: the menu says no exports run and offers open, exports folder and quit', () => {
    const { tray, labels } = setup();
    expect(fake.Tray.instances).toHaveLength(1);
    expect(tray.tooltip).toBe('Spark Journal');
    expect(labels()).toEqual(['No exports running', '---', 'Open Spark Journal', 'Show exports folder', '---', 'Quit']);
  });

  it('reflects the queue: each running export with its progress, then how many wait', () => {
    const { appTray, tray, labels, menu } = setup();
    appTray.update([
      running(),
      running({ id: 8, type: 'dailyPnl', format: 'xlsx', rowsWritten: 1200, rowsTotal: null }),
      { id: 9, type: 'goals', format: 'pdf', status: 'queued', rowsWritten: 0, rowsTotal: null },
      { id: 10, type: 'trades', format: 'json', status: 'queued', rowsWritten: 0, rowsTotal: null },
    ]);
    expect(labels()).toEqual([
      'Trades (CSV): 25% (250,000 rows)',
      'Daily P/L (XLSX): 1,200 rows',
      '2 exports waiting',
      '---',
      'Open Spark Journal',
      'Show exports folder',
      '---',
      'Quit',
    ]);
    // Status lines are information, not buttons.
    expect(menu().slice(0, 3).every((item) => item.enabled === false)).toBe(true);
    expect(tray.tooltip).toBe('Spark Journal: 2 exports running, 2 queued');

    appTray.update([running({ rowsWritten: 999_999 })]);
    expect(labels()[0]).toBe('Trades (CSV): 99% (999,999 rows)');
    expect(tray.tooltip).toBe('Spark Journal: exporting Trades (CSV): 99% (999,999 rows)');

    appTray.update([]);
    expect(labels()[0]).toBe('No exports running');
    expect(tray.tooltip).toBe('Spark Journal');
  });

  it('runs the right action for each menu item and opens the app on a left click', () => {
    const { menu, tray, clicked } = setup();
    for (const id of ['open', 'exports-folder', 'quit']) menu().find((item) => item.id === id)?.click?.();
    tray.emit('click');
    expect(clicked).toEqual(['open', 'folder', 'quit', 'open']);
  });

  it('picks the light or dark icon from the theme and swaps it when the theme changes', () => {
    fake.nativeTheme.shouldUseDarkColors = true;
    const { tray } = setup('linux');
    expect(tray.image.path).toBe(ICONS.dark);
    fake.nativeTheme.shouldUseDarkColors = false;
    fake.nativeTheme.emit('updated');
    expect(tray.image.path).toBe(ICONS.light);
  });

  it('on Windows follows the taskbar colour, which can differ from the app theme', () => {
    fake.nativeTheme.shouldUseDarkColors = false;
    fake.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = true;
    const { tray } = setup('win32');
    expect(tray.image.path).toBe(ICONS.dark);
  });

  it('uses a template image on macOS, which the system recolours', () => {
    const { tray } = setup('darwin');
    expect(tray.image.path).toBe(ICONS.template);
    expect(tray.image.template).toBe(true);
  });

  it('destroys the tray and stops following the theme', () => {
    const { appTray, tray } = setup();
    appTray.destroy();
    expect(tray.destroyed).toBe(true);
    expect(fake.nativeTheme.listenerCount('updated')).toBe(0);
  });

  it('logs an icon file that is not an image', () => {
    fake.resetFakes();
    const logger = createMemoryLogger();
    createAppTray({ icons: { ...ICONS, light: '/res/missing' }, actions: { openApp() {}, showExportsFolder() {}, quit() {} }, platform: 'linux', logger });
    expect(logger.lines).toEqual([expect.objectContaining({ event: 'tray.icon.missing', file: '/res/missing' })]);
  });
});

describe('tray menu helpers', () => {
  it('never reports more than 100% and has no percent without a total', () => {
    expect(exportPercent({ rowsWritten: 10, rowsTotal: 5 })).toBe(100);
    expect(exportPercent({ rowsWritten: 10, rowsTotal: 0 })).toBeNull();
    expect(exportPercent({ rowsWritten: 0, rowsTotal: null })).toBeNull();
  });

  it('says "1 export waiting" in the singular and only queued jobs wait', () => {
    const menu = buildTrayMenu([{ id: 1, type: 'propEvaluation', format: 'pdf', status: 'queued', rowsWritten: 0, rowsTotal: null }], { openApp() {}, showExportsFolder() {}, quit() {} });
    expect(menu[0]?.label).toBe('1 export waiting');
    expect(trayTooltip([{ id: 1, type: 'propEvaluation', format: 'pdf', status: 'queued', rowsWritten: 0, rowsTotal: null }])).toBe('Spark Journal: 1 queued');
  });
});
