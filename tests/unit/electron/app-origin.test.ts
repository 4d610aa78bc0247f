import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/app-origin';

const RENDERER_FILE = pathToFileURL('/opt/Spark Journal/resources/app.asar/out/renderer/index.html').toString();
const DEV = 'http://localhost:5173';

describe('isAppUrl', () => {
  it("accepts pages of the app:// origin, with or without the router's hash or a query", () => {
    expect(APP_ENTRY_URL).toBe('app://renderer/index.html');
    expect(isAppUrl(APP_ENTRY_URL, undefined)).toBe(true);
    expect(isAppUrl(`${APP_ENTRY_URL}#/exports`, undefined)).toBe(true);
    expect(isAppUrl(`${APP_ENTRY_URL}?screen=equity`, undefined)).toBe(true);
    expect(isAppUrl('app://renderer/', undefined)).toBe(true);
  });

  it('refuses file:// pages (even the renderer file itself), other app hosts, and web pages', () => {
    expect(isAppUrl(RENDERER_FILE, undefined)).toBe(false);
    expect(isAppUrl(pathToFileURL('/home/trader/Downloads/index.html').toString(), undefined)).toBe(false);
    expect(isAppUrl('app://evil/index.html', undefined)).toBe(false);
    expect(isAppUrl('app://renderer.evil.example/index.html', undefined)).toBe(false);
    expect(isAppUrl('app://renderer:8080/index.html', undefined)).toBe(false);
    expect(isAppUrl('app://user@renderer/index.html', undefined)).toBe(false);
    expect(isAppUrl('apps://renderer/index.html', undefined)).toBe(false);
    expect(isAppUrl('https://renderer/index.html', undefined)).toBe(false);
    expect(isAppUrl('https://example.com/', undefined)).toBe(false);
    expect(isAppUrl('about:blank', undefined)).toBe(false);
    expect(isAppUrl('', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });

  it('accepts the dev server only by exact origin', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/#/trades', DEV)).toBe(true);
    // Prefix look-alikes that a startsWith check would have let through.
    expect(isAppUrl('http://localhost:5173@evil.example/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost:51730/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.example/', DEV)).toBe(false);
    // Without a dev server, the dev origin is foreign.
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    // A dev server URL that is not http(s) never widens the check.
    expect(isAppUrl(RENDERER_FILE, 'file:///opt/')).toBe(false);
  });
});
