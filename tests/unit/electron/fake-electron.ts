import { EventEmitter } from 'node:events';

/**
 * Recording fakes of the few Electron objects the shell files touch. Loaded through
 * `vi.mock('electron', () => import('./fake-electron'))`: the only place Electron is
 * faked (DESIGN.md section 6). Every call is recorded so tests assert on what the shell
 * asked Electron to do.
 */
export interface Call {
  api: string;
  args: unknown[];
}

export const calls: Call[] = [];
const record = (api: string, ...args: unknown[]) => calls.push({ api, args });
export const callsTo = (api: string) => calls.filter((call) => call.api === api).map((call) => call.args);

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeListener>(),
  handle(channel: string, listener: InvokeListener) {
    record('ipcMain.handle', channel);
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },
  removeHandler(channel: string) {
    record('ipcMain.removeHandler', channel);
    this.handlers.delete(channel);
  },
  /** What Electron does when a renderer frame at `url` invokes `channel`. */
  async invokeFrom(url: string | null, channel: string, payload: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: url === null ? null : { url } }, payload);
  },
};

export class Notification extends EventEmitter {
  static supported = true;
  static instances: Notification[] = [];
  static isSupported() {
    return Notification.supported;
  }
  readonly options: { title?: string; body?: string };
  shown = 0;
  constructor(options: { title?: string; body?: string }) {
    super();
    this.options = options;
    Notification.instances.push(this);
    record('new Notification', options);
  }
  show() {
    this.shown += 1;
    record('Notification.show', this.options.title);
  }
}

export const dialogAnswers: { save: { canceled: boolean; filePath?: string }; open: { canceled: boolean; filePaths: string[] } } = {
  save: { canceled: true },
  open: { canceled: true, filePaths: [] },
};

export const dialog = {
  async showSaveDialog(...args: unknown[]) {
    record('dialog.showSaveDialog', ...args);
    return dialogAnswers.save;
  },
  async showOpenDialog(...args: unknown[]) {
    record('dialog.showOpenDialog', ...args);
    return dialogAnswers.open;
  },
  async showMessageBox(...args: unknown[]) {
    record('dialog.showMessageBox', ...args);
    return { response: 0, checkboxChecked: false };
  },
  showErrorBox(...args: unknown[]) {
    record('dialog.showErrorBox', ...args);
  },
};

export const shellAnswers = { openPath: '' };

export const shell = {
  showItemInFolder(path: string) {
    record('shell.showItemInFolder', path);
  },
  async openPath(path: string) {
    record('shell.openPath', path);
    return shellAnswers.openPath;
  },
  async openExternal(url: string) {
    record('shell.openExternal', url);
  },
};

export const appPaths: Record<string, string> = { documents: '/home/trader/Documents', userData: '/home/trader/.config/Spark Journal' };

/** The app object: lifecycle events are emitted by tests; quit() replays Electron's before-quit. */
class FakeApp extends EventEmitter {
  appPath = process.cwd();
  singleInstance = true;
  isPackaged = false;
  quitCount = 0;
  exitCodes: number[] = [];
  getPath(name: string) {
    const path = appPaths[name];
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  getAppPath() {
    return this.appPath;
  }
  getVersion() {
    return '0.1.0-test';
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return this.singleInstance;
  }
  isReady() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    this.quitCount += 1;
    record('app.quit');
    // Like Electron: a quit first asks 'before-quit' listeners, which may prevent it.
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) record('app.quit.proceeded');
  }
  exit(code: number) {
    this.exitCodes.push(code);
    record('app.exit', code);
  }
}
export const app = new FakeApp();

export class NativeImage {
  constructor(
    readonly path: string,
    private readonly empty: boolean,
  ) {}
  template = false;
  isEmpty() {
    return this.empty;
  }
  setTemplateImage(value: boolean) {
    this.template = value;
  }
}

export const nativeImage = {
  createFromPath(path: string) {
    record('nativeImage.createFromPath', path);
    // Like Electron: a path that does not hold a readable image gives an empty image.
    return new NativeImage(path, !/\.png$/.test(path));
  },
};

class FakeNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  shouldUseDarkColorsForSystemIntegratedUI = false;
}
export const nativeTheme = new FakeNativeTheme();

export interface FakeMenu {
  template: unknown[];
}

export const Menu = {
  buildFromTemplate(template: unknown[]): FakeMenu {
    record('Menu.buildFromTemplate', template);
    return { template };
  },
  setApplicationMenu(menu: FakeMenu | null) {
    record('Menu.setApplicationMenu', menu);
  },
};

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  image: NativeImage;
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(image: NativeImage) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }
  setImage(image: NativeImage) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** A recording webContents: listeners by event, and the window-open handler. */
export class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.openHandler = handler;
  }
  /** Emits a cancellable event the way Electron does; true when the listener prevented it. */
  attempt(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

/** A recording webContents as a window owns it. */
export class FakeWindowContents extends FakeWebContents {
  sent: Array<[string, unknown]> = [];
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWindowContents();
  loaded: string[] = [];
  shown = 0;
  focused = 0;
  destroyed = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
  }
  loadFile(path: string) {
    this.loaded.push(`file:${path}`);
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show() {
    this.shown += 1;
  }
  focus() {
    this.focused += 1;
  }
  maximize() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    const o = this.options as { x?: number; y?: number; width: number; height: number };
    return { x: o.x ?? 0, y: o.y ?? 0, width: o.width, height: o.height };
  }
}

export const screen = {
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(listener: unknown) {
        record('session.onHeadersReceived', listener);
      },
    },
    setPermissionRequestHandler(handler: unknown) {
      record('session.setPermissionRequestHandler', handler);
    },
    setPermissionCheckHandler(handler: unknown) {
      record('session.setPermissionCheckHandler', handler);
    },
  },
};
type ProtocolHandler = (request: Request) => Promise<Response> | Response;
export const protocol = {
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme: string, handler: ProtocolHandler) {
    record('protocol.handle', scheme);
    this.handlers.set(scheme, handler);
  },
  /** What Chromium does when the window requests `url` on a handled scheme. */
  async fetch(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`No protocol handler for ${url}`);
    return handler(new Request(url));
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

type RendererListener = (event: unknown, payload: unknown) => void;
export const ipcRenderer = {
  listeners: new Map<string, Set<RendererListener>>(),
  invokeAnswer: null as null | ((channel: string, request: unknown) => Promise<unknown>),
  invoke(channel: string, request: unknown) {
    record('ipcRenderer.invoke', channel, request);
    if (!this.invokeAnswer) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return this.invokeAnswer(channel, request);
  },
  on(channel: string, listener: RendererListener) {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
  },
  removeListener(channel: string, listener: RendererListener) {
    this.listeners.get(channel)?.delete(listener);
  },
  /** What main's webContents.send does on the renderer side. */
  deliver(channel: string, payload: unknown) {
    for (const listener of this.listeners.get(channel) ?? []) listener({}, payload);
  },
};

export function resetFakes(): void {
  calls.length = 0;
  ipcMain.handlers.clear();
  Notification.instances.length = 0;
  Notification.supported = true;
  Tray.instances.length = 0;
  dialogAnswers.save = { canceled: true };
  dialogAnswers.open = { canceled: true, filePaths: [] };
  shellAnswers.openPath = '';
  nativeTheme.shouldUseDarkColors = false;
  nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = false;
  nativeTheme.removeAllListeners();
  contextBridge.exposed.clear();
  protocol.handlers.clear();
  BrowserWindow.instances.length = 0;
  app.removeAllListeners();
  app.quitCount = 0;
  app.exitCodes.length = 0;
  ipcRenderer.listeners.clear();
  ipcRenderer.invokeAnswer = null;
}
