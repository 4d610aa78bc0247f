/**
 * What the window may navigate to. The renderer is a single page: it never navigates
 * anywhere but its own document, and links to the web open in the user's browser.
 */
export type LinkDecision =
  /** The app's own document (a dev-server reload, for instance): let it load. */
  | { kind: 'app' }
  /** A web page: stay put and hand the URL to the system browser. */
  | { kind: 'external'; url: string }
  /** Anything else (file://, javascript:, data:, custom schemes): refuse silently. */
  | { kind: 'blocked' };

export function classifyLink(url: string, isAppUrl: (url: string) => boolean): LinkDecision {
  if (isAppUrl(url)) return { kind: 'app' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'blocked' };
  }
  if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '') {
    return { kind: 'external', url: parsed.toString() };
  }
  return { kind: 'blocked' };
}
