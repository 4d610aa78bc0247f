import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sep } from 'node:path';

/**
 * The fonts PDF reports embed (subsets only), all Noto (SIL Open Font License 1.1, which allows
 * bundling and redistribution), shipped as npm packages: Noto Sans covers Latin, Greek and
 * Cyrillic; the fallbacks cover what it lacks. Monochrome Noto Emoji, since PDF text has no
 * colour glyphs.
 */
export const PDF_FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  hebrew: '@expo-google-fonts/noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  emoji: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
} as const;

export type PdfFontKey = keyof typeof PDF_FONT_FILES;
export type FallbackKey = Exclude<PdfFontKey, 'regular' | 'bold'>;
export const FALLBACK_KEYS: readonly FallbackKey[] = ['hebrew', 'arabic', 'cjk', 'emoji'];

const requireHere = createRequire(import.meta.url);

/**
 * Where a font file is: resolved like a module from this file (the source tree, or the bundled
 * worker in out/main next to node_modules). In a packaged app node_modules sits inside app.asar;
 * the fonts are unpacked (electron-builder asarUnpack) and read from app.asar.unpacked, so the
 * worker thread needs no asar support to read them.
 */
export function pdfFontPath(key: PdfFontKey, resolve: (id: string) => string = requireHere.resolve): string {
  const path = resolve(PDF_FONT_FILES[key]);
  const asar = `${sep}app.asar${sep}`;
  if (path.includes(asar)) {
    const unpacked = path.replace(asar, `${sep}app.asar.unpacked${sep}`);
    if (existsSync(unpacked)) return unpacked;
  }
  return path;
}

export function readPdfFont(key: PdfFontKey): Uint8Array {
  try {
    return readFileSync(pdfFontPath(key));
  } catch (error) {
    throw new Error(`The PDF font ${PDF_FONT_FILES[key]} is missing from this installation (${(error as Error).message}). Reinstall Spark Journal.`);
  }
}

/** The fallback most likely to hold a code point, tried first (the others follow). */
export function fallbackHint(cp: number): FallbackKey {
  if ((cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f)) return 'hebrew';
  if ((cp >= 0x0600 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return 'arabic';
  if (cp >= 0x1f000 || (cp >= 0x2190 && cp <= 0x2bff)) return 'emoji';
  return 'cjk';
}
