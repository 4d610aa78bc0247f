import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileLog } from '../../../electron/main/file-log';
import { createLogger } from '../../../electron/main/services/logging';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spark-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openFileLog', () => {
  it('appends one JSON object per line to logs/main.log', async () => {
    const folder = join(dir, 'logs');
    const log = openFileLog(folder);
    const logger = createLogger(log.sink, { process: 'main' }, () => Date.UTC(2025, 0, 31));
    logger.info('app.start', { version: '0.1.0' });
    logger.child({ requestId: 'r1' }).error('export.failed', { error: new Error('disk full') });
    await log.close();
    const lines = readFileSync(join(folder, 'main.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { ts: '2025-01-31T00:00:00.000Z', level: 'info', event: 'app.start', process: 'main', version: '0.1.0' },
      { ts: '2025-01-31T00:00:00.000Z', level: 'error', event: 'export.failed', process: 'main', requestId: 'r1', error: { name: 'Error', message: 'disk full' } },
    ]);
    // Lines written after close are dropped, not thrown.
    expect(() => log.sink('{}')).not.toThrow();
  });

  it('keeps appending across launches', async () => {
    const first = openFileLog(dir);
    first.sink('{"n":1}');
    await first.close();
    const second = openFileLog(dir);
    second.sink('{"n":2}');
    await second.close();
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });

  it('rotates an oversized log at start-up and keeps a bounded number of old files', async () => {
    for (let launch = 1; launch <= 4; launch += 1) {
      writeFileSync(join(dir, 'main.log'), `launch ${launch} ${'x'.repeat(200)}\n`);
      const log = openFileLog(dir, { maxBytes: 100, keep: 2 });
      await log.close();
    }
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toMatch(/^launch 4 /);
    expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toMatch(/^launch 3 /);
    expect(existsSync(join(dir, 'main.3.log'))).toBe(false);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toBe('');
  });
});
