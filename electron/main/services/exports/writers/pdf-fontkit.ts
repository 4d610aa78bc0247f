import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';
import { baseOfForm } from './arabic-forms';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** What this app uses of a fontkit face besides what pdf-lib does. */
export interface FontFace {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface FontkitSubset {
  encode(): Uint8Array;
}

/**
 * fontkit 2 for pdf-lib. pdf-lib was written against its fork of fontkit 1 (@pdf-lib/fontkit),
 * whose subsetter drops glyphs of current Noto builds (measured: most Latin letters of Noto
 * Sans vanished from the rendered page). fontkit 2 subsets them correctly; it encodes a subset
 * in one call instead of pdf-lib's expected stream, which this adapter provides. Glyphs of Arabic
 * presentation forms report their letters (see arabic-forms.ts).
 */
export const pdfFontkit: Fontkit = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // A presentation form's glyph stands for its letter: the ToUnicode map says the letter.
    const layout = (font.layout as (text: string, features?: unknown) => { glyphs: { codePoints: number[] }[] }).bind(font);
    font.layout = (text: string, features?: unknown) => {
      const run = layout(text, features);
      for (const glyph of run.glyphs) {
        const base = glyph.codePoints.length === 1 ? baseOfForm(glyph.codePoints[0]!) : null;
        if (base) glyph.codePoints = base;
      }
      return run;
    };
    const createSubset = (font.createSubset as () => FontkitSubset).bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      return Object.assign(subset, {
        encodeStream() {
          const data = subset.encode();
          const stream = {
            on(event: string, listener: (chunk?: Uint8Array) => void) {
              if (event === 'data') listener(data);
              if (event === 'end') listener();
              return stream;
            },
          };
          return stream;
        },
      });
    };
    return font as unknown as ReturnType<Fontkit['create']>;
  },
};

export function openFace(bytes: Uint8Array): FontFace {
  return pdfFontkit.create(bytes) as unknown as FontFace;
}
