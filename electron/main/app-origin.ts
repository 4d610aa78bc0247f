/**
 * Which frame URLs belong to the app. Plain Node (no electron import) so the sender
 * check is unit-testable: the packaged app loads file:// out/renderer/index.html,
 * `npm run dev` loads the electron-vite dev server.
 */
export function isAppUrl(url: string, rendererFileUrl: string, devServerUrl: string | undefined): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (devServerUrl) {
    // Compare parsed origins, never string prefixes: `http://localhost:5173@evil.example/`
    // starts with the dev server URL but is served by evil.example.
    const dev = parseUrl(devServerUrl);
    if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin) return true;
  }
  const app = parseUrl(rendererFileUrl);
  if (!app || app.protocol !== 'file:') return false;
  // Query and hash are the renderer's own routing state; any other file is not the app.
  return parsed.protocol === 'file:' && parsed.host === app.host && parsed.pathname === app.pathname;
}

function parseUrl(value: string): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
