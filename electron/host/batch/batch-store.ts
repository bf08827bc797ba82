/**
 * The batch tables (schema-v7.ts): a batch and one row per file. Every state change is one statement (the runner
 * commits a task's statements together, write-group.ts), so a SIGKILL at any point leaves each file either as it
 * was or as it became; a file left `running` by a dead process is simply pending again (resetRunning), which is
 * why a resume redoes at most the files in flight.
 */
import type { StatementSync } from 'node:sqlite';
import type { BatchCounts, BatchItemView, BatchSpec, BatchVia, ItemStatus } from '../../../shared/batch/types.ts';
import type { Db } from '../db.ts';
import { transaction } from '../db.ts';
import { WriteGroup } from '../write-group.ts';

export type BatchStatus = 'planned' | 'running' | 'stopped' | 'done';

export interface BatchRow {
  id: string;
  run_key: string;
  created_at: number;
  updated_at: number;
  status: BatchStatus;
  stop_reason: string | null;
  via: BatchVia;
  out_dir: string;
  spec: BatchSpec;
  params_hash: string;
  provider_batch_id: string | null;
  provider_file_id: string | null;
  owner_pid: number | null;
}

/** A file as planned: what the runner needs to send it. */
export interface PlannedItem {
  path: string;
  name: string;
  kind: string;
  pages: number;
  content_hash: string | null;
  est_prompt_tokens: number;
  /** `skipped` or `failed` (unreadable) when decided at planning, with the reason. */
  status: ItemStatus;
  error: string | null;
}

export interface ItemRow extends PlannedItem {
  idx: number;
  attempts: number;
  request_id: string | null;
  result: string | null;
}

/** What a finished attempt records on its file. */
export interface ItemOutcome {
  status: 'done' | 'failed';
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_usd: number | null;
  total_ms: number | null;
  error_kind: string | null;
  error_message: string | null;
  result: string;
}

export class BatchStore {
  private readonly db: Db;
  private readonly stmts = new Map<string, StatementSync>();
  constructor(db: Db) {
    this.db = db;
  }

  /** A write group on the batch's database (write-group.ts). */
  writeGroup(onError: (e: unknown) => void): WriteGroup {
    return new WriteGroup(this.db, onError);
  }

  private stmt(sql: string): StatementSync {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  create(b: { id: string; runKey: string; spec: BatchSpec; outDir: string; paramsHash: string }): void {
    const now = Date.now();
    this.stmt(
      `INSERT INTO batches (id, run_key, created_at, updated_at, status, via, out_dir, spec, params_hash)
       VALUES (?, ?, ?, ?, 'planned', ?, ?, ?, ?)`,
    ).run(b.id, b.runKey, now, now, b.spec.via, b.outDir, JSON.stringify(b.spec), b.paramsHash);
  }

  get(id: string): BatchRow | null {
    const r = this.stmt('SELECT * FROM batches WHERE id = ?').get(id) as (Omit<BatchRow, 'spec'> & { spec: string }) | undefined;
    return r ? { ...r, spec: JSON.parse(r.spec) as BatchSpec } : null;
  }

  /** The latest batch started by the same command (same inputs, prompt, parameters and out folder). */
  findByRunKey(runKey: string): BatchRow | null {
    const r = this.stmt('SELECT id FROM batches WHERE run_key = ? ORDER BY created_at DESC LIMIT 1').get(runKey) as
      | { id: string }
      | undefined;
    return r ? this.get(r.id) : null;
  }

  list(limit = 50): BatchRow[] {
    const rows = this.stmt('SELECT id FROM batches ORDER BY created_at DESC LIMIT ?').all(limit) as { id: string }[];
    return rows.map((r) => this.get(r.id)).filter((b): b is BatchRow => b !== null);
  }

  setStatus(id: string, status: BatchStatus, reason: string | null = null): void {
    this.stmt('UPDATE batches SET status = ?, stop_reason = ?, updated_at = ?, owner_pid = ? WHERE id = ?').run(
      status,
      reason,
      Date.now(),
      status === 'running' ? process.pid : null,
      id,
    );
  }

  setProviderBatch(id: string, providerBatchId: string | null, fileId: string | null): void {
    this.stmt('UPDATE batches SET provider_batch_id = ?, provider_file_id = ?, updated_at = ? WHERE id = ?').run(
      providerBatchId,
      fileId,
      Date.now(),
      id,
    );
  }

  /**
   * Brings the batch's files in line with what the inputs hold now: new files are added, a file whose content
   * changed since it was done is pending again, files that vanished are left as they were (their result stays).
   */
  reconcile(batchId: string, planned: readonly PlannedItem[]): void {
    const existing = new Map(
      (
        this.stmt('SELECT idx, path, content_hash, status FROM batch_items WHERE batch_id = ?').all(batchId) as {
          idx: number;
          path: string;
          content_hash: string | null;
          status: ItemStatus;
        }[]
      ).map((r) => [r.path, r]),
    );
    const names = new Set(
      (this.stmt('SELECT name FROM batch_items WHERE batch_id = ?').all(batchId) as { name: string }[]).map((r) =>
        r.name.toLowerCase(),
      ),
    );
    // Output names are unique in a batch (a/scan.png and b/scan.jpg would both be scan.md): later ones get -2, -3...
    const uniqueName = (stem: string) => {
      let name = stem;
      for (let k = 2; names.has(name.toLowerCase()); k++) name = `${stem}-${k}`;
      names.add(name.toLowerCase());
      return name;
    };
    let next = (
      this.stmt('SELECT COALESCE(MAX(idx), -1) + 1 AS n FROM batch_items WHERE batch_id = ?').get(batchId) as { n: number }
    ).n;
    const insert = this.stmt(
      `INSERT INTO batch_items (batch_id, idx, path, name, kind, pages, content_hash, status, est_prompt_tokens, error_message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const reset = this.stmt(
      `UPDATE batch_items SET status = ?, content_hash = ?, kind = ?, pages = ?, est_prompt_tokens = ?, error_message = ?,
         error_kind = NULL, attempts = 0, result = NULL WHERE batch_id = ? AND idx = ?`,
    );
    transaction(this.db, () => {
      for (const p of planned) {
        const old = existing.get(p.path);
        if (!old) {
          insert.run(
            batchId,
            next++,
            p.path,
            uniqueName(p.name),
            p.kind,
            p.pages,
            p.content_hash,
            p.status,
            p.est_prompt_tokens,
            p.error,
          );
          continue;
        }
        const changed = old.content_hash !== p.content_hash;
        // A file that failed at planning (unreadable) or was skipped is looked at again on every run.
        if (changed || old.status === 'skipped' || (old.status === 'failed' && p.status !== 'pending'))
          reset.run(p.status, p.content_hash, p.kind, p.pages, p.est_prompt_tokens, p.error, batchId, old.idx);
      }
    });
  }

  /** Files left `running` by a process that stopped (a kill, a crash) are pending again. */
  resetRunning(batchId: string): number {
    return Number(
      this.stmt(`UPDATE batch_items SET status = 'pending' WHERE batch_id = ? AND status = 'running'`).run(batchId).changes,
    );
  }

  /** Failed files back to pending (the app's "Retry failed", `--retry-failed`). */
  retryFailed(batchId: string): number {
    return Number(
      this.stmt(
        `UPDATE batch_items SET status = 'pending', attempts = 0, error_kind = NULL, error_message = NULL
         WHERE batch_id = ? AND status = 'failed'`,
      ).run(batchId).changes,
    );
  }

  /** The next pending files in order, at most `limit`. */
  pending(batchId: string, limit: number, afterIdx = -1): ItemRow[] {
    return this.stmt(`SELECT * FROM batch_items WHERE batch_id = ? AND status = 'pending' AND idx > ? ORDER BY idx LIMIT ?`).all(
      batchId,
      afterIdx,
      limit,
    ) as unknown as ItemRow[];
  }

  item(batchId: string, idx: number): ItemRow | null {
    return (
      (this.stmt('SELECT * FROM batch_items WHERE batch_id = ? AND idx = ?').get(batchId, idx) as unknown as ItemRow) ?? null
    );
  }

  markRunning(batchId: string, idx: number, requestId: string, attempts: number): void {
    this.stmt(
      `UPDATE batch_items SET status = 'running', request_id = ?, attempts = ?, started_at = ? WHERE batch_id = ? AND idx = ?`,
    ).run(requestId, attempts, Date.now(), batchId, idx);
  }

  markPending(batchId: string, idx: number): void {
    this.stmt(`UPDATE batch_items SET status = 'pending' WHERE batch_id = ? AND idx = ?`).run(batchId, idx);
  }

  finish(batchId: string, idx: number, o: ItemOutcome): void {
    this.stmt(
      `UPDATE batch_items SET status = ?, prompt_tokens = ?, completion_tokens = ?, cost_usd = ?, total_ms = ?, error_kind = ?,
         error_message = ?, result = ?, ended_at = ? WHERE batch_id = ? AND idx = ?`,
    ).run(
      o.status,
      o.prompt_tokens,
      o.completion_tokens,
      o.cost_usd,
      o.total_ms,
      o.error_kind,
      o.error_message,
      o.result,
      Date.now(),
      batchId,
      idx,
    );
  }

  counts(batchId: string): BatchCounts {
    const rows = this.stmt('SELECT status, COUNT(*) AS n FROM batch_items WHERE batch_id = ? GROUP BY status').all(batchId) as {
      status: ItemStatus;
      n: number;
    }[];
    const c: BatchCounts = { total: 0, done: 0, failed: 0, skipped: 0, pending: 0, running: 0 };
    for (const r of rows) {
      c[r.status] = r.n;
      c.total += r.n;
    }
    return c;
  }

  /** What this batch's requests cost so far, from the ledger (every attempt, retries included). */
  spent(batchId: string): number {
    return (this.stmt('SELECT COALESCE(SUM(cost_usd), 0) AS s FROM ledger WHERE batch_id = ?').get(batchId) as { s: number }).s;
  }

  /** Each file's result line (done and failed files), in order; streamed so 10,000 files do not sit in memory. */
  *results(
    batchId: string,
  ): Generator<{ idx: number; status: ItemStatus; result: string | null; path: string; name: string; error: string | null }> {
    const it = this.stmt(
      `SELECT idx, status, result, path, name, error_message AS error FROM batch_items WHERE batch_id = ? ORDER BY idx`,
    ).iterate(batchId);
    for (const r of it)
      yield r as unknown as {
        idx: number;
        status: ItemStatus;
        result: string | null;
        path: string;
        name: string;
        error: string | null;
      };
  }

  items(batchId: string, offset = 0, limit = 100_000): BatchItemView[] {
    return this.stmt(
      `SELECT idx, path, name, kind, pages, status, attempts, prompt_tokens, completion_tokens, cost_usd, total_ms,
         error_message AS error, request_id FROM batch_items WHERE batch_id = ? ORDER BY idx LIMIT ? OFFSET ?`,
    ).all(batchId, limit, offset) as unknown as BatchItemView[];
  }
}
