import { describe, expect, it } from 'vitest';
import { createQuitGuard, type QuitChoice } from '../../../electron/main/quit-guard';
import { createMemoryLogger } from '../../../electron/main/services/logging';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { active: number; choice?: QuitChoice; stopTimeoutMs?: number; stop?: () => Promise<void>; wait?: () => Promise<void> }) {
  const steps: string[] = [];
  let active = options.active;
  const guard = createQuitGuard({
    activeExports: () => active,
    ask: async (n) => {
      steps.push(`ask:${n}`);
      return options.choice ?? 'wait';
    },
    waitForExports: options.wait ?? (async () => void steps.push('wait')),
    stopExports: options.stop ?? (async () => void steps.push('stop')),
    shutdown: async () => void steps.push('shutdown'),
    quit: () => steps.push('quit'),
    logger: createMemoryLogger(),
    ...(options.stopTimeoutMs ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
  });
  return { guard, steps, setActive: (n: number) => (active = n) };
}

describe('createQuitGuard', () => {
  it('with no export running: holds the first quit, shuts services down, then lets the real quit through', async () => {
    const { guard, steps } = setup({ active: 0 });
    expect(guard.onBeforeQuit()).toBe(false);
    await flush();
    expect(steps).toEqual(['shutdown', 'quit']);
    expect(guard.onBeforeQuit()).toBe(true);
  });

  it('asks during an export and, on "wait", quits only after the export is written', async () => {
    const exportDone = deferred();
    const { guard, steps } = setup({ active: 1, choice: 'wait', wait: () => exportDone.promise.then(() => void steps.push('exports-done')) });
    expect(guard.onBeforeQuit()).toBe(false);
    await flush();
    expect(steps).toEqual(['ask:1']);
    // Repeated quit requests (Cmd+Q again, the tray) do not ask twice.
    expect(guard.onBeforeQuit()).toBe(false);
    exportDone.resolve();
    await flush();
    expect(steps).toEqual(['ask:1', 'exports-done', 'shutdown', 'quit']);
  });

  it('on "stop", stops the exports at a safe point before shutting down', async () => {
    const { guard, steps } = setup({ active: 2, choice: 'stop' });
    guard.onBeforeQuit();
    await flush();
    expect(steps).toEqual(['ask:2', 'stop', 'shutdown', 'quit']);
  });

  it('on "stay", keeps running and asks again at the next quit', async () => {
    const { guard, steps, setActive } = setup({ active: 1, choice: 'stay' });
    expect(guard.onBeforeQuit()).toBe(false);
    await flush();
    expect(steps).toEqual(['ask:1']);
    setActive(0);
    expect(guard.onBeforeQuit()).toBe(false);
    await flush();
    expect(steps).toEqual(['ask:1', 'shutdown', 'quit']);
  });

  it('quits anyway when stopping the export hangs past the timeout', async () => {
    const never = new Promise<void>(() => undefined);
    const { guard, steps } = setup({ active: 1, choice: 'stop', stopTimeoutMs: 20, stop: () => never });
    guard.onBeforeQuit();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(steps).toEqual(['ask:1', 'shutdown', 'quit']);
  });

  it('still quits when stopping the export fails', async () => {
    const { guard, steps } = setup({ active: 1, choice: 'stop', stop: async () => Promise.reject(new Error('worker gone')) });
    guard.onBeforeQuit();
    await flush();
    expect(steps).toEqual(['ask:1', 'shutdown', 'quit']);
  });
});
