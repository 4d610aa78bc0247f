import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, ipcMain, Menu, protocol, session, shell, type BrowserWindow } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl } from './app-origin';
import { createAppRequestHandler } from './app-protocol';
import { unpackedPath } from './packaged-paths';
import { buildAppMenu } from './app-menu';
import { createElectronDesktop } from './desktop';
import { activeExports, followExportsInTray, waitUntilNoExports } from './exports-bridge';
import { openFileLog } from './file-log';
import { forwardEvents, registerIpc } from './ipc';
import { createQuitGuard, type QuitChoice } from './quit-guard';
import { createServices, type Services } from './services/app';
import {
  bindingPath, bindingProblemFromError, checkSqliteBinding, chooseSqliteBinding, SQLITE_BINDING_ENV, type BindingProblem,
} from './services/db/sqlite-binding';
import { systemClock } from './services/clock';
import { createHandlers } from './services/handlers';
import { createLogger, type Logger } from './services/logging';
import { createAppTray, type AppTray } from './tray';
import { createTrayQueue } from './tray-queue';
import { applySessionPolicy, createMainWindow } from './window';

// This file is the bundle entry (out/main/index.js): the preload, the renderer and the
// migrations copied by the build all sit at fixed places relative to it.
const here = import.meta.dirname;
const PRELOAD = join(here, '../preload/index.cjs');
const RENDERER_FOLDER = join(here, '../renderer');
const MIGRATIONS = join(here, 'migrations');
// Workers start from outside the asar in a packaged app (see packaged-paths.ts); in
// development the path has no app.asar in it and stays as it is.
const EXPORT_WORKER = unpackedPath(join(here, 'export-worker.js'));
const ANALYTICS_WORKER = unpackedPath(join(here, 'analytics-worker.js'));
const EQUITY_VALIDATION_WORKER = unpackedPath(join(here, 'equity-validation-worker.js'));
// app.getAppPath() is the project folder in development and app.asar when packaged;
// electron-builder.yml ships resources/ inside the asar.
const resource = (...parts: string[]) => join(app.getAppPath(), 'resources', ...parts);

async function openFolder(folder: string, logger: Logger): Promise<void> {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    logger.warn('app.folder.create_failed', { folder, error });
  }
  // shell.openPath resolves with an error message rather than rejecting.
  const error = await shell.openPath(folder);
  if (error) logger.warn('app.folder.open_failed', { folder, error });
}

async function askAboutExports(window: BrowserWindow | null, active: number): Promise<QuitChoice> {
  const options = {
    type: 'question' as const,
    buttons: ['Wait for the export', 'Quit now', 'Don\u2019t quit'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    title: 'Spark Journal',
    message: active === 1 ? 'An export is still running.' : `${active} exports are still queued or running.`,
    detail:
      'Wait: Spark Journal quits as soon as the exports are written.\n' +
      'Quit now: the exports stop safely, leave no partial file, and start again the next time you open Spark Journal.',
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0 ? 'wait' : response === 1 ? 'stop' : 'stay';
}

function main(): void {
  // Before 'ready', or Chromium treats app: as an opaque scheme: standard (relative URLs and
  // an origin), secure (a secure context, like https), fetch for module scripts. No
  // bypassCSP: the page keeps its policy, which the handler also sends as a header.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  // A second launch hands over to the first (see 'second-instance') and exits at once.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const userData = app.getPath('userData');
  const log = openFileLog(join(userData, 'logs'));
  const logger = createLogger(log.sink, { process: 'main' });
  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const isDev = devServerUrl !== undefined;
  const appUrl = (url: string) => isAppUrl(url, devServerUrl);

  logger.info('app.start', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform, packaged: app.isPackaged });

  // One decision for main and every worker thread: they inherit this environment.
  const binding = chooseSqliteBinding({
    electronVersion: process.versions.electron,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    platform: process.platform,
    arch: process.arch,
  });
  const sqliteBinding = bindingPath(binding);
  if (sqliteBinding) process.env[SQLITE_BINDING_ENV] = sqliteBinding;
  else delete process.env[SQLITE_BINDING_ENV];
  const runtimeAbi = process.versions.modules;
  const refuseToStart = (problem: BindingProblem) => {
    logger.error('app.sqlite_binding.unusable', {
      runtimeAbi: problem.runtimeAbi, binaryAbi: problem.binaryAbi, path: problem.path, choice: binding.kind,
    });
    dialog.showErrorBox(problem.title, `${problem.message}\n\nDetails are in ${log.file}.`);
    // app.exit ends the process at once: the log line must reach the file first.
    void log.close().finally(() => app.exit(1));
  };
  process.on('unhandledRejection', (reason) => logger.error('app.unhandled_rejection', { error: reason }));

  let window: BrowserWindow | null = null;
  let services: Services | null = null;
  let tray: AppTray | null = null;
  const stops: Array<() => void> = [];

  const showWindow = () => {
    if (!app.isReady()) return;
    if (!window || window.isDestroyed()) {
      window = createMainWindow({
        preloadPath: PRELOAD,
        entryUrl: APP_ENTRY_URL,
        devServerUrl,
        stateFile: join(userData, 'window-state.json'),
        iconPath: resource('icon.png'),
        isDev,
        isAppUrl: appUrl,
        logger,
      });
      window.on('closed', () => {
        window = null;
      });
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  const desktop = createElectronDesktop({
    getWindow: () => (window && !window.isDestroyed() ? window : null),
    configuredExportFolder: () => services?.settings.get('defaultExportFolder') ?? '',
    openScreen: (screen) => {
      const fresh = !window || window.isDestroyed();
      showWindow();
      const navigate = () => services?.events.emit('app:navigate', { screen });
      // A window opened just now (macOS keeps the app alive without one) must load its
      // renderer before it can hear the event.
      if (fresh && window) window.webContents.once('did-finish-load', navigate);
      else navigate();
    },
    logger,
  });

  const quitGuard = createQuitGuard({
    activeExports: () => (services ? activeExports(services.exports).length : 0),
    ask: (active) => askAboutExports(window, active),
    waitForExports: async () => {
      if (services) await waitUntilNoExports(services.exports);
    },
    stopExports: async () => {
      await services?.exports.stop();
    },
    shutdown: async () => {
      for (const stop of stops.splice(0)) stop();
      tray?.destroy();
      tray = null;
      try {
        await services?.close();
      } catch (error) {
        logger.error('app.shutdown.failed', { error });
      }
      logger.info('app.quit');
      await log.close();
    },
    quit: () => app.quit(),
    logger,
  });

  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('window-all-closed', () => {
    // macOS apps stay alive in the dock and tray without a window.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (!quitGuard.onBeforeQuit()) event.preventDefault();
  });

  const start = () => {
    applySessionPolicy(session.defaultSession, { cspHeader: !isDev });
    protocol.handle(APP_SCHEME, createAppRequestHandler(RENDERER_FOLDER));
    const bindingProblem = checkSqliteBinding(binding, runtimeAbi, {
      exists: existsSync,
      readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
    });
    if (bindingProblem) {
      refuseToStart(bindingProblem);
      return;
    }
    try {
      services = createServices({
        dbPath: join(userData, 'spark-journal.db'),
        migrationsFolder: MIGRATIONS,
        desktop,
        clock: systemClock,
        logger,
        appVersion: app.getVersion(),
        exportWorker: { path: EXPORT_WORKER },
        analyticsWorker: { path: ANALYTICS_WORKER },
        equityValidationWorker: { path: EQUITY_VALIDATION_WORKER },
      });
    } catch (error) {
      const abiProblem = bindingProblemFromError(error, binding, runtimeAbi);
      if (abiProblem) {
        refuseToStart(abiProblem);
        return;
      }
      logger.error('app.services.failed', { error });
      dialog.showErrorBox(
        'Spark Journal could not open its database',
        `${error instanceof Error ? error.message : String(error)}\n\n` +
          `Your data folder is ${userData}. A backup is made before every upgrade in its "backups" folder. ` +
          `Details are in ${log.file}.`,
      );
      app.exit(1);
      return;
    }
    const ready = services;
    logger.info('app.services.ready', {
      sqliteBinding: binding.kind, sqliteBindingPath: sqliteBinding ?? null,
      exportWorker: EXPORT_WORKER, analyticsWorker: ANALYTICS_WORKER, equityValidationWorker: EQUITY_VALIDATION_WORKER,
    });

    stops.push(registerIpc({ ipcMain, handlers: createHandlers(ready), isAppUrl: appUrl, logger }));
    stops.push(forwardEvents(ready.events, () => (window && !window.isDestroyed() ? window.webContents : null)));

    // Only the checked export folder (a real, writable directory) is opened: never a file or a program.
    const showExportsFolder = () => {
      let folder: string;
      try {
        folder = ready.exports.folder();
      } catch (error) {
        logger.warn('app.exports_folder.unusable', { error });
        dialog.showErrorBox('Spark Journal cannot open the exports folder', error instanceof Error ? error.message : String(error));
        return;
      }
      void openFolder(folder, logger);
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildAppMenu({
          isMac: process.platform === 'darwin',
          isDev,
          actions: {
            showExportsFolder,
            showLogsFolder: () => void openFolder(join(userData, 'logs'), logger),
            showDataFolder: () => void openFolder(userData, logger),
          },
        }),
      ),
    );

    try {
      const appTray = createAppTray({
        icons: {
          template: resource('tray', 'trayTemplate.png'),
          light: resource('tray', 'tray-light.png'),
          dark: resource('tray', 'tray-dark.png'),
        },
        actions: { openApp: showWindow, showExportsFolder, quit: () => app.quit() },
        platform: process.platform,
        logger,
      });
      tray = appTray;
      const queue = createTrayQueue((jobs) => appTray.update(jobs), { now: () => systemClock.now() });
      stops.push(followExportsInTray(ready.events, ready.exports, queue));
    } catch (error) {
      // Some Linux desktops have no status area; the app works without a tray.
      logger.warn('tray.unavailable', { error });
    }

    showWindow();
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('app.start.failed', { error });
      app.exit(1);
    });
}

main();
