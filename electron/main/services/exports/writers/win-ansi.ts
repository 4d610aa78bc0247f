/**
 * Text for the PDF standard fonts, which speak WinAnsi (Windows-1252): a JS string whose char
 * codes are the bytes to write. Characters outside WinAnsi become '?'.
 */
const SPECIALS: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** The Unicode character each WinAnsi byte 0x80..0x9f stands for (for width lookups). */
export const WIN_ANSI_TO_UNICODE: Record<number, string> = Object.fromEntries(
  Object.entries(SPECIALS).map(([unicode, byte]) => [byte, String.fromCharCode(Number(unicode))]),
);

const ASCII_SAFE = /^[\x20-\x7e]*$/;

export function toWinAnsi(text: string): string {
  if (ASCII_SAFE.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code >= 0xa0 && code <= 0xff) out += ch;
    else if (code === 0x09 || code === 0x0a || code === 0x0d) out += ' ';
    else {
      const special = SPECIALS[code];
      out += special === undefined ? '?' : String.fromCharCode(special);
    }
  }
  return out;
}

/** A WinAnsi string as a PDF literal string body. */
export function pdfLiteral(winAnsi: string): string {
  return winAnsi.replace(/[\\()]/g, (c) => `\\${c}`);
}
