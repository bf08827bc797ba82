/**
 * Many small writes in one commit. A batch file's life is a handful of one-row writes (its row marked running,
 * the ledger row opened, closed, the file's outcome): each its own commit was about five commits per file, each
 * a trip through SQLite's journal. A group opens one write transaction that every write on the connection joins
 * until the current task of the event loop ends (or until `commit`), so the writes made together commit together.
 *
 * A kill before the commit loses only that task's writes, as if the process had died a moment earlier: a file
 * row still `pending` or `running` is sent again on resume. Whoever must know a write is on disk before telling
 * anyone (a file reported finished) calls `commit` first.
 */
import { commit, type Db } from './db.ts';

export class WriteGroup {
  private readonly db: Db;
  private readonly onError: (e: unknown) => void;
  private open_ = false;
  private scheduled: ReturnType<typeof setImmediate> | null = null;
  /** `onError` hears a commit that failed when the task ended (a full disk): its writes were rolled back. */
  constructor(db: Db, onError: (e: unknown) => void) {
    this.db = db;
    this.onError = onError;
  }

  /** Starts a group unless one is open (or another transaction is): it commits when this task ends. */
  open(): void {
    if (this.open_ || this.db.isTransaction) return;
    this.db.exec('BEGIN IMMEDIATE');
    this.open_ = true;
    this.scheduled = setImmediate(() => {
      this.scheduled = null;
      try {
        this.commit();
      } catch (e) {
        this.onError(e);
      }
    });
  }

  /**
   * Commits the open group now, whoever opened it (two batches in one app share the connection, so the other's
   * group may be the one this task's writes joined); throws, after rolling it back, when the commit fails.
   */
  commit(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.open_ = false;
    if (this.db.isTransaction) commit(this.db);
  }
}
