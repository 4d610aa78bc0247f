import bidiFactory from 'bidi-js';
import type { PDFDocument, PDFFont, PDFRef } from 'pdf-lib';
import { FALLBACK_KEYS, fallbackHint, readPdfFont, type FallbackKey } from './pdf-fonts';
import { openFace, pdfFontkit, type FontFace } from './pdf-fontkit';
import { arabicForms } from './arabic-forms';

export type TextStyle = 'regular' | 'bold';

interface Slot {
  /** The font's resource name on every page (/F1, /F2, ...). */
  name: string;
  pdf: PDFFont;
}

interface Glyph {
  slot: Slot;
  /** The glyph's two-byte code as a PDF literal-string body (escaped), in latin1 characters. */
  code: string;
  /** Advance width at 1 pt. */
  width: number;
}

const ASCII_SAFE = /^[\x20-\x7e]*$/;
const RTL_TEXT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]/;
const ARABIC = /[\u0600-\u06ff]/;
/** Zero-width joiners, variation selectors, bidi marks, BOM: no glyph of their own, never a placeholder. */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfe0e, 0xfe0f, 0xfeff]);
const ELLIPSIS = 0x2026;

const bidi = bidiFactory();

/**
 * A 2-byte glyph code (4 hex digits from pdf-lib) as it goes inside a PDF literal string:
 * half the size of hex in the content stream, which the writer deflates page by page.
 */
function literalCode(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else out += String.fromCharCode(byte);
  }
  return out;
}

/** A code point that no bundled font draws: shown as "[U+1F600]", never a silent "?". */
export const placeholderFor = (cp: number) => `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;

/**
 * Turns Unicode text into PDF text operators over embedded font subsets: Noto Sans (regular and
 * bold) first, then the fallback fonts for what it lacks (Hebrew, Arabic, CJK, emoji), each
 * embedded only once an export's text needs it. Right-to-left text is put in visual order with
 * the Unicode bidi algorithm (bidi-js); Arabic letters take their joining forms (arabic-forms.ts).
 * Every glyph keeps its code points in the font's ToUnicode map, so the text can be copied and
 * searched.
 *
 * Per-code-point glyph codes and widths are cached: plain ASCII (most cells) costs a lookup
 * per character. Fallbacks are embedded asynchronously (pdf-lib), so callers first `need()` the
 * text, then `embedNeeded()` when `hasNeeds()`, then draw.
 */
export class PdfText {
  private readonly primary: Record<TextStyle, Slot>;
  private readonly primaryFont: FontFace;
  private readonly fallbacks = new Map<FallbackKey, Slot>();
  /** fontkit faces of the fallbacks, loaded (synchronously) to learn which one holds a code point. */
  private readonly coverage = new Map<FallbackKey, FontFace>();
  /** Code point -> the fallback that draws it (null: none does). */
  private readonly routes = new Map<number, FallbackKey | null>();
  private readonly wanted = new Set<FallbackKey>();
  private readonly glyphs: Record<TextStyle, Map<number, Glyph>> = { regular: new Map(), bold: new Map() };
  private readonly asciiCode: Record<TextStyle, string[]>;
  private readonly asciiWidth: Record<TextStyle, Float64Array>;

  private constructor(
    private readonly doc: PDFDocument,
    regular: PDFFont,
    bold: PDFFont,
    primaryFont: FontFace,
  ) {
    this.primary = { regular: { name: 'F1', pdf: regular }, bold: { name: 'F2', pdf: bold } };
    this.primaryFont = primaryFont;
    this.asciiCode = { regular: [], bold: [] };
    this.asciiWidth = { regular: new Float64Array(128), bold: new Float64Array(128) };
    for (const style of ['regular', 'bold'] as const) {
      for (let code = 0x20; code < 0x7f; code++) {
        const glyph = this.glyph(style, code)!;
        this.asciiCode[style][code] = glyph.code;
        this.asciiWidth[style][code] = glyph.width;
      }
    }
  }

  static async create(doc: PDFDocument): Promise<PdfText> {
    doc.registerFontkit(pdfFontkit);
    const regularBytes = readPdfFont('regular');
    const [regular, bold] = await Promise.all([
      doc.embedFont(regularBytes, { subset: true }),
      doc.embedFont(readPdfFont('bold'), { subset: true }),
    ]);
    return new PdfText(doc, regular, bold, openFace(regularBytes));
  }

  /** Every embedded font with its resource name, for a page's font dictionary. */
  fonts(): { name: string; ref: PDFRef }[] {
    return [this.primary.regular, this.primary.bold, ...this.fallbacks.values()].map((s) => ({ name: s.name, ref: s.pdf.ref }));
  }

  /** Notes the fallback fonts `text` needs that are not embedded yet. */
  need(text: string): void {
    if (ASCII_SAFE.test(text)) return;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) continue;
      const key = this.route(cp);
      if (key !== null && !this.fallbacks.has(key)) this.wanted.add(key);
    }
  }

  hasNeeds(): boolean {
    return this.wanted.size > 0;
  }

  async embedNeeded(): Promise<void> {
    for (const key of [...this.wanted]) {
      const pdf = await this.doc.embedFont(readPdfFont(key), { subset: true });
      this.fallbacks.set(key, { name: `F${3 + this.fallbacks.size}`, pdf });
      this.wanted.delete(key);
    }
  }

  /** Width of `text` at `size` (as drawn by `ops`, before any cut). */
  width(text: string, style: TextStyle, size: number): number {
    return this.layout(text, style, size, Number.POSITIVE_INFINITY).width;
  }

  /**
   * PDF operators that draw `text` (inside BT..ET, after the caller's Tm), cut with an ellipsis
   * to `maxWidth` points, and the width drawn.
   */
  layout(text: string, style: TextStyle, size: number, maxWidth: number): { ops: string; width: number } {
    if (ASCII_SAFE.test(text)) return this.ascii(text, style, size, maxWidth);
    return this.unicode(text, style, size, maxWidth);
  }

  private ascii(text: string, style: TextStyle, size: number, maxWidth: number): { ops: string; width: number } {
    const widths = this.asciiWidth[style];
    const codes = this.asciiCode[style];
    const max = maxWidth / size;
    let width = 0;
    for (let i = 0; i < text.length; i++) width += widths[text.charCodeAt(i)]!;
    let bytes = '';
    if (width <= max) {
      for (let i = 0; i < text.length; i++) bytes += codes[text.charCodeAt(i)]!;
    } else {
      const ellipsis = this.glyph(style, ELLIPSIS)!;
      width = ellipsis.width;
      for (let i = 0; i < text.length; i++) {
        const w = widths[text.charCodeAt(i)]!;
        if (width + w > max) break;
        width += w;
        bytes += codes[text.charCodeAt(i)]!;
      }
      bytes += ellipsis.code;
    }
    return { ops: `/${this.primary[style].name} ${size} Tf (${bytes}) Tj\n`, width: width * size };
  }

  private unicode(text: string, style: TextStyle, size: number, maxWidth: number): { ops: string; width: number } {
    // Code points as drawn, in logical order: controls become spaces, what no font draws a placeholder.
    const chars: string[] = [];
    const glyphs: Glyph[] = [];
    const push = (ch: string, glyph: Glyph) => {
      chars.push(ch);
      glyphs.push(glyph);
    };
    const normalized = text.normalize('NFC');
    const codePoints = [...normalized].map((c) => c.codePointAt(0)!);
    for (const cp of ARABIC.test(normalized) ? arabicForms(codePoints) : codePoints) {
      const ch = String.fromCodePoint(cp);
      if (INVISIBLE.has(cp)) continue;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
        push(' ', this.glyph(style, 0x20)!);
        continue;
      }
      const glyph = this.glyph(style, cp);
      if (glyph) push(ch, glyph);
      else for (const p of placeholderFor(cp)) push(p, this.glyph(style, p.charCodeAt(0))!);
    }
    // Cut to the width in logical order, so the start of the text stays.
    const max = maxWidth / size;
    let width = glyphs.reduce((sum, g) => sum + g.width, 0);
    if (width > max) {
      const ellipsis = this.glyph(style, ELLIPSIS)!;
      let kept = 0;
      width = ellipsis.width;
      while (kept < glyphs.length && width + glyphs[kept]!.width <= max) width += glyphs[kept++]!.width;
      chars.length = kept;
      glyphs.length = kept;
      push('\u2026', ellipsis);
    }

    // Embedding levels (bidi-js works on UTF-16 offsets), then runs of one font and one level.
    const joined = chars.join('');
    const levelsByUnit = RTL_TEXT.test(joined) ? bidi.getEmbeddingLevels(joined).levels : null;
    const levels: number[] = [];
    for (let i = 0, unit = 0; i < chars.length; unit += chars[i]!.length, i++) levels.push(levelsByUnit ? levelsByUnit[unit]! : 0);
    const runs: { slot: Slot; level: number; from: number; to: number }[] = [];
    for (let i = 0; i < chars.length; i++) {
      const last = runs[runs.length - 1];
      if (last && last.slot === glyphs[i]!.slot && last.level === levels[i]) last.to = i + 1;
      else runs.push({ slot: glyphs[i]!.slot, level: levels[i]!, from: i, to: i + 1 });
    }
    // Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above.
    const highest = Math.max(0, ...levels);
    const lowestOdd = levels.reduce((m, l) => (l % 2 === 1 && l < m ? l : m), Number.POSITIVE_INFINITY);
    for (let level = highest; level >= lowestOdd && level > 0; level--) {
      for (let i = 0; i < runs.length; ) {
        if (runs[i]!.level < level) {
          i++;
          continue;
        }
        let j = i;
        while (j < runs.length && runs[j]!.level >= level) j++;
        runs.splice(i, j - i, ...runs.slice(i, j).reverse());
        i = j;
      }
    }

    let ops = '';
    for (const run of runs) {
      let bytes = '';
      const rtl = run.level % 2 === 1;
      if (rtl) {
        // Right to left on the page: reversed, brackets mirrored.
        for (let i = run.to - 1; i >= run.from; i--) {
          const mirrored = bidi.getMirroredCharacter(chars[i]!);
          bytes += mirrored ? (this.glyph(style, mirrored.codePointAt(0)!) ?? glyphs[i]!).code : glyphs[i]!.code;
        }
      } else {
        for (let i = run.from; i < run.to; i++) bytes += glyphs[i]!.code;
      }
      ops += `/${run.slot.name} ${size} Tf (${bytes}) Tj\n`;
    }
    return { ops, width: width * size };
  }

  /** The fallback that holds `cp` (the likely one first), loading faces as needed; null when none does. */
  private route(cp: number): FallbackKey | null {
    if (this.routes.has(cp)) return this.routes.get(cp)!;
    let found: FallbackKey | null = null;
    if (!this.primaryFont.hasGlyphForCodePoint(cp)) {
      const hint = fallbackHint(cp);
      for (const key of [hint, ...FALLBACK_KEYS.filter((k) => k !== hint)]) {
        let face = this.coverage.get(key);
        if (!face) {
          face = openFace(readPdfFont(key));
          this.coverage.set(key, face);
        }
        if (face.hasGlyphForCodePoint(cp)) {
          found = key;
          break;
        }
      }
    }
    this.routes.set(cp, found);
    return found;
  }

  /** The glyph code and width of one code point, in the primary font or an embedded fallback; null: a placeholder. */
  private glyph(style: TextStyle, cp: number): Glyph | null {
    const cached = this.glyphs[style].get(cp);
    if (cached) return cached;
    let slot: Slot | undefined;
    if (this.primaryFont.hasGlyphForCodePoint(cp)) slot = this.primary[style];
    else {
      const key = this.route(cp);
      slot = key === null ? undefined : this.fallbacks.get(key);
      if (key !== null && !slot) throw new Error(`PDF font ${key} was not embedded before drawing U+${cp.toString(16)}`);
    }
    if (!slot) return null;
    const ch = String.fromCodePoint(cp);
    const glyph = { slot, code: literalCode(slot.pdf.encodeText(ch).asString()), width: slot.pdf.widthOfTextAtSize(ch, 1) };
    this.glyphs[style].set(cp, glyph);
    return glyph;
  }
}
