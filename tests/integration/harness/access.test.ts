import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHarness, type Harness } from '../../harness/server';

let harness: Harness;
let renderer: string;
let origin: string;
let host: string;

beforeAll(async () => {
  renderer = mkdtempSync(join(tmpdir(), 'spark-harness-renderer-'));
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  harness = await startHarness({ rendererDir: renderer });
  origin = new URL(harness.url).origin;
  host = new URL(harness.url).host;
});
afterAll(async () => {
  await harness?.close();
  rmSync(renderer, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, origin), { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the printed URL like the browser does and returns the cookie the page got. */
async function openPage(): Promise<string> {
  const page = await get(new URL(harness.url).pathname + new URL(harness.url).search);
  expect(page.status).toBe(200);
  const cookie = (page.headers['set-cookie'] ?? [])[0] ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0] as string;
}

/** 'open' or the HTTP status the upgrade was refused with. */
function connect(headers: Record<string, string>, path = '/__harness/ws'): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://${host}${path}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.on('error', (error) => resolve(`error: ${error.message}`));
  });
}

describe('harness access', () => {
  it('hands out neither the page nor the client script nor an asset without the token', async () => {
    for (const path of ['/', '/index.html', '/__harness/client.js', '/assets/app.js', '/?token=wrong']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(401);
      expect(answer.body).not.toContain(harness.token);
    }
  });

  it('never writes the token into a response, not even for its own page', async () => {
    const cookie = await openPage();
    for (const path of ['/', '/__harness/client.js', '/assets/app.js']) {
      const answer = await get(path, { cookie });
      expect(answer.status, path).toBe(200);
      expect(answer.body).not.toContain(harness.token);
    }
  });

  it('refuses a foreign Host (DNS rebinding), even with the token', async () => {
    const port = new URL(harness.url).port;
    const cookie = await openPage();
    for (const foreign of [`evil.example:${port}`, `localhost:${port}`, '127.0.0.1:1']) {
      const answer = await get(`/?token=${harness.token}`, { host: foreign, cookie });
      expect(answer.status, foreign).toBe(421);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('opens the WebSocket only for its own page: cookie, Host and Origin', async () => {
    const cookie = await openPage();
    expect(await connect({ cookie, origin })).toBe('open');
    expect(await connect({ cookie, origin: 'http://evil.example' })).toBe('403');
    expect(await connect({ cookie, origin: 'null' })).toBe('403');
    expect(await connect({ cookie })).toBe('403');
    expect(await connect({ origin })).toBe('403');
    expect(await connect({ origin }, `/__harness/ws?token=${harness.token}`)).toBe('403');
    expect(await connect({ cookie, origin, host: `evil.example:${new URL(harness.url).port}` })).toBe('403');
  });

  it('serves the real handlers to its own page over that WebSocket', async () => {
    const cookie = await openPage();
    const ws = new WebSocket(`ws://${host}/__harness/ws`, { headers: { cookie, origin } });
    const answer = await new Promise<{ result: { ok: boolean; data?: { version: string } } }>((resolve, reject) => {
      ws.on('open', () => ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info', payload: {} })));
      ws.on('message', (raw) => resolve(JSON.parse(String(raw)) as { result: { ok: boolean; data?: { version: string } } }));
      ws.on('error', reject);
    });
    ws.close();
    expect(answer.result).toMatchObject({ ok: true, data: { version: 'harness' } });
  });
});
