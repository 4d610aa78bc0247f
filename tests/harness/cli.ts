import { resolve } from 'node:path';
import { startHarness } from './server';

/**
 * `npm run harness [-- --db FILE]`: serves the built renderer against the real services
 * so a developer can open the printed URL in Chromium.
 */
const dbIndex = process.argv.indexOf('--db');
const dbArg = dbIndex >= 0 ? process.argv[dbIndex + 1] : undefined;
if (dbIndex >= 0 && !dbArg) {
  console.error('--db needs a file path, e.g. npm run harness -- --db ./journal.db');
  process.exit(2);
}
const harness = await startHarness(dbArg ? { dbPath: resolve(dbArg) } : {});
console.log(`Spark Journal harness: ${harness.url}`);
console.log(`Database: ${harness.services.config.dbPath}`);
console.log(`Exports (recording desktop): ${harness.desktop.defaultExportFolder()}`);
const stop = async () => {
  await harness.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
