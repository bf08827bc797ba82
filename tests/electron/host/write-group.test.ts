import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { transaction } from '../../../electron/host/db.ts';
import { WriteGroup } from '../../../electron/host/write-group.ts';

const dirs: string[] = [];
const open: DatabaseSync[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A writer and a second connection that sees only what is committed, as another process would. */
function dbs() {
  const dir = mkdtempSync(join(tmpdir(), 'glimpse-write-group-'));
  dirs.push(dir);
  const file = join(dir, 'x.db');
  const db = new DatabaseSync(file);
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;
    CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE t (v TEXT, parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);`);
  const reader = new DatabaseSync(file, { readOnly: true });
  open.push(db, reader);
  const seen = () => (reader.prepare('SELECT v FROM t ORDER BY rowid').all() as { v: string }[]).map((r) => r.v);
  return { db, seen };
}
const taskEnd = () => new Promise((r) => setImmediate(r));

describe('write group', () => {
  it('commits the writes of one task together when the task ends', async () => {
    const { db, seen } = dbs();
    const errors: unknown[] = [];
    const g = new WriteGroup(db, (e) => errors.push(e));
    g.open();
    db.prepare('INSERT INTO t (v) VALUES (?)').run('a');
    g.open(); // already open: joins
    db.prepare('INSERT INTO t (v) VALUES (?)').run('b');
    expect(seen()).toEqual([]);
    await taskEnd();
    expect(seen()).toEqual(['a', 'b']);
    expect(db.isTransaction).toBe(false);
    expect(errors).toEqual([]);
  });

  it('commits at once when asked, and the task end then has nothing left to do', async () => {
    const { db, seen } = dbs();
    const g = new WriteGroup(db, () => {});
    g.open();
    db.prepare('INSERT INTO t (v) VALUES (?)').run('a');
    g.commit();
    expect(seen()).toEqual(['a']);
    db.prepare('INSERT INTO t (v) VALUES (?)').run('b');
    await taskEnd();
    expect(seen()).toEqual(['a', 'b']);
  });

  it('lets a transaction inside the group fail alone, keeping the group’s other writes', async () => {
    const { db, seen } = dbs();
    const g = new WriteGroup(db, () => {});
    g.open();
    db.prepare('INSERT INTO t (v) VALUES (?)').run('kept');
    expect(() =>
      transaction(db, () => {
        db.prepare('INSERT INTO t (v) VALUES (?)').run('undone');
        throw new Error('half way');
      }),
    ).toThrow('half way');
    transaction(db, () => db.prepare('INSERT INTO t (v) VALUES (?)').run('also kept'));
    g.commit();
    expect(seen()).toEqual(['kept', 'also kept']);
  });

  it('reports a commit that fails at the task’s end, rolled back, and the connection goes on', async () => {
    const { db, seen } = dbs();
    const errors: unknown[] = [];
    const g = new WriteGroup(db, (e) => errors.push(e));
    g.open();
    // A deferred foreign key fails only at COMMIT, as a full disk does.
    db.prepare('INSERT INTO t (v, parent) VALUES (?, ?)').run('orphan', 42);
    await taskEnd();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/FOREIGN KEY/);
    expect(db.isTransaction).toBe(false);
    expect(seen()).toEqual([]);
    g.open();
    db.prepare('INSERT INTO t (v) VALUES (?)').run('after');
    expect(() => g.commit()).not.toThrow();
    expect(seen()).toEqual(['after']);
  });
});
