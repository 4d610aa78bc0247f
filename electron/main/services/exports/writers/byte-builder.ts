import type { ByteSink } from './types';

const DAY_MS = 86_400_000;
/** "00" to "99" as ASCII byte pairs. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i % 2 === 0 ? Math.floor(i / 20) : Math.floor(i / 2) % 10));

/** Digits of a non-negative safe integer. */
function decimalWidth(n: number): number {
  let width = 1;
  for (let bound = 10; n >= bound && width < 16; bound *= 10) width++;
  return width;
}
/** The first chunk is small so the first bytes (and progress) reach the file soon; each next one doubles up to MAX_CHUNK. */
const FIRST_CHUNK = 32 * 1024;
/** Big writes are measurably cheaper on a million-row export (fewer syscalls and awaits). */
const MAX_CHUNK = 256 * 1024;

/**
 * Builds output bytes directly in a buffer: digits of integers, cents and times are written
 * as bytes and ASCII text is copied char by char, so a million-row CSV allocates no string per
 * cell and needs no UTF-8 pass over the whole file (non-ASCII text takes Buffer#utf8Write).
 * Measured on the 1M-trade benchmark it took a third off the CPU a CSV export spends beyond
 * the SQLite scan. Full chunks go to the sink as they fill and come back to be refilled once
 * written: dead 256 KiB buffers otherwise pile up until a GC notices them (about 45 MiB of
 * peak RSS on that benchmark).
 */
export class ByteBuilder {
  private buf: Buffer = Buffer.allocUnsafe(FIRST_CHUNK);
  private pos = 0;
  /** Chunks the sink has written and handed back, refilled instead of allocating new ones. */
  private readonly spare: Buffer[] = [];
  /** Per slot: the day cached and its 'YYYY-MM-DDT' as bytes. */
  private readonly isoDays: number[] = [];
  private readonly isoPrefixes: Uint8Array[] = [];

  constructor(private readonly sink: ByteSink) {}

  /** Room for `bytes` more; a chunk that would overflow goes to the sink first. */
  ensure(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    this.flush();
    // Callers never ask for more than MAX_CHUNK; an early, smaller chunk may still be short.
    if (bytes > this.buf.length) this.buf = Buffer.allocUnsafe(MAX_CHUNK);
  }

  flush(): void {
    if (this.pos === 0) return;
    const full = this.buf;
    if (this.sink.writeOwned) this.sink.writeOwned(full.subarray(0, this.pos), () => this.spare.push(full));
    else this.sink.write(full.subarray(0, this.pos));
    const size = Math.min(MAX_CHUNK, full.length * 2);
    const spare = this.spare.pop();
    this.buf = spare && spare.length === size ? spare : Buffer.allocUnsafe(size);
    this.pos = 0;
  }

  byte(code: number): void {
    this.buf[this.pos++] = code;
  }

  /** A string of any size and content, as UTF-8. */
  utf8(text: string): void {
    const max = text.length * 3;
    if (max > MAX_CHUNK) {
      this.flush();
      this.sink.write(Buffer.from(text, 'utf8'));
      return;
    }
    this.ensure(max);
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  /** Mostly-ASCII text copied byte by byte; anything else falls back to UTF-8. */
  ascii(text: string): void {
    if (text.length >= MAX_CHUNK) {
      this.utf8(text);
      return;
    }
    this.ensure(text.length);
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) {
        this.pos = start;
        this.utf8(text);
        return;
      }
      buf[p++] = code;
    }
    this.pos = p;
  }

  /** `n` (a non-negative integer below 10^width) in exactly `width` digits, two at a time. */
  private digits(n: number, width: number): void {
    const buf = this.buf;
    let p = this.pos + width;
    this.pos = p;
    for (; width >= 2; width -= 2) {
      const q = Math.floor(n / 100);
      const pair = (n - q * 100) * 2;
      buf[--p] = PAIRS[pair + 1]!;
      buf[--p] = PAIRS[pair]!;
      n = q;
    }
    if (width === 1) buf[--p] = 48 + n;
  }

  /** A safe integer in decimal. */
  int(n: number): void {
    this.ensure(17);
    if (n < 0) {
      this.buf[this.pos++] = 45;
      n = -n;
    }
    this.digits(n, decimalWidth(n));
  }

  /**
   * A double as String(v) writes it. Prices and quantities mostly have a few decimals: when
   * v is exactly k / 10^6 for an integer k and |v| < 1e9, that decimal is the shortest one that
   * round-trips (two 6-decimal values that far apart cannot share a double below 1e9), which
   * is what String(v) prints; it is written digit by digit. Anything else goes via String.
   */
  number(v: number): void {
    const abs = v < 0 ? -v : v;
    const k = Math.round(abs * 1e6);
    if (abs >= 1e-6 && abs < 1e9 && k / 1e6 === abs) {
      this.ensure(18);
      if (v < 0) this.buf[this.pos++] = 45;
      const whole = Math.floor(k / 1e6);
      this.digits(whole, decimalWidth(whole));
      const fraction = k - whole * 1e6;
      if (fraction !== 0) {
        this.buf[this.pos++] = 46;
        this.digits(fraction, 6);
        // String(v) has no trailing zeros; the fraction is not 0, so a non-zero digit stays.
        while (this.buf[this.pos - 1] === 48) this.pos--;
      }
      return;
    }
    this.ascii(String(v));
  }

  /** Integer cents as an exact decimal ("-12.05"). */
  cents(cents: number): void {
    this.ensure(20);
    if (cents < 0) {
      this.buf[this.pos++] = 45;
      cents = -cents;
    }
    const whole = Math.floor(cents / 100);
    this.digits(whole, decimalWidth(whole));
    this.buf[this.pos++] = 46;
    this.digits(cents - whole * 100, 2);
  }

  /**
   * Epoch ms as ISO 8601 UTC, the same text as Date#toISOString. The date part is cached per
   * `slot` (one per column: an open and a close time are often on different days).
   */
  iso(ms: number, slot = 0): void {
    const day = Math.floor(ms / DAY_MS);
    let prefix = this.isoPrefixes[slot];
    if (prefix === undefined) {
      prefix = new Uint8Array(11);
      this.isoPrefixes[slot] = prefix;
      this.isoDays[slot] = Number.NaN;
    }
    if (day !== this.isoDays[slot]) {
      const iso = new Date(day * DAY_MS).toISOString();
      if (iso.length !== 24) {
        this.ascii(new Date(ms).toISOString());
        return;
      }
      this.isoDays[slot] = day;
      for (let i = 0; i < 11; i++) prefix[i] = iso.charCodeAt(i);
    }
    this.ensure(24);
    const buf = this.buf;
    buf.set(prefix, this.pos);
    this.pos += 11;
    let rest = ms - day * DAY_MS;
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const s = Math.floor(rest / 1000);
    this.digits(h, 2);
    buf[this.pos++] = 58;
    this.digits(m, 2);
    buf[this.pos++] = 58;
    this.digits(s, 2);
    buf[this.pos++] = 46;
    this.digits(Math.floor(rest - s * 1000), 3);
    buf[this.pos++] = 90;
  }

  /**
   * A CSV text cell: copied as is when it is plain ASCII without quotes, commas or line
   * breaks (the common case), else rendered by `slow` (quoting, guard) as UTF-8. A cell that
   * starts like a formula gets the guard apostrophe either way.
   */
  csvCell(text: string, slow: (text: string) => string): void {
    const first = text.charCodeAt(0);
    const guard = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
    if (text.length >= MAX_CHUNK) {
      this.utf8(slow(text));
      return;
    }
    this.ensure(text.length + 1);
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    if (guard) buf[p++] = 39;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128 || code === 34 || code === 44 || code === 10 || code === 13) {
        this.pos = start;
        this.utf8(slow(text));
        return;
      }
      buf[p++] = code;
    }
    this.pos = p;
  }

  /** Bytes prepared once (a JSON key, a separator). */
  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  /**
   * A JSON string: printable ASCII without quotes or backslashes (the common case) is copied
   * between quotes; anything else goes through JSON.stringify, so escapes are exactly its own.
   */
  jsonString(text: string): void {
    if (text.length + 2 >= MAX_CHUNK) {
      this.utf8(JSON.stringify(text));
      return;
    }
    this.ensure(text.length + 2);
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    buf[p++] = 34;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 32 || code >= 127 || code === 34 || code === 92) {
        this.pos = start;
        this.utf8(JSON.stringify(text));
        return;
      }
      buf[p++] = code;
    }
    buf[p++] = 34;
    this.pos = p;
  }
}
