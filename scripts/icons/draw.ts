/**
 * The Spark Journal mark drawn from geometry: an equity line climbing to a four-point
 * spark. Coordinates are in a unit square; coverage comes from supersampling, so every
 * size is rendered from the same shapes rather than scaled from one bitmap.
 */
type Rgb = readonly [number, number, number];

interface Style {
  background: 'tile' | 'none';
  line: Rgb;
  spark: Rgb;
}

const LINE: Array<readonly [number, number]> = [
  [0.2, 0.72],
  [0.38, 0.54],
  [0.5, 0.63],
  [0.7, 0.38],
];
const SPARK = { x: 0.74, y: 0.3, r: 0.16 };

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onLine(x: number, y: number, halfWidth: number): boolean {
  for (let i = 1; i < LINE.length; i += 1) {
    const a = LINE[i - 1] as readonly [number, number];
    const b = LINE[i] as readonly [number, number];
    if (segmentDistance(x, y, a[0], a[1], b[0], b[1]) <= halfWidth) return true;
  }
  return false;
}

function onSpark(x: number, y: number, r: number): boolean {
  // An astroid-like star: sqrt|x| + sqrt|y| <= sqrt r.
  return Math.sqrt(Math.abs(x - SPARK.x)) + Math.sqrt(Math.abs(y - SPARK.y)) <= Math.sqrt(r);
}

function inTile(x: number, y: number): boolean {
  const inset = 0.04;
  const radius = 0.2;
  const cx = Math.max(inset + radius, Math.min(1 - inset - radius, x));
  const cy = Math.max(inset + radius, Math.min(1 - inset - radius, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

function tileColour(x: number, y: number): Rgb {
  // Diagonal gradient: indigo at the top left to deep navy at the bottom right.
  const t = Math.min(1, Math.max(0, (x + y) / 2));
  const from: Rgb = [67, 56, 202];
  const to: Rgb = [15, 23, 42];
  return [0, 1, 2].map((i) => from[i as 0] + (to[i as 0] - from[i as 0]) * t) as unknown as Rgb;
}

/** Straight RGBA pixels of the mark at `size` x `size`. */
export function drawMark(size: number, style: Style): Uint8Array {
  const samples = size >= 128 ? 4 : 6;
  const pixels = new Uint8Array(size * size * 4);
  // Small icons get a bolder line so it survives at 16 px.
  const halfWidth = size <= 32 ? 0.06 : 0.045;
  const sparkR = size <= 32 ? 0.2 : SPARK.r;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour: Rgb | null = null;
          if (onSpark(x, y, sparkR)) colour = style.spark;
          else if (onLine(x, y, halfWidth)) colour = style.line;
          else if (style.background === 'tile' && inTile(x, y)) colour = tileColour(x, y);
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
        pixels[offset + 3] = Math.round((a / (samples * samples)) * 255);
      }
    }
  }
  return pixels;
}

export const APP_ICON: Style = { background: 'tile', line: [255, 255, 255], spark: [251, 191, 36] };
/** Dark glyph for light taskbars. */
export const TRAY_ON_LIGHT: Style = { background: 'none', line: [31, 41, 55], spark: [31, 41, 55] };
/** Light glyph for dark taskbars. */
export const TRAY_ON_DARK: Style = { background: 'none', line: [243, 244, 246], spark: [243, 244, 246] };
/** macOS template image: black, shape in the alpha channel only. */
export const TRAY_TEMPLATE: Style = { background: 'none', line: [0, 0, 0], spark: [0, 0, 0] };
