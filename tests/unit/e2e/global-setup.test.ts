import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumMissingMessage } from '../../e2e/global-setup';

const root = join(import.meta.dirname, '../../..');

describe('the e2e project without Chromium', () => {
  it('says nothing when the browser is there', () => {
    expect(chromiumMissingMessage('/usr/bin/chromium', () => true)).toBeNull();
  });

  it('fails at once with one line that says how to install it', () => {
    const missing = join(root, 'no-such-folder', 'chromium');
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'e2e', 'tests/e2e/overview.test.ts'], {
      cwd: root,
      env: { ...process.env, CHROMIUM_PATH: missing, NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => line.trim() !== '' && !/^\s*RUN\s/.test(line));
    expect(lines).toEqual([chromiumMissingMessage(missing, () => false)]);
    expect(lines[0]).toContain('apt-get install chromium');
    expect(lines[0]).toContain('CHROMIUM_PATH');
  });
});
