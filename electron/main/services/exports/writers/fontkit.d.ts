// fontkit 2 ships no types; this is the part pdf-fontkit.ts calls (the rest goes through pdf-lib's own types).
declare module 'fontkit' {
  export function create(buffer: Buffer): Record<string, unknown>;
}
