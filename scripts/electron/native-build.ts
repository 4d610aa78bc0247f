import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BINDING_FILE, STAMP_FILE, type BindingStamp } from '../../electron/main/services/db/sqlite-binding';

/** What the Electron build of better-sqlite3 must match. */
export interface NativeTarget {
  electron: string;
  /** Electron's Node module ABI (node_modules/electron/abi_version). */
  abi: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export type NativeDecision = { action: 'keep' } | { action: 'build'; reason: 'missing' | 'changed' };

/**
 * Whether the build in the folder can be used as it is: the binary is there and its stamp
 * says it was made for exactly this Electron, ABI, better-sqlite3, platform and CPU.
 */
export function decideNativeBuild(target: NativeTarget, binaryExists: boolean, stampText: string | null): NativeDecision {
  if (!binaryExists || stampText === null) return { action: 'build', reason: 'missing' };
  let stamp: Partial<BindingStamp>;
  try {
    stamp = JSON.parse(stampText) as Partial<BindingStamp>;
  } catch {
    return { action: 'build', reason: 'changed' };
  }
  const same =
    stamp.electron === target.electron &&
    stamp.abi === target.abi &&
    stamp.betterSqlite3 === target.betterSqlite3 &&
    stamp.platform === target.platform &&
    stamp.arch === target.arch;
  return same ? { action: 'keep' } : { action: 'build', reason: 'changed' };
}

/**
 * The edge: each way of producing the binary for the target inside an empty scratch
 * folder, resolving to the .node file it made. Real ones download (prebuild-install) or
 * compile (node-gyp against Electron's headers); tests fake only these.
 */
export interface NativeBuilders {
  prebuilt(target: NativeTarget, scratch: string): Promise<string>;
  compile(target: NativeTarget, scratch: string): Promise<string>;
}

export type EnsureResult =
  | { status: 'kept'; path: string }
  | { status: 'built'; path: string; source: BindingStamp['source'] }
  | { status: 'failed'; message: string; attempts: string[] };

export interface EnsureOptions {
  target: NativeTarget;
  /** The build's own folder (electronBindingDir). */
  dir: string;
  builders: NativeBuilders;
  /** Progress lines for the terminal. */
  say: (line: string) => void;
}

/**
 * A Node-API-less addon exports node_register_module_v<ABI>; a binary that names another
 * ABI (say node-gyp picked up Node's headers from an npmrc `nodedir`) would only fail
 * later, inside Electron, so it is refused here.
 */
export function assertModuleAbi(binary: string, abi: string): void {
  const found = new Set(readFileSync(binary).toString('latin1').match(/node_register_module_v\d+/g) ?? []);
  if (found.size > 0 && !found.has(`node_register_module_v${abi}`)) {
    const names = [...found].map((name) => name.replace('node_register_module_v', '')).join(', ');
    throw new Error(`the binary was built for module ABI ${names}, not ${abi}`);
  }
}

function install(dir: string, built: string, stamp: BindingStamp): string {
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, BINDING_FILE);
  // Copy then rename, so an interrupted run never leaves half a binary that looks finished;
  // the stamp goes last for the same reason.
  copyFileSync(built, `${binary}.partial`);
  renameSync(`${binary}.partial`, binary);
  writeFileSync(join(dir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  return binary;
}

/** Makes sure the folder holds an Electron build of better-sqlite3 for the target. */
export async function ensureNativeBuild({ target, dir, builders, say }: EnsureOptions): Promise<EnsureResult> {
  const binary = join(dir, BINDING_FILE);
  const stampPath = join(dir, STAMP_FILE);
  const decision = decideNativeBuild(target, existsSync(binary), existsSync(stampPath) ? readFileSync(stampPath, 'utf8') : null);
  if (decision.action === 'keep') return { status: 'kept', path: binary };

  // A stale build must not be taken for a good one if what follows fails.
  rmSync(stampPath, { force: true });
  rmSync(binary, { force: true });
  const attempts: string[] = [];
  const steps: Array<{ source: BindingStamp['source']; run: NativeBuilders['prebuilt']; note: string }> = [
    { source: 'prebuilt', run: builders.prebuilt, note: 'downloading the prebuilt binary' },
    { source: 'compiled', run: builders.compile, note: 'no prebuilt binary; compiling it from source against Electron\u2019s headers (a few minutes)' },
  ];
  say(
    `Spark Journal: preparing better-sqlite3 for Electron ${target.electron} (ABI ${target.abi}; ` +
      `${decision.reason === 'missing' ? 'first run' : 'Electron or better-sqlite3 changed'}).`,
  );
  mkdirSync(dirname(dir), { recursive: true });
  for (const step of steps) {
    say(`Spark Journal: ${step.note}...`);
    const scratch = mkdtempSync(join(dirname(dir), '.scratch-'));
    try {
      const built = await step.run(target, scratch);
      if (!existsSync(built)) throw new Error(`it reported ${built}, which does not exist`);
      assertModuleAbi(built, target.abi);
      const path = install(dir, built, { ...target, source: step.source });
      return { status: 'built', path, source: step.source };
    } catch (error) {
      attempts.push(`${step.source}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return {
    status: 'failed',
    attempts,
    message:
      `Spark Journal could not get better-sqlite3 built for Electron ${target.electron} (module ABI ${target.abi}): ` +
      'no prebuilt binary could be downloaded and compiling it from source failed. It needs an internet connection once ' +
      '(and, without a prebuilt binary, a C++ toolchain: python3, make and g++ / Xcode / Visual Studio Build Tools); ' +
      'then run `npm start` again.',
  };
}
