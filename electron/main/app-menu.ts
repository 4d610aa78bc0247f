/**
 * The application menu as plain data (a structural subset of Electron's
 * MenuItemConstructorOptions). Roles give every platform its native items and
 * shortcuts: copy/paste in inputs, zoom, full screen, window management.
 */
export type MenuRole =
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'windowMenu'
  | 'quit'
  | 'close'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'about';

export interface AppMenuItem {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  click?: () => void;
  submenu?: AppMenuItem[];
}

export interface AppMenuActions {
  showExportsFolder(): void;
  showLogsFolder(): void;
  showDataFolder(): void;
}

export function buildAppMenu(options: { isMac: boolean; isDev: boolean; actions: AppMenuActions }): AppMenuItem[] {
  const { isMac, isDev, actions } = options;
  const file: AppMenuItem = {
    label: 'File',
    submenu: [
      { id: 'show-exports-folder', label: 'Show Exports Folder', accelerator: 'CmdOrCtrl+Shift+E', click: actions.showExportsFolder },
      { id: 'show-data-folder', label: 'Show Data Folder', click: actions.showDataFolder },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
    ],
  };
  const view: AppMenuItem = {
    label: 'View',
    submenu: [
      // Reloading the renderer is harmless (state lives in main); DevTools only in development.
      { role: 'reload' },
      ...(isDev ? [{ role: 'forceReload' } as const, { role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: AppMenuItem = {
    label: 'Help',
    submenu: [
      { id: 'show-logs-folder', label: 'Show Log Files', click: actions.showLogsFolder },
      ...(isMac ? [] : [{ role: 'about' } as const]),
    ],
  };
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}
