import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../../electron/main/csp';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/app-origin';
import { classifyLink } from '../../../electron/main/link-policy';
import { applySessionPolicy, guardNavigation } from '../../../electron/main/window';
import { buildWindowOptions, MIN_WINDOW_SIZE } from '../../../electron/main/window-options';
import { createMemoryLogger } from '../../../electron/main/services/logging';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const RENDERER = APP_ENTRY_URL;
const appUrl = (url: string) => isAppUrl(url, undefined);

beforeEach(() => fake.resetFakes());

describe('buildWindowOptions', () => {
  const options = buildWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    bounds: { x: 10, y: 20, width: 1200, height: 800 },
    iconPath: '/app/resources/icon.png',
    isDev: false,
    darkBackground: true,
  });

  it('isolates the renderer: context isolation, sandbox, no Node anywhere, web security on', () => {
    const prefs = options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads only the bundled CommonJS preload and hides DevTools outside development', () => {
    expect(options.webPreferences.preload).toBe('/app/out/preload/index.cjs');
    expect(options.webPreferences.devTools).toBe(false);
    const dev = buildWindowOptions({ preloadPath: '/p.cjs', bounds: { width: 1000, height: 700 }, isDev: true, darkBackground: false });
    expect(dev.webPreferences.devTools).toBe(true);
    // Development relaxes nothing else.
    expect({ ...dev.webPreferences, devTools: false, preload: '' }).toEqual({ ...options.webPreferences, preload: '' });
  });

  it('opens hidden at the restored bounds with a minimum size, the icon and a theme background', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false, icon: '/app/resources/icon.png', title: 'Spark Journal' });
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height);
    expect(options.backgroundColor).toBe('#111418');
  });
});

describe('guardNavigation', () => {
  function guarded() {
    const contents = new fake.FakeWebContents();
    const logger = createMemoryLogger();
    guardNavigation(contents as never, appUrl, logger);
    return { contents, logger };
  }

  it('lets the app reload its own document', () => {
    const { contents } = guarded();
    expect(contents.attempt('will-navigate', `${RENDERER}#/trades`)).toBe(false);
    expect(fake.callsTo('shell.openExternal')).toEqual([]);
  });

  it('blocks navigation to a web page and opens it in the system browser instead', async () => {
    const { contents } = guarded();
    expect(contents.attempt('will-navigate', 'https://docs.example.com/help?x=1')).toBe(true);
    expect(contents.attempt('will-redirect', 'http://example.org/')).toBe(true);
    await Promise.resolve();
    expect(fake.callsTo('shell.openExternal')).toEqual([['https://docs.example.com/help?x=1'], ['http://example.org/']]);
  });

  it('blocks file:, javascript:, data: and custom-scheme navigations without opening anything', () => {
    const { contents, logger } = guarded();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<h1>x</h1>', 'ms-settings:privacy', 'not a url']) {
      expect(contents.attempt('will-navigate', url)).toBe(true);
    }
    expect(fake.callsTo('shell.openExternal')).toEqual([]);
    expect(logger.lines.filter((l) => l.event === 'window.navigation.blocked')).toHaveLength(5);
  });

  it('denies every new window; web links go to the browser', () => {
    const { contents } = guarded();
    expect(contents.openHandler).not.toBeNull();
    const open = contents.openHandler as (d: { url: string }) => { action: string };
    expect(open({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(open({ url: RENDERER })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///home/trader/trades.csv' })).toEqual({ action: 'deny' });
    expect(fake.callsTo('shell.openExternal')).toEqual([['https://example.com/a']]);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    expect(contents.attempt('will-attach-webview', '')).toBe(true);
  });
});

describe('classifyLink', () => {
  it('needs a host for a web link', () => {
    expect(classifyLink('https://', appUrl)).toEqual({ kind: 'blocked' });
    expect(classifyLink('mailto:me@example.com', appUrl)).toEqual({ kind: 'blocked' });
    expect(classifyLink('HTTPS://Example.com', appUrl)).toEqual({ kind: 'external', url: 'https://example.com/' });
  });
});

describe('applySessionPolicy', () => {
  function fakeSession() {
    const recorded: {
      onHeaders?: (details: { resourceType: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void;
      onPermission?: (contents: unknown, permission: string, cb: (granted: boolean) => void) => void;
      onCheck?: (contents: unknown, permission: string) => boolean;
    } = {};
    const session = {
      webRequest: { onHeadersReceived: (listener: never) => (recorded.onHeaders = listener) },
      setPermissionRequestHandler: (handler: never) => (recorded.onPermission = handler),
      setPermissionCheckHandler: (handler: never) => (recorded.onCheck = handler),
    };
    return { session, recorded };
  }

  it('sends the CSP header on the main document, replacing any policy the response had', () => {
    const { session, recorded } = fakeSession();
    applySessionPolicy(session as never, { cspHeader: true });
    let answer: unknown;
    recorded.onHeaders?.({ resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r) => (answer = r));
    expect(answer).toEqual({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    recorded.onHeaders?.({ resourceType: 'script' }, (r) => (answer = r));
    expect(answer).toEqual({});
  });

  it('denies every browser permission but writing text to the clipboard', () => {
    const { session, recorded } = fakeSession();
    applySessionPolicy(session as never, { cspHeader: false });
    expect(recorded.onHeaders).toBeUndefined();
    const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'clipboard-sanitized-write'];
    const granted: boolean[] = [];
    for (const permission of permissions) recorded.onPermission?.({}, permission, (g) => granted.push(g));
    expect(granted).toEqual([false, false, false, false, false, false, true]);
    expect(permissions.map((permission) => recorded.onCheck?.({}, permission))).toEqual(granted);
  });
});

describe('Content-Security-Policy', () => {
  it('allows nothing but the app itself to run', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it('is the same policy the renderer page declares in its meta tag', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('withContentSecurityPolicy copes with no headers and single-string values', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy({ Server: 'x' })).toEqual({ Server: ['x'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
