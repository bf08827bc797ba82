/**
 * Writes the ledger: a row when a request attempt starts, estimated progress while it streams, and the final
 * figures when it ends. Each write is one statement (SQLite makes it atomic), so a kill at any point leaves
 * either the previous state of the row or the next one, never half of each.
 */
import { priceUsage } from '../../../shared/engine/pricing.ts';
import { resultStatus } from '../../../shared/engine/result.ts';
import type { ChatError, ChatResult, Estimate, Usage } from '../../../shared/engine/types.ts';
import type { Price } from '../../../shared/providers/catalog.ts';
import type { SamplingParams } from '../../../shared/params/types.ts';
import type { LedgerStatus } from '../../../shared/bridge/usage.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import type { StatementSync } from 'node:sqlite';
import type { Db } from '../db.ts';
import { transaction } from '../db.ts';
import { localDay } from './local-day.ts';
import { isOwnerAlive, ownStart } from './owner.ts';

export interface LedgerStart {
  id: string;
  requestId: string;
  attempt: number;
  startedAt: number;
  sessionId: string | null;
  providerId: string;
  catalogId: string;
  provider: string;
  upstream: string | null;
  model: string;
  mode: 'thinking' | 'fast';
  compareGroup: string | null;
  price: Price | null;
  estimate: Estimate;
  /** The batch this request belongs to (issue #13), so usage can be filtered by batch. */
  batchId?: string | null;
  /** The system prompt and parameters the request was sent with (JSON in the row); null: all provider defaults. */
  params?: SamplingParams | null;
  /** Continue: the request whose answer this one extends (its row stays its own). */
  continues?: string | null;
}

export class LedgerStore {
  private readonly db: Db;
  /** Prepared once: the triggers that keep the rollup make each statement costly to compile. */
  private readonly stmts = new Map<string, StatementSync>();
  constructor(db: Db) {
    this.db = db;
  }

  private stmt(sql: string): StatementSync {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  start(r: LedgerStart): void {
    this.stmt(
      `INSERT INTO ledger (id, request_id, attempt, owner_pid, owner_started, started_at, day, session_id, provider_id, catalog_id, provider,
           upstream, model, mode, compare_group, status, price_snapshot, estimate_prompt_tokens, estimate_usd, batch_id,
           params, continues)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'streaming', ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id,
      r.requestId,
      r.attempt,
      process.pid,
      ownStart(),
      r.startedAt,
      localDay(r.startedAt),
      r.sessionId,
      r.providerId,
      r.catalogId,
      r.provider,
      r.upstream,
      r.model,
      r.mode,
      r.compareGroup,
      r.price ? JSON.stringify(r.price) : null,
      r.estimate.prompt_tokens,
      r.estimate.usd,
      r.batchId ?? null,
      r.params && Object.keys(r.params).length > 0 ? JSON.stringify(r.params) : null,
      r.continues ?? null,
    );
  }

  /** Estimated tokens so far, so a row cut off by a kill still says roughly what was used. */
  progress(id: string, usage: Usage): void {
    this.stmt(
      `UPDATE ledger SET prompt_tokens = ?, completion_tokens = ?, reasoning_tokens = ?, tokens_estimated = 1
         WHERE id = ? AND status = 'streaming'`,
    ).run(usage.prompt_tokens, usage.completion_tokens, usage.reasoning_tokens, id);
  }

  finish(id: string, result: ChatResult, usageReported: boolean, endedAt: number): void {
    const status: LedgerStatus = resultStatus(result);
    const u = result.usage;
    this.stmt(
      `UPDATE ledger SET status = ?, ended_at = ?, prompt_tokens = ?, completion_tokens = ?, reasoning_tokens = ?,
           cached_tokens = ?, tokens_estimated = ?, cost_usd = ?, cost_source = ?, ttft_ms = ?, total_ms = ?,
           finish_reason = ?, error_kind = ?, error_message = ?, error_code = ?, error_params = ?
         WHERE id = ?`,
    ).run(
      status,
      endedAt,
      u.prompt_tokens,
      u.completion_tokens,
      u.reasoning_tokens,
      u.cached_tokens,
      usageReported ? 0 : 1,
      result.cost.usd,
      result.cost.source,
      result.timings.ttft_ms,
      result.timings.total_ms,
      result.finish_reason,
      result.error?.kind ?? null,
      result.error?.message ?? null,
      ...errorCode(result.error),
      id,
    );
  }

  /**
   * An attempt that failed before any output and is being retried: its own row, with the error that caused the
   * retry. Nothing was produced, so nothing is billed: 0 when a price is known (as the engine does), else unknown.
   */
  retried(id: string, error: ChatError, startedAt: number, endedAt: number, price: Price | null): void {
    this.stmt(
      `UPDATE ledger SET status = 'retried', ended_at = ?, total_ms = ?, cost_usd = ?, cost_source = ?,
           prompt_tokens = 0, completion_tokens = 0, reasoning_tokens = 0, tokens_estimated = 0, error_kind = ?, error_message = ?,
           error_code = ?, error_params = ?
         WHERE id = ?`,
    ).run(
      endedAt,
      endedAt - startedAt,
      price ? 0 : null,
      price ? 'estimate' : 'unknown',
      error.kind,
      error.message,
      ...errorCode(error),
      id,
    );
  }
}

interface StreamingRow {
  id: string;
  owner_pid: number | null;
  owner_started: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  estimate_prompt_tokens: number | null;
  price_snapshot: string | null;
}

/**
 * At start-up: rows left 'streaming' by a process that no longer runs (a crash, a kill, a power cut) become
 * 'incomplete', with tokens estimated from what had been saved and a cost estimated from the price snapshot.
 * Returns the ids it marked.
 */
export function recoverInterruptedLedger(db: Db, now = Date.now()): string[] {
  const rows = db
    .prepare(`SELECT id, owner_pid, owner_started, prompt_tokens, completion_tokens, reasoning_tokens, estimate_prompt_tokens,
      price_snapshot FROM ledger WHERE status = 'streaming'`)
    .all() as unknown as StreamingRow[];
  const dead = rows.filter((r) => r.owner_pid !== process.pid && !isOwnerAlive(r.owner_pid, r.owner_started));
  if (dead.length === 0) return [];
  const update = db.prepare(
    `UPDATE ledger SET status = 'incomplete', ended_at = ?, prompt_tokens = ?, tokens_estimated = 1, cost_usd = ?, cost_source = ?,
       error_message = ?, error_code = ?, error_params = '{}'
     WHERE id = ? AND status = 'streaming'`,
  );
  transaction(db, () => {
    for (const r of dead) {
      const prompt = r.prompt_tokens || r.estimate_prompt_tokens || 0;
      const price = r.price_snapshot ? (JSON.parse(r.price_snapshot) as Price) : null;
      const usage: Usage = {
        prompt_tokens: prompt,
        completion_tokens: r.completion_tokens,
        reasoning_tokens: r.reasoning_tokens,
        cached_tokens: 0,
      };
      const why = hostMessage('ledger.interrupted');
      update.run(
        now,
        prompt,
        price ? priceUsage(usage, price) : null,
        price ? 'estimate' : 'unknown',
        why.message,
        why.code,
        r.id,
      );
    }
  });
  return dead.map((r) => r.id);
}

/** An error's message code and its parameters (JSON) for the ledger row; nulls for none. */
function errorCode(e: ChatError | null | undefined): [string | null, string | null] {
  return e?.summary ? [e.summary.code, JSON.stringify(e.summary.params)] : [null, null];
}
