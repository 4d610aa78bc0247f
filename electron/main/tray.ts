import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import type { Logger } from './services/logging';
import { buildTrayMenu, trayIconFile, trayTooltip, type TrayActions, type TrayExport, type TrayIconFiles } from './tray-menu';

export interface AppTray {
  /** Re-renders tooltip and menu from the current queue (queued + running jobs). */
  update(jobs: TrayExport[]): void;
  destroy(): void;
}

export interface AppTrayConfig {
  icons: TrayIconFiles;
  actions: TrayActions;
  platform: NodeJS.Platform;
  logger: Logger;
}

function darkTaskbar(platform: NodeJS.Platform): boolean {
  // Windows can pair a light app theme with a dark taskbar; this flag reads the taskbar.
  return platform === 'win32'
    ? nativeTheme.shouldUseDarkColorsForSystemIntegratedUI
    : nativeTheme.shouldUseDarkColors;
}

export function createAppTray(config: AppTrayConfig): AppTray {
  const iconFor = () => {
    const file = trayIconFile(config.icons, config.platform, darkTaskbar(config.platform));
    const image = nativeImage.createFromPath(file);
    if (image.isEmpty()) config.logger.warn('tray.icon.missing', { file });
    if (config.platform === 'darwin') image.setTemplateImage(true);
    return image;
  };

  const tray = new Tray(iconFor());
  let jobs: TrayExport[] = [];
  const render = () => {
    tray.setToolTip(trayTooltip(jobs));
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(jobs, config.actions)));
  };
  render();

  const onTheme = () => tray.setImage(iconFor());
  nativeTheme.on('updated', onTheme);
  // Linux and Windows: a left click opens the app, the menu stays on right click.
  if (config.platform !== 'darwin') tray.on('click', () => config.actions.openApp());

  return {
    update(next) {
      jobs = next;
      render();
    },
    destroy() {
      nativeTheme.removeListener('updated', onTheme);
      tray.destroy();
    },
  };
}
