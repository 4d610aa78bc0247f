import type { SparkApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the test harness client: same shape. */
    api: SparkApi;
  }
}

export {};
