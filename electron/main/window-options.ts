/**
 * The BrowserWindow options, built by a plain function so a unit test can assert every
 * security setting without Electron. The shape is a structural subset of Electron's
 * BrowserWindowConstructorOptions (window.ts passes it straight through).
 */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  spellcheck: boolean;
  devTools: boolean;
}

export interface WindowOptions extends WindowBounds {
  minWidth: number;
  minHeight: number;
  title: string;
  show: false;
  backgroundColor: string;
  icon?: string;
  autoHideMenuBar: boolean;
  webPreferences: SecureWebPreferences;
}

export interface WindowOptionsInput {
  /** Absolute path of the bundled CommonJS preload (out/preload/index.cjs). */
  preloadPath: string;
  bounds: WindowBounds;
  /** Window icon (Linux and Windows; macOS uses the bundle icon). */
  iconPath?: string;
  /** DevTools stay available in development only. */
  isDev: boolean;
  /** Paints before the renderer's first frame, so a dark theme does not flash white. */
  darkBackground: boolean;
}

export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

export function buildWindowOptions(input: WindowOptionsInput): WindowOptions {
  return {
    ...input.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Spark Journal',
    // Shown on 'ready-to-show' so the user never sees an empty frame.
    show: false,
    backgroundColor: input.darkBackground ? '#111418' : '#ffffff',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    autoHideMenuBar: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped on the window must not replace the app with that file.
      navigateOnDragDrop: false,
      spellcheck: true,
      devTools: input.isDev,
    },
  };
}
