import { readFile as readFileCallback, realpath as realpathCallback, stat as statCallback } from 'node:fs';
import { promisify } from 'node:util';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Answers `app://renderer/...` requests from the built renderer folder (out/renderer).
 * Plain Node with web Request/Response, so protocol.handle in index.ts passes it straight
 * through and the tests call it without Electron. Only regular files inside the folder are
 * served (no `..`, encoded or not; no absolute paths; no symlink leading out); everything
 * else is a 404, and every response carries the app's Content-Security-Policy.
 */
// The callback forms: Electron's asar layer wraps them, so a packaged app reads its
// renderer from inside app.asar.
const readFile = promisify(readFileCallback);
const realpath = promisify(realpathCallback);
const stat = promisify(statCallback);

export type AppRequestHandler = (request: Request) => Promise<Response>;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function headers(extra: Record<string, string> = {}): Headers {
  return new Headers({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The files change with every build; the window must never run a stale bundle.
    'Cache-Control': 'no-cache',
    ...extra,
  });
}

function refuse(status: 404 | 405, text: string): Response {
  return new Response(text, { status, headers: headers({ 'Content-Type': 'text/plain; charset=utf-8' }) });
}

/**
 * The file a request names, relative to the renderer folder, or null when the request is
 * not for the app origin or its path could leave the folder.
 */
export function requestedFile(url: string): string[] | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null;
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/').filter((part) => part !== '')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // After decoding, a segment must be a plain file or folder name: %2e%2e, %2f, %5c, a
    // drive letter or a NUL would each smuggle in a path the URL parser did not resolve.
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.length === 0 ? ['index.html'] : segments;
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export function createAppRequestHandler(rendererFolder: string): AppRequestHandler {
  let root: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const segments = requestedFile(request.url);
    if (!segments) return refuse(404, 'Not found');
    try {
      root ??= realpath(rendererFolder);
      const folder = await root;
      // realpath follows every symlink on the way: a link that points out of the folder fails here.
      const file = await realpath(join(folder, ...segments));
      if (!inside(folder, file) || !(await stat(file)).isFile()) return refuse(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, { status: 200, headers: headers({ 'Content-Type': mimeType(file) }) });
    } catch {
      return refuse(404, 'Not found');
    }
  };
}
