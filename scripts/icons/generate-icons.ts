/**
 * Writes every icon in resources/ from the geometry in draw.ts:
 *   npx tsx scripts/icons/generate-icons.ts
 * The PNGs are committed; run this again only when the mark changes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ICON, drawMark, TRAY_ON_DARK, TRAY_ON_LIGHT, TRAY_TEMPLATE } from './draw';
import { encodePng } from './png';

const RESOURCES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources');

/** Linux wants one PNG per size in a folder named NxN.png; 512 also feeds macOS and Windows. */
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Tray icons at 1x and 2x (Electron picks the @2x file on high-DPI screens). */
export const TRAY_ICONS = [
  { name: 'tray-light', style: TRAY_ON_LIGHT },
  { name: 'tray-dark', style: TRAY_ON_DARK },
  { name: 'trayTemplate', style: TRAY_TEMPLATE },
] as const;

function write(file: string, size: number, style: Parameters<typeof drawMark>[1]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodePng(size, size, drawMark(size, style)));
  console.log(`${file.slice(RESOURCES.length + 1)}  ${size}x${size}`);
}

write(join(RESOURCES, 'icon.png'), 512, APP_ICON);
for (const size of APP_ICON_SIZES) write(join(RESOURCES, 'icons', `${size}x${size}.png`), size, APP_ICON);
for (const { name, style } of TRAY_ICONS) {
  write(join(RESOURCES, 'tray', `${name}.png`), 16, style);
  write(join(RESOURCES, 'tray', `${name}@2x.png`), 32, style);
}
