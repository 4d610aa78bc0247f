import type { Logger } from './services/logging';

/** What the user picked when asked to quit during an export. */
export type QuitChoice = 'wait' | 'stop' | 'stay';

export interface QuitGuardDeps {
  /** Queued + running export jobs. */
  activeExports(): number;
  /** Asks the user what to do with the active exports. */
  ask(active: number): Promise<QuitChoice>;
  /** Resolves once no export is queued or running. */
  waitForExports(): Promise<void>;
  /**
   * Stops running exports at a safe point: the worker is ended, its partial file removed
   * and the job left queued, so it runs again on the next launch.
   */
  stopExports(): Promise<void>;
  /** Closes services, database and log; must not throw. */
  shutdown(): Promise<void>;
  /** Ends the process for real (app.quit once the guard lets it through). */
  quit(): void;
  logger: Logger;
  /** Upper bound for stopExports; past it the app quits anyway (the job re-queues at start-up). */
  stopTimeoutMs?: number;
}

export interface QuitGuard {
  /**
   * Call from app 'before-quit'. True: let this quit proceed. False: call
   * event.preventDefault(); the guard quits by itself once it is safe (or stays, if the
   * user chose to).
   */
  onBeforeQuit(): boolean;
}

function withTimeout(work: Promise<void>, ms: number): Promise<'done' | 'timeout'> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    work.then(
      () => {
        clearTimeout(timer);
        resolve('done');
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export function createQuitGuard(deps: QuitGuardDeps): QuitGuard {
  const stopTimeoutMs = deps.stopTimeoutMs ?? 15_000;
  let phase: 'open' | 'deciding' | 'closing' | 'closed' = 'open';

  const finish = async () => {
    phase = 'closing';
    try {
      await deps.shutdown();
    } finally {
      phase = 'closed';
      deps.quit();
    }
  };

  const decide = async () => {
    const active = deps.activeExports();
    if (active === 0) return finish();
    const choice = await deps.ask(active);
    deps.logger.info('app.quit.choice', { choice, active });
    if (choice === 'stay') {
      phase = 'open';
      return;
    }
    phase = 'closing';
    try {
      if (choice === 'wait') await deps.waitForExports();
      else if ((await withTimeout(deps.stopExports(), stopTimeoutMs)) === 'timeout') {
        deps.logger.warn('app.quit.stop_timeout', { timeoutMs: stopTimeoutMs });
      }
    } catch (error) {
      deps.logger.error('app.quit.exports_failed', { error });
    }
    return finish();
  };

  return {
    onBeforeQuit() {
      if (phase === 'closed') return true;
      if (phase === 'open') {
        phase = 'deciding';
        decide().catch((error: unknown) => {
          deps.logger.error('app.quit.failed', { error });
          phase = 'closed';
          deps.quit();
        });
      }
      return false;
    },
  };
}
