import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDb } from '../../../../electron/main/services/db/client';
import { SOURCE_MIGRATIONS_FOLDER } from '../../../../electron/main/services/db/migrations-folder';
import { selectColumns } from '../../../../shared/domain/export-columns';
import { seedExportJournal } from '../../services/exports/export-fixture';
import { readCsv } from '../../services/exports/read-back';
import { expectedRows } from '../../services/exports/expected-rows';
import { csvGuarded, firstDifference } from '../../services/exports/canonical';
import { waitUntil } from '../../services/exports/helpers';

// `npm run export` as real child processes (the real CLI over a fault-injecting file layer),
// several at once on one journal.
const CHILD = fileURLToPath(new URL('./fixtures/cli-child.ts', import.meta.url));
const TRADES = 3000;
let dir = '';
let dbPath = '';
let out = '';

interface Cli {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
  stderr(): string;
}

function cli(args: string[], fault: Record<string, unknown>): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, '--db', dbPath, '--type', 'trades', '--format', 'csv', ...args], {
    env: { ...process.env, SPARK_EXPORT_FAULT: JSON.stringify(fault) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }))),
    kill: (signal) => child.kill(signal),
    stderr: () => stderr,
  };
}

const partials = () => readdirSync(out).filter((f) => f.endsWith('.partial'));
const jobRows = () => {
  const db = openDb(dbPath, { readonly: true });
  try {
    return db.sqlite.prepare('SELECT id, target_path AS targetPath, status, attempt, error_code AS errorCode FROM export_jobs ORDER BY id').all() as {
      id: number;
      targetPath: string;
      status: string;
      attempt: number;
      errorCode: string | null;
    }[];
  } finally {
    db.close();
  }
};

/** The file holds exactly the journal's trades, in the export's columns. */
function expectCompleteCsv(path: string): void {
  const columns = selectColumns('trades', undefined);
  const csv = readCsv(path, columns);
  expect(csv.rows.length).toBe(TRADES);
  const db = openDb(dbPath, { readonly: true });
  try {
    expect(firstDifference(columns, csv.rows, expectedRows(db.sqlite, 'trades', columns, Date.now()), { textOf: (_k, s) => csvGuarded(s) })).toBeNull();
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spark-cli-proc-'));
  dbPath = join(dir, 'journal.db');
  out = join(dir, 'out');
  mkdirSync(out);
  const db = openDb(dbPath, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER });
  seedExportJournal(db.sqlite, { trades: TRADES, now: Date.now() });
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('waits for a retry and exits 0 only once the retried job wrote its file', async () => {
  const target = join(out, 'retried.csv');
  const result = await cli(['--out', target], { kind: 'ebusy-once', marker: join(dir, 'busy-once') }).exited;
  expect(result.stderr).toMatch(/attempt 1 of 3 failed: .*EBUSY.*; trying again in 0\.\d s/);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`Wrote ${target}`);
  expect(jobRows()).toEqual([expect.objectContaining({ status: 'completed', attempt: 2 })]);
  expectCompleteCsv(target);
  expect(partials()).toEqual([]);
}, 60_000);

it('Ctrl-C cancels the job, removes its partial file and exits non-zero saying so', async () => {
  const target = join(out, 'interrupted.csv');
  const run = cli(['--out', target], { kind: 'slow', delayMs: 150 });
  await waitUntil(() => partials().length === 1 && jobRows()[0]?.status === 'running', 'the partial file', 30_000);
  run.kill('SIGINT');
  const result = await run.exited;
  expect(result.code).toBe(130);
  expect(result.stderr).toContain('export: cancelled by SIGINT; no file was written and the partial file was removed');
  expect(partials()).toEqual([]);
  expect(existsSync(target)).toBe(false);
  expect(jobRows()).toEqual([expect.objectContaining({ status: 'cancelled', errorCode: 'cancelled' })]);

  // SIGTERM (a kill from a script or a service manager) is a cancel too.
  const again = cli(['--out', target], { kind: 'slow', delayMs: 150 });
  await waitUntil(() => partials().length === 1 && jobRows()[1]?.status === 'running', 'the second partial file', 30_000);
  again.kill('SIGTERM');
  expect((await again.exited).code).toBe(143);
  expect(partials()).toEqual([]);
  expect(jobRows()[1]).toMatchObject({ status: 'cancelled' });
}, 60_000);

it('two CLIs on one journal at once: neither takes over the other, both files are whole, a third for the same file is refused', async () => {
  const first = join(out, 'first.csv');
  const second = join(out, 'second.csv');
  const a = cli(['--out', first], { kind: 'slow', delayMs: 4000 });
  await waitUntil(() => partials().length === 1 && jobRows()[0]?.status === 'running', 'the first partial file', 30_000);
  // The second process starts while the first one's job is running: its start-up recovery
  // must leave that job alone, and its own job runs beside it.
  const b = cli(['--out', second], { kind: 'slow', delayMs: 300 });
  const c = cli(['--out', first], { kind: 'none' });
  const rc = await c.exited;
  expect(jobRows()[0]).toMatchObject({ status: 'running', attempt: 1 });
  const [ra, rb] = await Promise.all([a.exited, b.exited]);
  expect(rc.code).toBe(1);
  expect(rc.stderr).toMatch(/export: Export #1 is already (writing|waiting to write) .*first\.csv\. Wait for it to finish or cancel it, or choose another file name\. \[conflict\]/);
  expect(ra.stderr + rb.stderr).not.toContain('export:');
  expect([ra.code, rb.code]).toEqual([0, 0]);
  expect(jobRows()).toEqual([
    expect.objectContaining({ targetPath: first, status: 'completed', attempt: 1 }),
    expect.objectContaining({ targetPath: second, status: 'completed', attempt: 1 }),
    // The refused third never became a job.
  ]);
  expectCompleteCsv(first);
  expectCompleteCsv(second);
  expect(partials()).toEqual([]);
}, 90_000);
