import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../../electron/main/services/db/open-sqlite';
import { SQLITE_BINDING_ENV } from '../../../../electron/main/services/db/sqlite-binding';

const require = createRequire(import.meta.url);
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('openSqlite', () => {
  it('uses better-sqlite3 default build when no binding is handed down', () => {
    const db = openSqlite(':memory:', {}, {});
    expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    db.close();
  });

  it('loads exactly the binding named in the environment', () => {
    const db = openSqlite(':memory:', {}, { [SQLITE_BINDING_ENV]: nodeBuild });
    expect(db.prepare('SELECT 2 AS two').get()).toEqual({ two: 2 });
    db.close();
    const missing = join(dirname(nodeBuild), 'no-such-dir', 'better_sqlite3.node');
    expect(() => openSqlite(':memory:', {}, { [SQLITE_BINDING_ENV]: missing })).toThrow(/no-such-dir/);
  });

  it('is the only place in the services that constructs a connection', () => {
    const root = join(import.meta.dirname, '../../../../electron/main/services');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && /new Database\(/.test(readFileSync(path, 'utf8'))) offenders.push(relative(root, path));
      }
    };
    walk(root);
    expect(offenders).toEqual(['db/open-sqlite.ts']);
  });
});
