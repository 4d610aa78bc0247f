import { describe, expect, it } from 'vitest';
import { buildAppMenu, type AppMenuItem } from '../../../electron/main/app-menu';

const actions = { showExportsFolder() {}, showLogsFolder() {}, showDataFolder() {} };

function roles(items: AppMenuItem[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);
}

describe('buildAppMenu', () => {
  it('gives Windows and Linux File, Edit, View, Window and Help with the standard roles', () => {
    const menu = buildAppMenu({ isMac: false, isDev: false, actions });
    expect(menu.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'Help']);
    expect(roles(menu)).toEqual(['quit', 'editMenu', 'reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'about']);
    expect(menu[0]?.submenu?.find((item) => item.role === 'quit')?.accelerator).toBe('Ctrl+Q');
  });

  it('gives macOS its app menu and Close in File', () => {
    const menu = buildAppMenu({ isMac: true, isDev: false, actions });
    expect(menu[0]?.role).toBe('appMenu');
    expect(roles(menu)).toContain('close');
    expect(roles(menu)).not.toContain('quit');
  });

  it('offers DevTools in development only', () => {
    expect(roles(buildAppMenu({ isMac: false, isDev: false, actions }))).not.toContain('toggleDevTools');
    expect(roles(buildAppMenu({ isMac: false, isDev: true, actions }))).toContain('toggleDevTools');
  });

  it('wires the folder items to their actions', () => {
    const clicked: string[] = [];
    const menu = buildAppMenu({
      isMac: false,
      isDev: false,
      actions: { showExportsFolder: () => clicked.push('exports'), showLogsFolder: () => clicked.push('logs'), showDataFolder: () => clicked.push('data') },
    });
    const all = (items: AppMenuItem[]): AppMenuItem[] => items.flatMap((item) => [item, ...all(item.submenu ?? [])]);
    for (const id of ['show-exports-folder', 'show-data-folder', 'show-logs-folder']) all(menu).find((item) => item.id === id)?.click?.();
    expect(clicked).toEqual(['exports', 'data', 'logs']);
  });
});
