import { BrowserWindow, nativeTheme, screen, shell, type Session, type WebContents } from 'electron';
import type { Logger } from './services/logging';
import { withContentSecurityPolicy } from './csp';
import { classifyLink } from './link-policy';
import { buildWindowOptions } from './window-options';
import { loadWindowState, resolveWindowBounds, saveWindowState } from './window-state';

export interface MainWindowConfig {
  preloadPath: string;
  /** The built renderer on the app origin (app://renderer/index.html, see app-protocol.ts). */
  entryUrl: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL) during `npm run dev`. */
  devServerUrl: string | undefined;
  /** JSON file in userData that remembers size and position. */
  stateFile: string;
  iconPath?: string;
  isDev: boolean;
  isAppUrl: (url: string) => boolean;
  logger: Logger;
}

type OpenExternal = (url: string) => Promise<void>;

/**
 * Keeps the window on the app's own document: navigations and new windows are refused,
 * web links go to the system browser, everything else (file:, javascript:, ...) is dropped.
 */
export function guardNavigation(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  isAppUrl: (url: string) => boolean,
  logger: Logger,
  openExternal: OpenExternal = (url) => shell.openExternal(url),
): void {
  const toBrowser = (url: string) => {
    openExternal(url).catch((error: unknown) => logger.warn('window.open_external.failed', { url, error }));
  };
  const onNavigate = (event: { preventDefault(): void }, url: string) => {
    const decision = classifyLink(url, isAppUrl);
    if (decision.kind === 'app') return;
    event.preventDefault();
    if (decision.kind === 'external') toBrowser(decision.url);
    else logger.warn('window.navigation.blocked', { url });
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event: { preventDefault(): void }) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = classifyLink(url, isAppUrl);
    if (decision.kind === 'external') toBrowser(decision.url);
    else logger.warn('window.open.blocked', { url });
    return { action: 'deny' };
  });
}

/**
 * Session-wide policy: the CSP also travels as a response header, and the renderer gets
 * no browser permissions (camera, geolocation, notifications, clipboard reads, ...).
 */
export function applySessionPolicy(
  session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  options: { cspHeader: boolean },
): void {
  // Off under `npm run dev`: Vite's hot reload needs inline scripts and a WebSocket.
  if (options.cspHeader) {
    session.webRequest.onHeadersReceived((details, callback) => {
      if (details.resourceType !== 'mainFrame') return callback({});
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
    });
  }
  // Writing plain text to the clipboard (a "copy" button) is the one harmless exception.
  const allowed = (permission: string) => permission === 'clipboard-sanitized-write';
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowed(permission));
}

/** Creates the main window, restoring its last size and position. */
export function createMainWindow(config: MainWindowConfig): BrowserWindow {
  const saved = loadWindowState(config.stateFile, config.logger);
  const bounds = resolveWindowBounds(
    saved,
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea),
  );
  const { maximized, ...rect } = bounds;
  const window = new BrowserWindow(
    buildWindowOptions({
      preloadPath: config.preloadPath,
      bounds: rect,
      ...(config.iconPath ? { iconPath: config.iconPath } : {}),
      isDev: config.isDev,
      darkBackground: nativeTheme.shouldUseDarkColors,
    }),
  );
  guardNavigation(window.webContents, config.isAppUrl, config.logger);

  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });

  let saveTimer: NodeJS.Timeout | undefined;
  const persist = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const normal = window.getNormalBounds();
    saveWindowState(config.stateFile, { ...normal, maximized: window.isMaximized() }, config.logger);
  };
  const persistSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(persist, 500);
  };
  window.on('resize', persistSoon);
  window.on('move', persistSoon);
  window.on('close', () => {
    clearTimeout(saveTimer);
    persist();
  });

  window.webContents.on('render-process-gone', (_event, details) => {
    config.logger.error('window.renderer.gone', { reason: details.reason, exitCode: details.exitCode });
  });

  const load = window.loadURL(config.devServerUrl ?? config.entryUrl);
  load.catch((error: unknown) => config.logger.error('window.load.failed', { error }));
  return window;
}
