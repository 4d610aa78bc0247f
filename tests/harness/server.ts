import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createServices, type Services, type ServicesConfig } from '../../electron/main/services/app';
import { createHandlers, type Handlers } from '../../electron/main/services/handlers';
import { SOURCE_MIGRATIONS_FOLDER } from '../../electron/main/services/db/migrations-folder';
import { systemClock, type Clock } from '../../electron/main/services/clock';
import { createLogger, type Logger } from '../../electron/main/services/logging';
import { isChannel } from '../../shared/ipc/contract';
import { RecordingDesktop } from './recording-desktop';
import { harnessClientScript } from './client-script';
import { createHarnessAccess, type HarnessAccess } from './access';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HarnessOptions {
  /** Defaults to a fresh temp folder, removed on close. */
  workDir?: string;
  dbPath?: string;
  rendererDir?: string;
  clock?: Clock;
  logger?: Logger;
  /** Extra composition-root settings (e.g. the export worker in source mode). */
  servicesConfig?: Partial<ServicesConfig>;
}

export interface Harness {
  url: string;
  token: string;
  workDir: string;
  desktop: RecordingDesktop;
  services: Services;
  handlers: Handlers;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the real IPC handlers over a loopback WebSocket:
 * the same services Electron main builds, with a recording Desktop at the edge.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownsWorkDir = !options.workDir;
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'spark-harness-'));
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}: run \`npm run build\` first.`);
  }
  const desktop = new RecordingDesktop(join(workDir, 'exports'));
  const logLines: string[] = [];
  const services = createServices({
    dbPath: options.dbPath ?? join(workDir, 'journal.db'),
    migrationsFolder: SOURCE_MIGRATIONS_FOLDER,
    desktop,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? createLogger((line) => logLines.push(line)),
    appVersion: 'harness',
    ...options.servicesConfig,
  });
  const handlers = createHandlers(services);
  const token = randomBytes(24).toString('hex');
  const clientScript = harnessClientScript();
  // Known once the server listens (the port is part of the allowed Host and Origin).
  let access: HarnessAccess | null = null;

  const indexHtml = () =>
    readFileSync(join(rendererDir, 'index.html'), 'utf8').replace(
      /<script/,
      '<script src="/__harness/client.js"></script>\n    <script',
    );

  const serveFile = (req: IncomingMessage, res: ServerResponse) => {
    if (!access || !access.hostAllowed(req)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request: the harness answers only to its own address.');
      return;
    }
    const url = new URL(req.url ?? '/', access.origin);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const isPage = pathname === '/' || pathname === '/index.html';
    if (isPage && access.tokenInQuery(url)) {
      res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store', 'set-cookie': access.setCookie() });
      res.end(indexHtml());
      return;
    }
    if (!access.tokenInCookie(req)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('Open the URL that `npm run harness` printed.');
      return;
    }
    if (pathname === '/__harness/client.js') {
      res.writeHead(200, { 'content-type': MIME['.js']!, 'cache-control': 'no-store' });
      res.end(clientScript);
      return;
    }
    if (isPage) {
      res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store' });
      res.end(indexHtml());
      return;
    }
    const file = normalize(join(rendererDir, pathname));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  };

  const server: Server = createServer(serveFile);
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const allowed = access && access.hostAllowed(req) && access.originAllowed(req) && access.tokenInCookie(req);
    if (url.pathname !== '/__harness/ws' || !allowed) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', async (raw) => {
      let message: { id?: unknown; channel?: unknown; payload?: unknown };
      try {
        message = JSON.parse(String(raw)) as typeof message;
      } catch {
        return;
      }
      const id = message.id;
      const channel = typeof message.channel === 'string' ? message.channel : '';
      const result = isChannel(channel)
        ? await (handlers[channel] as (payload: unknown) => Promise<unknown>)(message.payload)
        : { ok: false, error: { code: 'validation', message: `Unknown channel: ${channel}` } };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }));
    });
  });
  const unsubscribe = services.events.subscribe((event, payload) => {
    const text = JSON.stringify({ type: 'event', event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  access = createHarnessAccess(token, port);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    workDir,
    desktop,
    services,
    handlers,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((done) => server.close(() => done()));
      await services.close();
      if (ownsWorkDir) rmSync(workDir, { recursive: true, force: true });
    },
  };
}
