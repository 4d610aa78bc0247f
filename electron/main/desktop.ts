import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, dialog, Notification, shell, type BrowserWindow } from 'electron';
import { AppError } from './services/errors';
import type { Desktop, DesktopNotification } from './services/desktop-port';
import type { Logger } from './services/logging';
import { withExtension } from './save-path';

export interface ElectronDesktopConfig {
  /** Dialogs are modal to the main window when it exists. */
  getWindow(): BrowserWindow | null;
  /** The "default export folder" setting; '' means Documents/Spark Journal. */
  configuredExportFolder(): string;
  /** Brings the window forward and shows a screen (a notification was clicked). */
  openScreen(screen: string): void;
  logger: Logger;
}

function documentsFolder(logger: Logger): string {
  try {
    return app.getPath('documents');
  } catch (error) {
    // Some Linux desktops have no XDG documents folder.
    logger.warn('desktop.documents.unavailable', { error });
    return homedir();
  }
}

/** The Desktop port on Electron: native dialogs, notifications and the file manager. */
export function createElectronDesktop(config: ElectronDesktopConfig): Desktop {
  const { logger } = config;
  // Electron drops a notification's click handler once the object is garbage-collected,
  // so every shown notification is held until it is clicked, closed or failed.
  const live = new Set<Notification>();

  const defaultExportFolder = () => {
    const configured = config.configuredExportFolder().trim();
    return configured !== '' ? configured : join(documentsFolder(logger), 'Spark Journal');
  };

  const revealInFolder = (path: string) => {
    shell.showItemInFolder(path);
  };

  const runAction = (notification: DesktopNotification) => {
    const action = notification.action;
    if (!action) return;
    if (action.kind === 'reveal') revealInFolder(action.path);
    else config.openScreen(action.screen);
  };

  return {
    async chooseSavePath(request) {
      const folder = defaultExportFolder();
      const options = {
        title: request.title,
        defaultPath: join(folder, request.suggestedName),
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
      };
      const window = config.getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return withExtension(result.filePath, request.filters);
    },

    async chooseOpenPath(request) {
      type OpenProperty = 'openFile' | 'openDirectory' | 'createDirectory';
      const folder = request.pick === 'folder';
      const options = {
        title: request.title,
        ...(folder ? {} : { filters: request.filters }),
        properties: (folder ? ['openDirectory', 'createDirectory'] : ['openFile']) as OpenProperty[],
      };
      const window = config.getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      if (result.canceled) return null;
      return result.filePaths[0] ?? null;
    },

    defaultExportFolder,

    notify(notification) {
      if (!Notification.isSupported()) {
        logger.warn('desktop.notify.unsupported', { title: notification.title });
        return;
      }
      const shown = new Notification({ title: notification.title, body: notification.body });
      const release = () => live.delete(shown);
      shown.on('click', () => {
        release();
        runAction(notification);
      });
      shown.on('close', release);
      shown.on('failed', (_event, error) => {
        release();
        logger.warn('desktop.notify.failed', { title: notification.title, error });
      });
      live.add(shown);
      shown.show();
    },

    revealInFolder,

    async openPath(path) {
      // shell.openPath resolves with an error message instead of rejecting.
      const error = await shell.openPath(path);
      if (error) throw new AppError('io', `Could not open ${path}: ${error}. Check that the file still exists and that an app is set to open this kind of file.`);
    },
  };
}

