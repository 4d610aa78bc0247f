import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the harness. It reads files through `import:preview` and writes exports,
 * so only its own page may reach it: the printed URL carries a one-time token, the page
 * that opens it gets an HttpOnly, SameSite=Strict cookie, and every later request (the
 * client script, assets, the WebSocket) must come with that cookie, for the harness's own
 * Host, and (WebSocket) from its own Origin. A foreign page, a DNS-rebound host name or a
 * cross-site <script> include gets nothing, and the token is never written into a response.
 */
export interface HarnessAccess {
  origin: string;
  cookieName: string;
  /** Whether the Host header names the harness itself (DNS rebinding sends another name). */
  hostAllowed(req: IncomingMessage): boolean;
  originAllowed(req: IncomingMessage): boolean;
  /** The token from the printed URL's query. */
  tokenInQuery(url: URL): boolean;
  /** The token from the cookie set when the page was opened. */
  tokenInCookie(req: IncomingMessage): boolean;
  /** Set-Cookie for the page opened with the right token. */
  setCookie(): string;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookies(header: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) found.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return found;
}

export function createHarnessAccess(token: string, port: number): HarnessAccess {
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  // Cookies are per host, not per port: each harness names its own.
  const cookieName = `spark_harness_${port}`;
  return {
    origin,
    cookieName,
    hostAllowed: (req) => req.headers.host === host,
    originAllowed: (req) => req.headers.origin === origin,
    tokenInQuery: (url) => same(url.searchParams.get('token') ?? '', token),
    tokenInCookie: (req) => same(cookies(req.headers.cookie).get(cookieName) ?? '', token),
    setCookie: () => `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`,
  };
}
