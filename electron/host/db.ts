/**
 * SQLite through the built-in `node:sqlite` (Node >= 22.5, and the Node inside Electron), so no native module
 * has to be rebuilt per runtime. WAL lets the Electron app and the CLI share one data dir.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations.ts';

export type Db = DatabaseSync;

export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `This data folder was written by a newer Glimpse (schema ${found}; this version knows up to ${known}). ` +
        'Update Glimpse, or point it at another data folder. Nothing was changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export function openDb(dataDir: string, file = 'glimpse.db'): Db {
  const db = new DatabaseSync(join(dataDir, file));
  try {
    // Another shell on the same data dir may hold a write lock for a moment: wait rather than fail.
    db.exec('PRAGMA busy_timeout = 5000;');
    // Check the version before anything that writes: `journal_mode = WAL` rewrites the file header, and a newer
    // Glimpse's file must be left exactly as it was (SchemaTooNewError promises "Nothing was changed").
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    if (schemaVersion(db) > latest) throw new SchemaTooNewError(schemaVersion(db), latest);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;');
    migrate(db);
  } catch (e) {
    // Do not leave the file open (and locked on Windows) when refusing it.
    db.close();
    throw e;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

export function migrate(db: Db): void {
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new SchemaTooNewError(current, latest);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    transaction(db, () => {
      db.exec(m.sql);
      db.exec(`PRAGMA user_version = ${m.version}`);
    });
  }
}

/** Runs `fn` in one write transaction; IMMEDIATE takes the write lock up front so two shells queue cleanly. */
export function transaction<T>(db: Db, fn: () => T): T {
  // Inside an open transaction (a batch's write group, write-group.ts) a savepoint: a failure undoes only `fn`.
  if (db.isTransaction) return savepoint(db, fn);
  db.exec('BEGIN IMMEDIATE');
  let out: T;
  try {
    out = fn();
  } catch (e) {
    rollback(db);
    throw e;
  }
  commit(db);
  return out;
}

/** Commits the open transaction; when that fails (a full disk), rolls it back and throws. */
export function commit(db: Db): void {
  try {
    db.exec('COMMIT');
  } catch (e) {
    rollback(db);
    throw e;
  }
}

// SQLite rolls back by itself on some errors (SQLITE_FULL): a second ROLLBACK would throw and hide the cause.
function rollback(db: Db): void {
  if (db.isTransaction) db.exec('ROLLBACK');
}

function savepoint<T>(db: Db, fn: () => T): T {
  db.exec('SAVEPOINT nested');
  try {
    const out = fn();
    db.exec('RELEASE nested');
    return out;
  } catch (e) {
    if (db.isTransaction) {
      db.exec('ROLLBACK TO nested');
      db.exec('RELEASE nested');
    }
    throw e;
  }
}
