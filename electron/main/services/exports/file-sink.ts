import { dirname } from 'node:path';
import type { FileOps } from './file-ops';
import type { ByteSink } from './writers/types';

const HIGH_WATER = 4 * 1024 * 1024;

/**
 * Each run writes its own partial file, named for its run token: a process that lost a job
 * (its lease expired and another process took it over) can only ever remove its own file,
 * never the partial of the run that now holds the job.
 */
export const partialPathFor = (target: string, runToken: string) => `${target}.${runToken}.partial`;

/** Puts the finished file in place; a commit guard wraps it (checks the run still owns the job). */
export type Commit = (rename: () => Promise<void>) => Promise<void>;

/**
 * Writes an export to `<target>.partial`, one write at a time, reporting backpressure past
 * the high-water mark; finish() flushes, fsyncs and renames onto the target, abort() removes
 * the partial file. A write error is kept and thrown at the next ready()/finish().
 */
export class FileSink implements ByteSink {
  private handle: number | null = null;
  private readonly queue: { data: Uint8Array; release: (() => void) | null }[] = [];
  private queuedBytes = 0;
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  private waiters: (() => void)[] = [];
  bytes = 0;
  readonly partialPath: string;

  private constructor(
    private readonly ops: FileOps,
    readonly targetPath: string,
    partialPath: string,
  ) {
    this.partialPath = partialPath;
  }

  static async open(ops: FileOps, targetPath: string, partialPath: string): Promise<FileSink> {
    const sink = new FileSink(ops, targetPath, partialPath);
    sink.handle = await ops.open(sink.partialPath);
    return sink;
  }

  write(chunk: string | Uint8Array): void {
    this.enqueue(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, null);
  }

  writeOwned(chunk: Uint8Array, release: () => void): void {
    this.enqueue(chunk, release);
  }

  private enqueue(data: Uint8Array, release: (() => void) | null): void {
    if (data.length === 0) {
      release?.();
      return;
    }
    this.bytes += data.length;
    if (this.failure) return;
    this.queue.push({ data, release });
    this.queuedBytes += data.length;
    this.writing ??= this.pump();
  }

  private async pump(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.failure) {
        const { data, release } = this.queue.shift()!;
        await this.ops.write(this.handle!, data);
        this.queuedBytes -= data.length;
        release?.();
        this.wake();
      }
    } catch (error) {
      this.failure = error;
      this.queue.length = 0;
      this.queuedBytes = 0;
    } finally {
      this.writing = null;
      this.wake();
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  ready(): Promise<void> | null {
    this.check();
    if (this.queuedBytes < HIGH_WATER) return null;
    return (async () => {
      while (this.queuedBytes >= HIGH_WATER && this.writing) {
        await new Promise<void>((resolve) => this.waiters.push(resolve));
        this.check();
      }
    })();
  }

  /**
   * Waits until every queued byte is written, calling `between` after each write so the
   * caller can stop (cancel, shutdown, memory) while a slow disk catches up.
   */
  async drain(between: () => void = () => undefined): Promise<void> {
    while (this.writing) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      this.check();
      between();
    }
    this.check();
  }

  /** Makes the file durable and atomically puts it in place, through `commit` (which may refuse). */
  async finish(commit: Commit = (rename) => rename()): Promise<void> {
    await this.drain();
    await this.ops.sync(this.handle!);
    const handle = this.handle!;
    this.handle = null;
    await this.ops.close(handle);
    await commit(() => this.ops.rename(this.partialPath, this.targetPath));
    await this.ops.syncDir(dirname(this.targetPath));
  }

  /** Stops writing and removes the partial file; never throws. */
  async abort(): Promise<void> {
    this.failure ??= new Error('aborted');
    this.queue.length = 0;
    while (this.writing) await this.writing.catch(() => undefined);
    if (this.handle !== null) {
      const handle = this.handle;
      this.handle = null;
      await this.ops.close(handle).catch(() => undefined);
    }
    await this.ops.unlink(this.partialPath).catch(() => undefined);
  }
}
