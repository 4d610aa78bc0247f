import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services, type ServicesConfig } from '../../electron/main/services/app';
import { SOURCE_MIGRATIONS_FOLDER } from '../../electron/main/services/db/migrations-folder';
import { systemClock } from '../../electron/main/services/clock';
import { createMemoryLogger } from '../../electron/main/services/logging';
import { RecordingDesktop } from '../harness/recording-desktop';

export interface TestServices {
  services: Services;
  desktop: RecordingDesktop;
  logger: ReturnType<typeof createMemoryLogger>;
  dir: string;
  cleanup(): Promise<void>;
}

/** Real services on a real SQLite file in a fresh temp folder; only the Desktop records. */
export function createTestServices(overrides: Partial<ServicesConfig> = {}): TestServices {
  const dir = mkdtempSync(join(tmpdir(), 'spark-test-'));
  const desktop = new RecordingDesktop(join(dir, 'exports'));
  const logger = createMemoryLogger();
  const services = createServices({
    dbPath: join(dir, 'journal.db'),
    migrationsFolder: SOURCE_MIGRATIONS_FOLDER,
    desktop,
    clock: systemClock,
    logger,
    ...overrides,
  });
  return {
    services,
    desktop,
    logger,
    dir,
    async cleanup() {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
