import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Logger } from './services/logging';
import { MIN_WINDOW_SIZE, type WindowBounds } from './window-options';

/** Where and how big the window was when it was last closed. */
export const WindowStateSchema = z
  .object({
    x: z.number().int().min(-100_000).max(100_000),
    y: z.number().int().min(-100_000).max(100_000),
    width: z.number().int().min(MIN_WINDOW_SIZE.width).max(100_000),
    height: z.number().int().min(MIN_WINDOW_SIZE.height).max(100_000),
    maximized: z.boolean().default(false),
  })
  .strict();

export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
/** How much of the window must lie on some display for the saved position to be kept. */
const MIN_VISIBLE = { width: 200, height: 80 } as const;

/**
 * The saved state, or null when there is none or it is unreadable. A corrupt file must
 * never keep the app from starting: it is logged and ignored (the next close rewrites it).
 */
export function loadWindowState(file: string, logger: Logger): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('window.state.unreadable', { file, error });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    logger.warn('window.state.invalid', { file, reason: 'not JSON' });
    return null;
  }
  const parsed = WindowStateSchema.safeParse(json);
  if (!parsed.success) {
    logger.warn('window.state.invalid', { file, reason: parsed.error.issues.map((i) => i.message).join('; ') });
    return null;
  }
  return parsed.data;
}

/** Written to a temp file and renamed, so a crash mid-write leaves the old state intact. */
export function saveWindowState(file: string, state: WindowState, logger: Logger): void {
  const parsed = WindowStateSchema.safeParse(state);
  if (!parsed.success) {
    logger.warn('window.state.not_saved', { reason: parsed.error.issues.map((i) => i.message).join('; ') });
    return;
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(parsed.data));
    renameSync(temp, file);
  } catch (error) {
    logger.warn('window.state.not_saved', { file, error });
  }
}

function visibleArea(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * The bounds to open the window with. A saved position is kept only while a useful part
 * of the window is still on a connected display (a monitor may have been unplugged);
 * otherwise the window is centred on the primary display. The size never exceeds the
 * display it lands on.
 */
export function resolveWindowBounds(saved: WindowState | null, workAreas: Rect[]): WindowBounds & { maximized: boolean } {
  const primary = workAreas[0];
  const fit = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: area ? Math.min(size.width, area.width) : size.width,
    height: area ? Math.min(size.height, area.height) : size.height,
  });

  if (saved) {
    const home = workAreas.find((area) => {
      const visible = visibleArea(saved, area);
      return visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height;
    });
    if (home) {
      const size = fit(saved, home);
      // Keep the title bar reachable: never above the work area's top edge.
      const y = Math.max(saved.y, home.y);
      return { x: saved.x, y, ...size, maximized: saved.maximized };
    }
  }

  const size = fit(saved ?? DEFAULT_WINDOW_SIZE, primary);
  if (!primary) return { ...size, maximized: saved?.maximized ?? false };
  return {
    x: Math.round(primary.x + (primary.width - size.width) / 2),
    y: Math.round(primary.y + (primary.height - size.height) / 2),
    ...size,
    maximized: saved?.maximized ?? false,
  };
}
