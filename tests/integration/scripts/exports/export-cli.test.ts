import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../../../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { seedExportJournal } from '../../services/exports/export-fixture';

const CLI = fileURLToPath(new URL('../../../../scripts/cli/export.ts', import.meta.url));
const run = promisify(execFile);
let dir = '';
let dbPath = '';

const cli = async (args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spark-cli-'));
  dbPath = join(dir, 'journal.db');
  const db = openDb(dbPath, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
  seedExportJournal(db.sqlite, { trades: 300, now: Date.now() });
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('exports through the engine and prints the final figures', async () => {
  const out = join(dir, 'nested', 'closed.csv');
  const result = await cli(['--db', dbPath, '--type', 'trades', '--format', 'csv', '--out', out, '--status', 'closed', '--columns', 'id,netPnl=Net', '--footer']);
  expect(result.code).toBe(0);
  const db = openDb(dbPath, { readonly: true });
  const closed = (db.sqlite.prepare("SELECT COUNT(*) AS n FROM trades WHERE status = 'closed'").get() as { n: number }).n;
  db.close();
  expect(result.stdout).toContain(`Wrote ${out}`);
  expect(result.stdout).toMatch(new RegExp(`rows\\s+${closed}`));
  const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('Trade ID,Net');
  expect(lines.length).toBe(closed + 2);
  expect(lines.at(-1)).toBe(`# streamed_rows=${closed}`);
}, 60_000);

it('exits non-zero with a clear message on bad arguments, a missing journal or a failed export', async () => {
  const bad = await cli(['--db', dbPath, '--type', 'trades', '--format', 'docx', '--out', join(dir, 'x')]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/export: invalid export: format/);
  expect(bad.stderr).toContain('Usage: npm run export');

  const missing = await cli(['--db', join(dir, 'none.db'), '--type', 'goals', '--format', 'csv', '--out', join(dir, 'g.csv')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('does not exist');

  const denied = await cli(['--db', dbPath, '--type', 'goals', '--format', 'csv', '--out', '/sys/spark-cli.csv']);
  expect(denied.code).toBe(1);
  expect(denied.stderr).toMatch(/failed: Spark Journal is not allowed to write to \/sys .*\[terminal\/permission_denied\]/);
}, 60_000);
