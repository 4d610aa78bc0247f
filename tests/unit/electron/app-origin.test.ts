import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/main/app-origin';

const RENDERER = pathToFileURL('/opt/Spark Journal/resources/app.asar/out/renderer/index.html').toString();
const DEV = 'http://localhost:5173';

describe('isAppUrl', () => {
  it("accepts the packaged renderer file, with or without the router's hash or a query", () => {
    expect(isAppUrl(RENDERER, RENDERER, undefined)).toBe(true);
    expect(isAppUrl(`${RENDERER}#/exports`, RENDERER, undefined)).toBe(true);
    expect(isAppUrl(`${RENDERER}?screen=equity`, RENDERER, undefined)).toBe(true);
  });

  it('refuses any other file, a file on another host, and web pages', () => {
    expect(isAppUrl(pathToFileURL('/opt/Spark Journal/resources/app.asar/out/renderer/other.html').toString(), RENDERER, undefined)).toBe(false);
    expect(isAppUrl(pathToFileURL('/home/trader/Downloads/index.html').toString(), RENDERER, undefined)).toBe(false);
    expect(isAppUrl(RENDERER.replace('file:///', 'file://fileserver/'), RENDERER, undefined)).toBe(false);
    expect(isAppUrl('https://example.com/', RENDERER, undefined)).toBe(false);
    expect(isAppUrl('', RENDERER, undefined)).toBe(false);
    expect(isAppUrl('not a url', RENDERER, undefined)).toBe(false);
  });

  it('accepts the dev server only by exact origin', () => {
    expect(isAppUrl('http://localhost:5173/', RENDERER, DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/#/trades', RENDERER, DEV)).toBe(true);
    // Prefix look-alikes that a startsWith check would have let through.
    expect(isAppUrl('http://localhost:5173@evil.example/', RENDERER, DEV)).toBe(false);
    expect(isAppUrl('http://localhost:51730/', RENDERER, DEV)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.example/', RENDERER, DEV)).toBe(false);
    // Without a dev server, the dev origin is foreign.
    expect(isAppUrl('http://localhost:5173/', RENDERER, undefined)).toBe(false);
  });
});
