import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, schemaVersion, SchemaTooNewError, transaction } from '../../../electron/host/db.ts';
import { MIGRATIONS } from '../../../electron/host/migrations.ts';

const LATEST = MIGRATIONS[MIGRATIONS.length - 1].version;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glimpse-db-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openDb', () => {
  it('runs the migrations on a new data dir and records the schema version', () => {
    const db = openDb(dir);
    expect(schemaVersion(db)).toBe(LATEST);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['attachments', 'providers', 'settings']));
    db.close();
  });

  it('opens an up-to-date data dir again without re-running migrations', () => {
    const a = openDb(dir);
    a.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('theme', 'dark');
    a.close();
    const b = openDb(dir);
    expect(schemaVersion(b)).toBe(LATEST);
    expect(b.prepare('SELECT value FROM settings WHERE key = ?').get('theme')).toEqual({ value: 'dark' });
    b.close();
  });

  it('turns WAL mode on', () => {
    const db = openDb(dir);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    db.close();
  });

  it('refuses a data dir written by a newer Glimpse and leaves the file unchanged', () => {
    const file = join(dir, 'glimpse.db');
    const newer = new DatabaseSync(file);
    newer.exec(`CREATE TABLE future (x); PRAGMA user_version = ${LATEST + 5};`);
    newer.close();
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;

    let thrown: unknown;
    try {
      openDb(dir).close();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SchemaTooNewError);
    expect((thrown as Error).message).toContain(`schema ${LATEST + 5}`);
    expect((thrown as Error).message).toMatch(/Nothing was changed/);

    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    // And the file is not left locked or half-converted: it opens, still newer, still not in WAL mode.
    const check = new DatabaseSync(file);
    expect(check.prepare('PRAGMA user_version').get()).toEqual({ user_version: LATEST + 5 });
    expect(check.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'delete' });
    check.close();
  });
});

describe('transaction', () => {
  it('commits on success and rolls back on a throw', () => {
    const db = openDb(dir);
    transaction(db, () => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('a', '1'));
    expect(() =>
      transaction(db, () => {
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('b', '2');
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(db.prepare('SELECT key FROM settings ORDER BY key').all()).toEqual([{ key: 'a' }]);
    db.close();
  });
});
