import { promises as fs } from 'node:fs';

/**
 * The file layer an export writes through. The worker uses the real one; fault tests hand a
 * worker one that fails (disk full, permission denied) or crawls, to test the failure paths.
 */
export interface FileOps {
  /** Creates or truncates a file for writing; resolves to a handle id. */
  open(path: string): Promise<number>;
  write(handle: number, data: Uint8Array): Promise<void>;
  sync(handle: number): Promise<void>;
  close(handle: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** fsyncs a directory so a rename inside it is durable; a no-op where the OS does not allow it. */
  syncDir(path: string): Promise<void>;
}

export function createNodeFileOps(): FileOps {
  const handles = new Map<number, fs.FileHandle>();
  let next = 1;
  const handle = (id: number) => {
    const h = handles.get(id);
    if (!h) throw new Error(`file handle ${id} is not open`);
    return h;
  };
  return {
    async open(path) {
      const h = await fs.open(path, 'w', 0o644);
      const id = next++;
      handles.set(id, h);
      return id;
    },
    async write(id, data) {
      const h = handle(id);
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await h.write(data, offset, data.length - offset);
        offset += bytesWritten;
      }
    },
    sync: (id) => handle(id).sync(),
    async close(id) {
      const h = handles.get(id);
      handles.delete(id);
      await h?.close();
    },
    rename: (from, to) => fs.rename(from, to),
    unlink: (path) => fs.unlink(path),
    async syncDir(path) {
      let dir: fs.FileHandle | undefined;
      try {
        dir = await fs.open(path, 'r');
        await dir.sync();
      } catch {
        // Windows cannot open or fsync a directory; the rename is still atomic there.
      } finally {
        await dir?.close().catch(() => undefined);
      }
    },
  };
}
