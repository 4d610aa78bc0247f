import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackedPath } from '../../../electron/main/packaged-paths';
import { createTestServices, type TestServices } from '../../helpers/test-services';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('unpackedPath', () => {
  it('moves a file of app.asar to app.asar.unpacked on Linux, macOS and Windows', () => {
    expect(unpackedPath('/opt/Spark Journal/resources/app.asar/out/main/export-worker.js')).toBe(
      '/opt/Spark Journal/resources/app.asar.unpacked/out/main/export-worker.js',
    );
    expect(unpackedPath('/Applications/Spark Journal.app/Contents/Resources/app.asar/out/main/analytics-worker.js')).toBe(
      '/Applications/Spark Journal.app/Contents/Resources/app.asar.unpacked/out/main/analytics-worker.js',
    );
    expect(unpackedPath('C:\\Users\\me\\AppData\\Local\\Programs\\Spark Journal\\resources\\app.asar\\out\\main\\equity-validation-worker.js')).toBe(
      'C:\\Users\\me\\AppData\\Local\\Programs\\Spark Journal\\resources\\app.asar.unpacked\\out\\main\\equity-validation-worker.js',
    );
  });

  it('leaves development paths, already unpacked paths and look-alike folders alone', () => {
    expect(unpackedPath('/home/me/spark-journal/out/main/export-worker.js')).toBe('/home/me/spark-journal/out/main/export-worker.js');
    expect(unpackedPath('/opt/x/resources/app.asar.unpacked/out/main/a.js')).toBe('/opt/x/resources/app.asar.unpacked/out/main/a.js');
    expect(unpackedPath('/home/me/app.asar.bak/out/main/a.js')).toBe('/home/me/app.asar.bak/out/main/a.js');
    expect(unpackedPath('/home/me/my-app.asar/out/main/a.js')).toBe('/home/me/my-app.asar/out/main/a.js');
  });
});

describe('electron-builder.yml', () => {
  it('unpacks the workers, the chunks they import and the node_modules they resolve', () => {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    const unpack = /^asarUnpack:\n((?:\s+- .+\n)+)/m.exec(yml)?.[1] ?? '';
    expect(unpack).toMatch(/- out\/main\/\*\*$/m);
    expect(unpack).toMatch(/- node_modules\/\*\*$/m);
  });
});

/**
 * The workers as a packaged app starts them: the built bundles copied to
 * resources/app.asar.unpacked/out/main, beside an unpacked node_modules, started from the
 * path main computes from its own app.asar location. Needs `npm run build` (npm test does).
 */
describe('workers started from a packaged layout', () => {
  let resources: string;
  let test: TestServices;
  beforeAll(() => {
    const bundle = join(root, 'out', 'main');
    if (!existsSync(join(bundle, 'export-worker.js'))) throw new Error('out/main is missing: run `npm run build` first (npm test does).');
    resources = mkdtempSync(join(tmpdir(), 'spark-packaged-'));
    const unpacked = join(resources, 'app.asar.unpacked');
    mkdirSync(join(unpacked, 'out'), { recursive: true });
    cpSync(bundle, join(unpacked, 'out', 'main'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(unpacked, 'node_modules'), 'junction');
    // What index.js computes from import.meta.dirname inside the archive.
    const inAsar = (name: string) => unpackedPath(join(resources, 'app.asar', 'out', 'main', name));
    test = createTestServices({
      exportWorker: { path: inAsar('export-worker.js') },
      analyticsWorker: { path: inAsar('analytics-worker.js') },
      equityValidationWorker: { path: inAsar('equity-validation-worker.js') },
    });
    test.services.demo.load({ trades: 120, seed: 5 });
  });
  afterAll(async () => {
    await test?.cleanup();
    rmSync(resources, { recursive: true, force: true });
  });

  it('answers analytics and validates equity from app.asar.unpacked', async () => {
    const summary = await test.services.analytics.summary({});
    expect(summary.tradeCount).toBeGreaterThan(0);
    const run = await test.services.equity.validate({ accountId: null });
    expect(run.status).toBe('ok');
  });
});
