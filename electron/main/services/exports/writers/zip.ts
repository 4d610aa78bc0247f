import type { TransformOptions } from 'node:stream';
import { crc32, createDeflateRaw, deflateRawSync, type DeflateRaw, type ZlibOptions } from 'node:zlib';
import type { ByteSink } from './types';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
// Bit 3: sizes follow the data (streamed entries); bit 11: names are UTF-8.
const FLAGS = 0x0808;
const DEFLATE = 8;
const ZIP32_MAX = 0xffffffff;

interface EntryRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export class ZipTooLargeError extends Error {
  constructor() {
    super('The file grew past 4 GiB, the most a standard ZIP (and so an XLSX) can hold.');
    this.name = 'ZipTooLargeError';
  }
}

/** A streamed entry: text in, deflated bytes out to the sink as they come. */
export interface ZipEntryStream {
  write(chunk: string): void;
  ready(): Promise<void> | null;
  end(): Promise<void>;
}

/**
 * A minimal streaming ZIP writer (deflate, data descriptors, no ZIP64): what an XLSX package
 * needs, with nothing held in memory beyond the deflater's window and the sink's buffer.
 */
export class ZipWriter {
  private readonly entries: EntryRecord[] = [];
  private offset = 0;
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly sink: ByteSink,
    modifiedAt: Date,
    private readonly level = 1,
  ) {
    this.stamp = dosDateTime(modifiedAt);
  }

  private emit(bytes: Uint8Array): void {
    this.offset += bytes.length;
    if (this.offset > ZIP32_MAX) throw new ZipTooLargeError();
    this.sink.write(bytes);
  }

  private localHeader(name: Buffer): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // crc and sizes stay 0 here: the data descriptor carries them.
    header.writeUInt16LE(name.length, 26);
    return Buffer.concat([header, name]);
  }

  private descriptor(entry: EntryRecord): Buffer {
    const buffer = Buffer.alloc(16);
    buffer.writeUInt32LE(DATA_DESCRIPTOR, 0);
    buffer.writeUInt32LE(entry.crc >>> 0, 4);
    buffer.writeUInt32LE(entry.compressed, 8);
    buffer.writeUInt32LE(entry.size, 12);
    return buffer;
  }

  /** A small entry written in one go. */
  addFile(fileName: string, content: string): void {
    const name = Buffer.from(fileName, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const compressed = deflateRawSync(data, { level: 6 });
    const entry: EntryRecord = { name, crc: crc32(data), compressed: compressed.length, size: data.length, offset: this.offset };
    this.emit(this.localHeader(name));
    this.emit(compressed);
    this.emit(this.descriptor(entry));
    this.entries.push(entry);
  }

  /** A large entry fed in chunks; only one may be open at a time. */
  openStream(fileName: string): ZipEntryStream {
    const name = Buffer.from(fileName, 'utf8');
    const entry: EntryRecord = { name, crc: 0, compressed: 0, size: 0, offset: this.offset };
    this.emit(this.localHeader(name));
    // A few MiB of input may wait for the deflater, so the next rows are built on this thread
    // while zlib compresses the previous ones on the thread pool.
    // (Node passes stream options through; @types/node only lists the zlib ones.)
    const options: ZlibOptions & TransformOptions = { level: this.level, chunkSize: 64 * 1024, writableHighWaterMark: 4 * 1024 * 1024 };
    const deflate: DeflateRaw = createDeflateRaw(options);
    let failure: Error | null = null;
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      try {
        this.emit(chunk);
      } catch (error) {
        failure = error as Error;
        deflate.destroy(failure);
      }
    });
    deflate.on('error', (error) => {
      failure ??= error;
    });
    const check = () => {
      if (failure) throw failure;
    };
    return {
      write: (chunk) => {
        check();
        const data = Buffer.from(chunk, 'utf8');
        entry.crc = crc32(data, entry.crc);
        entry.size += data.length;
        if (entry.size > ZIP32_MAX) throw new ZipTooLargeError();
        deflate.write(data);
      },
      ready: () => {
        check();
        const sinkReady = this.sink.ready();
        if (!deflate.writableNeedDrain) return sinkReady;
        const drained = new Promise<void>((resolve, reject) => {
          const onDrain = () => {
            deflate.off('error', onError);
            resolve();
          };
          const onError = (error: Error) => {
            deflate.off('drain', onDrain);
            reject(error);
          };
          deflate.once('drain', onDrain);
          deflate.once('error', onError);
        });
        return sinkReady ? Promise.all([drained, sinkReady]).then(() => undefined) : drained;
      },
      end: async () => {
        check();
        await new Promise<void>((resolve, reject) => {
          deflate.once('end', resolve);
          deflate.once('error', reject);
          deflate.end();
          // 'end' only fires once the readable side is consumed; 'data' listeners do that.
        });
        check();
        this.emit(this.descriptor(entry));
        this.entries.push(entry);
      },
    };
  }

  /** Writes the central directory; the archive is complete once the sink is flushed. */
  finish(): void {
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.date, 14);
      header.writeUInt32LE(entry.crc >>> 0, 16);
      header.writeUInt32LE(entry.compressed, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(entry.offset, 42);
      this.emit(Buffer.concat([header, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.emit(end);
  }
}
