/**
 * Arabic joining for PDF text: each letter of a logical Arabic run becomes its isolated,
 * final, initial or medial presentation form (Unicode Arabic Presentation Forms-A/B), and
 * lam + alef their ligature. Each presentation form has a glyph of its own in Noto Sans Arabic,
 * so the PDF's ToUnicode map can name the base letter of every glyph exactly (see
 * pdf-fontkit.ts); the font's own shaping (ccmp) builds letters from shared dotless bodies and
 * dot marks, which no ToUnicode map can tell apart.
 */

/** Presentation forms of each joining letter: [isolated, final] or [isolated, final, initial, medial]. */
const FORMS = new Map<number, number[]>();
/** Lam + alef variants: [isolated, final] ligatures. */
const LAM_ALEF = new Map<number, [number, number]>([
  [0x0622, [0xfef5, 0xfef6]],
  [0x0623, [0xfef7, 0xfef8]],
  [0x0625, [0xfef9, 0xfefa]],
  [0x0627, [0xfefb, 0xfefc]],
]);
const LAM = 0x0644;
const TATWEEL = 0x0640;

// Presentation Forms-B lists the forms of each letter together, in the order isolated,
// final[, initial, medial]: the NFKC decomposition of each form names its letter.
for (let cp = 0xfe80; cp <= 0xfef4; cp++) {
  const base = String.fromCodePoint(cp).normalize('NFKC').codePointAt(0)!;
  const forms = FORMS.get(base) ?? [];
  forms.push(cp);
  FORMS.set(base, forms);
}
// Persian and Urdu letters, from Presentation Forms-A.
for (const [base, first, count] of [
  [0x067e, 0xfb56, 4],
  [0x0686, 0xfb7a, 4],
  [0x0698, 0xfb8a, 2],
  [0x06a9, 0xfb8e, 4],
  [0x06af, 0xfb92, 4],
  [0x06cc, 0xfbfc, 4],
] as const) {
  FORMS.set(base, Array.from({ length: count }, (_, i) => first + i));
}

const isTransparent = (cp: number) => (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x06d6 && cp <= 0x06ed);
const dualJoining = (cp: number) => (FORMS.get(cp)?.length ?? 0) === 4 || cp === TATWEEL;
const joins = (cp: number) => FORMS.has(cp) || cp === TATWEEL;

/** The presentation forms of a logical run of Arabic text (still in logical order). */
export function arabicForms(codePoints: readonly number[]): number[] {
  const out: number[] = [];
  const neighbour = (from: number, step: 1 | -1) => {
    for (let j = from + step; j >= 0 && j < codePoints.length; j += step) if (!isTransparent(codePoints[j]!)) return codePoints[j]!;
    return null;
  };
  for (let i = 0; i < codePoints.length; i++) {
    const cp = codePoints[i]!;
    const forms = FORMS.get(cp);
    if (!forms) {
      out.push(cp);
      continue;
    }
    const prev = neighbour(i, -1);
    const joinsPrev = prev !== null && dualJoining(prev);
    const next = neighbour(i, 1);
    if (cp === LAM && next !== null && LAM_ALEF.has(next) && codePoints[i + 1] === next) {
      out.push(LAM_ALEF.get(next)![joinsPrev ? 1 : 0]);
      i++;
      continue;
    }
    const joinsNext = next !== null && forms.length === 4 && joins(next);
    const form = joinsPrev && joinsNext ? 3 : joinsPrev ? 1 : joinsNext ? 2 : 0;
    out.push(forms[form] ?? forms[0]!);
  }
  return out;
}

/** The letters a presentation form stands for (its NFKC decomposition), for the ToUnicode map. */
export function baseOfForm(cp: number): number[] | null {
  if (!((cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc))) return null;
  return [...String.fromCodePoint(cp).normalize('NFKC')].map((c) => c.codePointAt(0)!);
}
