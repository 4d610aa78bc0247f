/**
 * Which frame URLs belong to the app. Plain Node (no electron import) so the sender
 * check is unit-testable: the packaged app loads file:// out/renderer/index.html,
 * `npm run dev` loads the electron-vite dev server.
 */
export function isAppUrl(url: string, rendererFileUrl: string, devServerUrl: string | undefined): boolean {
  if (!url) return false;
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  try {
    const parsed = new URL(url);
    const app = new URL(rendererFileUrl);
    return parsed.protocol === 'file:' && parsed.pathname === app.pathname;
  } catch {
    return false;
  }
}
