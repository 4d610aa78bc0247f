import { createWriteStream, mkdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { LogSink } from './services/logging';

export interface FileLog {
  sink: LogSink;
  file: string;
  /** Flushes buffered lines; resolves once they are on disk. */
  close(): Promise<void>;
}

export interface FileLogOptions {
  /** Rotate at start-up once the current file is larger than this. */
  maxBytes?: number;
  /** How many rotated files to keep (main.1.log is the newest). */
  keep?: number;
}

/**
 * JSON log lines appended to `<folder>/main.log`. Writes go through a stream so logging
 * never blocks the main process; files rotate at start-up so a long-lived install
 * cannot fill the disk with logs.
 */
export function openFileLog(folder: string, options: FileLogOptions = {}): FileLog {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'main.log');
  const rotated = (n: number) => join(folder, `main.${n}.log`);

  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    size = 0;
  }
  if (size > maxBytes) {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      try {
        renameSync(rotated(n), rotated(n + 1));
      } catch {
        // A missing older file is the normal case.
      }
    }
    renameSync(file, rotated(1));
  }

  const stream: WriteStream = createWriteStream(file, { flags: 'a' });
  let failed = false;
  stream.on('error', () => {
    // A full or read-only disk must not crash the app through its logger.
    failed = true;
  });
  return {
    file,
    sink: (line) => {
      if (!failed && !stream.closed) stream.write(`${line}\n`);
    },
    close: () =>
      new Promise((resolve) => {
        if (stream.closed) return resolve();
        stream.end(() => resolve());
      }),
  };
}
