import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arabicForms, baseOfForm } from '../../../../electron/main/services/exports/writers/arabic-forms';
import { PDF_FONT_FILES, fallbackHint, pdfFontPath } from '../../../../electron/main/services/exports/writers/pdf-fonts';
import { placeholderFor } from '../../../../electron/main/services/exports/writers/pdf-text';

const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);
const text = (list: number[]) => String.fromCodePoint(...list);

describe('Arabic joining forms', () => {
  it('gives each letter its isolated, initial, medial or final form, and lam-alef its ligature', () => {
    // تقرير: teh initial, qaf medial, reh final (reh does not join on), yeh initial, reh final.
    expect(text(arabicForms(cps('تقرير')))).toBe('\ufe97\ufed8\ufeae\ufef3\ufeae');
    expect(text(arabicForms(cps('لا')))).toBe('\ufefb');
    // Lam + alef inside a word: the ligature's final form.
    expect(text(arabicForms(cps('سلام')))).toBe('\ufeb3\ufefc\ufee1');
    // A space and Latin letters break joining; marks between letters do not.
    expect(text(arabicForms(cps('ب ب')))).toBe('\ufe8f \ufe8f');
    expect(text(arabicForms(cps('بَب')))).toBe('\ufe91\u064e\ufe90');
    expect(text(arabicForms(cps('ab')))).toBe('ab');
  });

  it('maps every form back to its letters for the ToUnicode map', () => {
    for (const word of ['تقرير', 'سلام', 'صفقة رابحة', 'پنجره', 'لا']) {
      const shaped = arabicForms(cps(word));
      expect(text(shaped.flatMap((cp) => baseOfForm(cp) ?? [cp]))).toBe(word);
    }
    expect(baseOfForm(0x41)).toBeNull();
  });
});

describe('PDF fonts', () => {
  it('resolve from node_modules, and from app.asar.unpacked inside a packaged app', () => {
    for (const key of Object.keys(PDF_FONT_FILES) as (keyof typeof PDF_FONT_FILES)[]) {
      expect(pdfFontPath(key)).toMatch(/node_modules\/@expo-google-fonts\/.*\.ttf$/);
    }
    const dir = mkdtempSync(join(tmpdir(), 'spark-asar-'));
    try {
      const inAsar = join(dir, 'resources', 'app.asar', 'node_modules', PDF_FONT_FILES.cjk);
      const unpacked = join(dir, 'resources', 'app.asar.unpacked', 'node_modules', PDF_FONT_FILES.cjk);
      // Not unpacked: the asar path as resolved (Electron's fs reads it there).
      expect(pdfFontPath('cjk', () => inAsar)).toBe(inAsar);
      mkdirSync(join(unpacked, '..'), { recursive: true });
      writeFileSync(unpacked, 'font');
      expect(pdfFontPath('cjk', () => inAsar)).toBe(unpacked);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tries the likely fallback first and names what none draws', () => {
    expect(fallbackHint(0x05d0)).toBe('hebrew');
    expect(fallbackHint(0x0627)).toBe('arabic');
    expect(fallbackHint(0xfeb3)).toBe('arabic');
    expect(fallbackHint(0x1f600)).toBe('emoji');
    expect(fallbackHint(0x65e5)).toBe('cjk');
    expect(placeholderFor(0x1f600)).toBe('[U+1F600]');
    expect(placeholderFor(0x3a3)).toBe('[U+03A3]');
  });
});
