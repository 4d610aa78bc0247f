import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { sourceExportWorker } from '../../../../electron/main/services/exports/worker-config';
import type { ServicesConfig } from '../../../../electron/main/services/app';
import { seedExportJournal } from './export-fixture';

export const FAULT_WORKER = fileURLToPath(new URL('./fixtures/fault-worker.ts', import.meta.url));

/** The real worker over a faulty file layer (see fixtures/fault-worker.ts). */
export function faultyWorker(fault: Record<string, unknown>): ServicesConfig['exportWorker'] {
  process.env.SPARK_EXPORT_FAULT = JSON.stringify(fault);
  return { ...sourceExportWorker(), path: FAULT_WORKER };
}

export async function waitUntil<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Services on a fresh temp journal seeded with `trades` trades, and an `out` folder. */
export function seededServices(trades: number, overrides: Partial<ServicesConfig> = {}): TestServices & { out: string } {
  const t = createTestServices(overrides);
  seedExportJournal(t.services.db.sqlite, { trades, now: Date.now() });
  const out = join(t.dir, 'out');
  mkdirSync(out);
  return { ...t, out };
}
