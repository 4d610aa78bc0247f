import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './browser';

/**
 * Runs once before the e2e project: without a browser every test file would fail on its
 * own with a long stack. One line says what is missing and how to get it.
 */
export function chromiumMissingMessage(path: string, exists: (path: string) => boolean = existsSync): string | null {
  if (exists(path)) return null;
  return (
    `e2e tests need Chromium at ${path}, which does not exist: install it with ` +
    '`sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.'
  );
}

export default function setup(): void {
  const message = chromiumMissingMessage(CHROMIUM_PATH);
  if (!message) return;
  // Thrown, vitest would add "No test files found" and a banner around it; the message is
  // the whole story.
  console.error(message);
  process.exit(1);
}
