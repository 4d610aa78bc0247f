import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, loadWindowState, resolveWindowBounds, saveWindowState } from '../../../electron/main/window-state';
import { createMemoryLogger } from '../../../electron/main/services/logging';

const LAPTOP = { x: 0, y: 0, width: 1920, height: 1050 };
const RIGHT_MONITOR = { x: 1920, y: 0, width: 2560, height: 1410 };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spark-window-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window state file', () => {
  it('round-trips through a JSON file and leaves no temp file behind', () => {
    const file = join(dir, 'nested', 'window-state.json');
    const logger = createMemoryLogger();
    saveWindowState(file, { x: 100, y: 80, width: 1400, height: 900, maximized: true }, logger);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true });
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(loadWindowState(file, logger)).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true });
    expect(logger.lines).toEqual([]);
  });

  it('starts fresh, quietly, when there is no file yet', () => {
    const logger = createMemoryLogger();
    expect(loadWindowState(join(dir, 'missing.json'), logger)).toBeNull();
    expect(logger.lines).toEqual([]);
  });

  it('ignores and logs a corrupt or invalid file instead of failing start-up', () => {
    const logger = createMemoryLogger();
    const file = join(dir, 'window-state.json');
    const cases = ['{not json', JSON.stringify({ x: 1, y: 2, width: 10, height: 10 }), JSON.stringify({ x: 'a', y: 0, width: 1200, height: 800 }), JSON.stringify({ x: 0, y: 0, width: 1200, height: 800, extra: true }), 'null'];
    for (const content of cases) {
      writeFileSync(file, content);
      expect(loadWindowState(file, logger)).toBeNull();
    }
    expect(logger.lines.map((l) => l.event)).toEqual(Array(cases.length).fill('window.state.invalid'));
    expect(String(logger.lines[1]?.reason)).toMatch(/>=960|960/);
  });

  it('does not write invalid state', () => {
    const logger = createMemoryLogger();
    const file = join(dir, 'window-state.json');
    saveWindowState(file, { x: Number.NaN, y: 0, width: 1200, height: 800, maximized: false }, logger);
    expect(existsSync(file)).toBe(false);
    expect(logger.lines[0]?.event).toBe('window.state.not_saved');
  });
});

describe('resolveWindowBounds', () => {
  it('opens centred at the default size the first time', () => {
    expect(resolveWindowBounds(null, [LAPTOP])).toEqual({
      x: (1920 - DEFAULT_WINDOW_SIZE.width) / 2,
      y: Math.round((1050 - DEFAULT_WINDOW_SIZE.height) / 2),
      ...DEFAULT_WINDOW_SIZE,
      maximized: false,
    });
  });

  it('restores a position that is still on a display, including a second monitor', () => {
    expect(resolveWindowBounds({ x: 2100, y: 100, width: 1500, height: 900, maximized: false }, [LAPTOP, RIGHT_MONITOR])).toEqual({ x: 2100, y: 100, width: 1500, height: 900, maximized: false });
  });

  it('resets bounds left on a monitor that is gone, keeping the size when it fits', () => {
    const saved = { x: 2100, y: 100, width: 1500, height: 900, maximized: true };
    expect(resolveWindowBounds(saved, [LAPTOP])).toEqual({ x: 210, y: 75, width: 1500, height: 900, maximized: true });
  });

  it('treats a window with only a sliver on screen as off-screen', () => {
    const saved = { x: 1850, y: 100, width: 1200, height: 800, maximized: false };
    const bounds = resolveWindowBounds(saved, [LAPTOP]);
    expect(bounds.x).toBe(360);
  });

  it('keeps the title bar reachable and shrinks to the display', () => {
    expect(resolveWindowBounds({ x: 50, y: -300, width: 1200, height: 800, maximized: false }, [LAPTOP])).toEqual({ x: 50, y: 0, width: 1200, height: 800, maximized: false });
    expect(resolveWindowBounds({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [LAPTOP])).toEqual({ x: 0, y: 0, width: 1920, height: 1050, maximized: false });
  });
});
