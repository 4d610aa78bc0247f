import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/** Kernel and device file systems: never a place for user files, and mkdir there can block. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

export type FolderCheck = { ok: true; path: string } | { ok: false; reason: string };

function systemRootOf(path: string): string | null {
  if (process.platform === 'win32') return null;
  return SYSTEM_ROOTS.find((root) => path === root || path.startsWith(`${root}${sep}`)) ?? null;
}

function errnoCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'error';
}

/**
 * Is `input` an absolute, existing, writable folder outside the system file systems? Only
 * realpath, stat and access are used (nothing is created), so a path under /proc or a dead
 * mount is answered at once instead of blocking the main thread. The answer is the real path.
 */
export function checkWritableFolder(input: string): FolderCheck {
  const shown = JSON.stringify(input);
  if (input.trim() === '') return { ok: false, reason: 'No folder was given.' };
  if (input.includes('\0')) return { ok: false, reason: `${shown} is not a valid folder path.` };
  if (input.startsWith('~')) {
    return { ok: false, reason: `${shown} starts with "~", which is not expanded to your home folder. Choose the folder with the Choose… button.` };
  }
  if (!isAbsolute(input)) {
    return { ok: false, reason: `${shown} is a relative path. A folder must be a full path from the top of the disk; choose it with the Choose… button.` };
  }
  const named = systemRootOf(resolve(input));
  if (named) return { ok: false, reason: `${shown} is inside ${named}, a system folder that cannot hold files. Choose a folder of your own.` };
  let real: string;
  try {
    real = realpathSync.native(input);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') return { ok: false, reason: `The folder ${shown} does not exist. Choose an existing folder.` };
    if (code === 'ENOTDIR') return { ok: false, reason: `${shown} goes through a file, not a folder. Choose a folder.` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: `Spark Journal is not allowed to open ${shown} (permission denied). Choose another folder.` };
    if (code === 'ELOOP') return { ok: false, reason: `${shown} is a loop of links. Choose a real folder.` };
    return { ok: false, reason: `The folder ${shown} cannot be used (${code}). Choose another folder.` };
  }
  const escaped = systemRootOf(real);
  if (escaped) return { ok: false, reason: `${shown} leads to ${real}, inside ${escaped}, a system folder that cannot hold files. Choose a folder of your own.` };
  let isDirectory: boolean;
  try {
    isDirectory = statSync(real).isDirectory();
  } catch (error) {
    return { ok: false, reason: `The folder ${shown} cannot be read (${errnoCode(error)}). Choose another folder.` };
  }
  if (!isDirectory) return { ok: false, reason: `${shown} is a file, not a folder. Choose a folder.` };
  try {
    accessSync(real, constants.W_OK | constants.X_OK);
  } catch {
    return { ok: false, reason: `Spark Journal cannot write to ${shown} (permission denied). Choose a folder you can write to.` };
  }
  return { ok: true, path: real };
}

/**
 * A folder that may not exist yet (the target of a save dialog, which can create folders): the
 * nearest existing ancestor must pass checkWritableFolder, so creating the rest is safe. The
 * answer is the path under the ancestor's real path.
 */
export function checkFolderToCreate(input: string): FolderCheck {
  const direct = checkWritableFolder(input);
  if (direct.ok || !isAbsolute(input) || !/does not exist/.test(direct.reason)) return direct;
  const missing: string[] = [];
  let ancestor = resolve(input);
  for (;;) {
    const parent = dirname(ancestor);
    missing.unshift(basename(ancestor));
    if (parent === ancestor) return direct;
    ancestor = parent;
    const check = checkWritableFolder(ancestor);
    if (check.ok) return { ok: true, path: join(check.path, ...missing) };
    if (!/does not exist/.test(check.reason)) return check;
  }
}
