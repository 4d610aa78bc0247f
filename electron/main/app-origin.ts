/**
 * The app's own origin. The built renderer is served by protocol.handle on a privileged
 * custom scheme (app-protocol.ts), never from file://, so the IPC sender check and the
 * navigation guard accept exactly `app://renderer` (and, under `npm run dev`, the
 * electron-vite dev server). Plain Node, no electron import, so it is unit-testable.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` belongs to the app origin (any page or asset under it). */
export function isAppOrigin(url: string): boolean {
  const parsed = parseUrl(url);
  // Node's URL treats app: as a non-special scheme (origin "null"), so compare the parts;
  // credentials or a port would make it some other authority.
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Which frame URLs belong to the app: its origin, or the dev server during `npm run dev`. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  if (isAppOrigin(url)) return true;
  if (!devServerUrl) return false;
  const parsed = parseUrl(url);
  // Compare parsed origins, never string prefixes: `http://localhost:5173@evil.example/`
  // starts with the dev server URL but is served by evil.example.
  const dev = parseUrl(devServerUrl);
  return parsed !== null && dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
}

function parseUrl(value: string): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
