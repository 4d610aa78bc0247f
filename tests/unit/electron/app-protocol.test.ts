import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, requestedFile } from '../../../electron/main/app-protocol';
import { APP_ENTRY_URL } from '../../../electron/main/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';

let root: string;
let renderer: string;
let handle: ReturnType<typeof createAppRequestHandler>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'spark-app-protocol-'));
  renderer = join(root, 'out', 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Spark Journal</title>');
  writeFileSync(join(renderer, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(renderer, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(renderer, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(renderer, 'assets', 'data.bin'), 'raw');
  // Beside the renderer folder: what an escape would reach.
  writeFileSync(join(root, 'out', 'secret.txt'), 'secret');
  symlinkSync(join(root, 'out', 'secret.txt'), join(renderer, 'assets', 'leak.txt'));
  symlinkSync(join(root, 'out'), join(renderer, 'up'));
  handle = createAppRequestHandler(renderer);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('the app:// protocol handler', () => {
  it('serves index.html at the entry URL and at the root, with the CSP header', async () => {
    for (const url of [APP_ENTRY_URL, 'app://renderer/', 'app://renderer', `${APP_ENTRY_URL}#/trades`, `${APP_ENTRY_URL}?screen=equity`]) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('<title>Spark Journal</title>');
    }
  });

  it('serves assets with their MIME type, the CSP and nosniff', async () => {
    const cases: Array<[string, string, string]> = [
      ['app://renderer/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'console.log("app")'],
      ['app://renderer/assets/index-abc123.css', 'text/css; charset=utf-8', 'body{}'],
      ['app://renderer/assets/logo.svg', 'image/svg+xml', '<svg/>'],
      ['app://renderer/assets/data.bin', 'application/octet-stream', 'raw'],
    ];
    for (const [url, type, body] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(body);
    }
    const head = await get('app://renderer/assets/index-abc123.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404, still with the CSP, for unknown paths and folders', async () => {
    for (const url of ['app://renderer/nope.html', 'app://renderer/assets/', 'app://renderer/assets', 'app://renderer/assets/index-abc123.js/x']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses traversal, plain or encoded, and never reaches the file beside the folder', async () => {
    const attempts = [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/assets/%2E%2E/%2e%2e/secret.txt',
      'app://renderer/..%2fsecret.txt',
      'app://renderer/%2e%2e%2fsecret.txt',
      'app://renderer/..%5csecret.txt',
      'app://renderer/assets%2f..%2f..%2fsecret.txt',
      'app://renderer/%252e%252e/secret.txt',
      'app://renderer/index.html%00.js',
      'app://renderer/%E0%A4%A',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('refuses absolute paths and other hosts or schemes', async () => {
    for (const url of [
      `app://renderer/${encodeURIComponent(join(root, 'out', 'secret.txt'))}`,
      'app://renderer//etc/passwd',
      'app://renderer/C:%5CWindows%5Cwin.ini',
      'app://evil/index.html',
      'file:///etc/passwd',
      'https://renderer/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('refuses symlinks that lead out of the renderer folder', async () => {
    for (const url of ['app://renderer/assets/leak.txt', 'app://renderer/up/secret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('serves nothing but reads', async () => {
    const response = await get(APP_ENTRY_URL, 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('requestedFile', () => {
  it('maps app URLs to path segments under the renderer folder', () => {
    expect(requestedFile('app://renderer/')).toEqual(['index.html']);
    expect(requestedFile('app://renderer/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
    expect(requestedFile('app://renderer/%2e%2e%2fx')).toBeNull();
    expect(requestedFile('not a url')).toBeNull();
    // A Request cannot even carry credentials; the parser refuses them anyway.
    expect(requestedFile('app://user@renderer/index.html')).toBeNull();
  });
});
