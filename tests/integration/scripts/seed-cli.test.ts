import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const dir = mkdtempSync(join(tmpdir(), 'spark-seed-cli-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('npm run seed', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects bad arguments with a clear message and a non-zero exit, creating nothing', () => {
    const db = join(dir, 'bad.db');
    const cases: [string[], string][] = [
      [['--trades', 'abc', '--db', db], '--trades must be a whole number'],
      [['--trades', '0', '--db', db], '--trades must be between 1 and 5000000'],
      [['--trades', '10'], '--db <file> is required'],
      [['--trades', '10', '--db', db, '--now', 'yesterday'], '--now must be an ISO time'],
      [['--db', db, '--bogus'], "Unknown option '--bogus'"],
    ];
    for (const [args, message] of cases) {
      const result = run(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('Usage: npm run seed');
    }
    expect(existsSync(db)).toBe(false);
  });

  it('seeds a new file, refuses to seed it again, and replaces it with --force', () => {
    const db = join(dir, 'demo.db');
    const first = run('--db', db, '--trades', '300', '--seed', '5', '--now', '2025-03-20T12:00:00Z');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/trades:\s+300/);
    expect(first.stdout).toMatch(/demo load:\s+\d+ ms/);

    const again = run('--db', db, '--trades', '300');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds a journal (5 accounts, 300 trades). Pass --force');

    const forced = run('--db', db, '--trades', '120', '--seed', '5', '--now', '2025-03-20T12:00:00Z', '--force');
    expect(forced.status, forced.stderr).toBe(0);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT COUNT(*) FROM trades').pluck().get()).toBe(120);
      // Bulk-load shortcuts are undone: the file is back in WAL mode.
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      sqlite.close();
    }
  });

  it('reports a file that is not a database plainly and leaves it alone', () => {
    const db = join(dir, 'junk.db');
    writeFileSync(db, 'not a database');
    const result = run('--db', db, '--trades', '10');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`seed: could not seed ${db}: file is not a database`);
    expect(existsSync(db)).toBe(true);
  });
});
