/**
 * Runs a batch's pending files through the chat service: a pool of `concurrency` workers sharing one rate
 * limiter, each file tried until it is done, failed for good, or the batch stops. Stopping (Ctrl+C, --max-cost,
 * a full disk, a refused key) lets what is in flight finish and leaves the rest pending; cancelling aborts what is
 * in flight too. Whatever stops it, every file is done, failed or pending in the database, so a resume redoes
 * only what was in flight.
 */
import { randomUUID } from 'node:crypto';
import { type CompletionGuess, fileCeilingUsd } from '../../../shared/batch/estimate.ts';
import type { BatchCounts, BatchEvent, BatchResultLine } from '../../../shared/batch/types.ts';
import { makeError, redactSecrets } from '../../../shared/engine/errors.ts';
import { emptyFailedResult } from '../../../shared/engine/result.ts';
import type { ChatResult } from '../../../shared/engine/types.ts';
import type { Price } from '../../../shared/providers/catalog.ts';
import { BadInputError } from '../bad-input.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import type { ChatService } from '../chat-service.ts';
import type { BatchAnswerSchema } from './answer-schema.ts';
import { type AttachedItem, attachItemFor } from './attach-item.ts';
import type { BatchRow, BatchStore, ItemRow } from './batch-store.ts';
import { BatchOutputs, isStorageFull, type OutFs } from './outputs.ts';
import { type Clock, RateLimiter, realClock } from './rate-limiter.ts';
import { backoffMs, failureAction, MAX_RATE_LIMITED, MAX_TRANSIENT_ATTEMPTS } from './retry-policy.ts';
import { writeSummaries } from './summaries.ts';

export interface BatchRunDeps {
  host: { chat: ChatService; attachments: AttachmentStore };
  store: BatchStore;
  /** The provider (as registered in the host) every request goes to. */
  providerId: string;
  contextTokens: number | null;
  price: Price | null;
  guess: CompletionGuess;
  schema: BatchAnswerSchema | null;
  onEvent: (e: BatchEvent) => void;
  /** First Ctrl+C: start nothing new; what is in flight finishes. */
  stop: AbortSignal;
  /** Second Ctrl+C: abort what is in flight too (those files stay pending). */
  cancel: AbortSignal;
  outFs?: OutFs;
  clock?: Clock;
  limiter?: RateLimiter;
}

export interface BatchOutcome {
  status: 'done' | 'stopped';
  reason: string | null;
  counts: BatchCounts;
  spent_usd: number;
  wall_ms: number;
}

/** How many pending files are read from the database at a time: memory stays flat however long the batch. */
const FEED_CHUNK = 64;

export async function runBatch(batch: BatchRow, deps: BatchRunDeps): Promise<BatchOutcome> {
  const { store, clock = realClock } = deps;
  const id = batch.id;
  const spec = batch.spec;
  const limiter = deps.limiter ?? new RateLimiter(clock);
  const out = new BatchOutputs(batch.out_dir, deps.outFs);
  const startedAt = Date.now();
  const resumedRunning = store.resetRunning(id);
  store.setStatus(id, 'running');
  // Counted once here, then kept as files move: counting the batch's rows on every file was quadratic.
  const counts = store.counts(id);
  const move = (from: keyof BatchCounts, to: keyof BatchCounts) => {
    counts[from]--;
    counts[to]++;
  };
  deps.onEvent({ type: 'start', batchId: id, counts: { ...counts }, resumed: resumedRunning > 0 || counts.done > 0 });

  let spent = store.spent(id);
  let reserved = 0;
  let stopReason = null as string | null;
  const stopCtrl = new AbortController();
  const inflight = new Set<AbortController>();
  const stopNow = (reason: string) => {
    if (stopReason === null) {
      stopReason = reason;
      deps.onEvent({ type: 'stopping', batchId: id, reason });
    }
    stopCtrl.abort();
  };
  const onStop = () => stopNow('interrupted: the files in flight were finished, the rest wait for a resume');
  const onCancel = () => {
    stopNow('cancelled: the files in flight were stopped and wait for a resume with the rest');
    for (const c of inflight) c.abort();
  };
  // The writes of one task (a file marked running and its ledger row opened; the ledger row closed and the file's
  // outcome) commit together. A commit that fails at the task's end is a full disk: stop, as a failed write does.
  const writes = store.writeGroup((e) => {
    if (isStorageFull(e)) stopNow('could not write to the database (the disk is full); free space and resume');
    else stopNow(`could not write to the database (${redactSecrets(e instanceof Error ? e.message : String(e))}); resume`);
  });
  if (deps.stop.aborted) onStop();
  if (deps.cancel.aborted) onCancel();
  deps.stop.addEventListener('abort', onStop, { once: true });
  deps.cancel.addEventListener('abort', onCancel, { once: true });

  // Progress: files finished in the last 30 s give the rate and the ETA.
  const finishedAt: number[] = [];
  const progress = () => {
    const now = Date.now();
    while (finishedAt.length && (finishedAt[0] ?? 0) < now - 30_000) finishedAt.shift();
    const span = Math.min(30_000, now - startedAt) / 1000;
    const rate = span > 0 ? finishedAt.length / span : 0;
    const left = counts.pending + counts.running;
    deps.onEvent({
      type: 'progress',
      batchId: id,
      counts: { ...counts },
      spent_usd: spent,
      rate_per_s: rate,
      eta_s: rate > 0 ? left / rate : null,
    });
  };

  // Files in a row that failed for good with a transient fault: the provider is down, not the files bad. Past
  // the threshold the batch stops (resumable) instead of failing every file of a night's run one by one.
  let downStreak = 0;
  const downThreshold = Math.max(3, spec.concurrency);

  let cursor = -1;
  let buffer: ItemRow[] = [];
  const take = (): ItemRow | null => {
    if (buffer.length === 0) buffer = store.pending(id, FEED_CHUNK, cursor);
    const item = buffer.shift() ?? null;
    if (item) cursor = item.idx;
    return item;
  };

  const attach = (item: ItemRow) => attachItemFor(item, spec, deps.host.attachments, deps.contextTokens, true);

  /** `from`: the file's status in the database now (pending when its request was refused before sending). */
  const finishItem = async (
    item: ItemRow,
    from: 'pending' | 'running',
    result: ChatResult,
    attempts: number,
    requestId: string,
  ): Promise<boolean> => {
    const line = await resultLine(item, result, attempts, requestId, deps.schema);
    // One string for both the database row and results.jsonl.
    const json = JSON.stringify(line);
    try {
      out.writeFileResult(item.name, line, spec.format, deps.schema !== null);
      store.finish(id, item.idx, {
        status: line.status === 'done' ? 'done' : 'failed',
        prompt_tokens: result.usage.prompt_tokens,
        completion_tokens: result.usage.completion_tokens,
        cost_usd: result.cost.usd,
        total_ms: result.timings.total_ms,
        error_kind: result.error?.kind ?? null,
        error_message: result.error?.message ?? null,
        result: json,
      });
      // Committed (with the ledger row's end, in the same group) before anyone hears the file is finished.
      writes.commit();
      move(from, line.status === 'done' ? 'done' : 'failed');
      out.appendResult(json);
    } catch (e) {
      if (!isStorageFull(e)) throw e;
      const code = (e as NodeJS.ErrnoException).code ?? redactSecrets(e instanceof Error ? e.message : String(e));
      stopNow(
        `could not write the results (${code}: the disk is full or the folder is no longer writable); free space and resume`,
      );
      try {
        store.markPending(id, item.idx);
        if (from === 'running') move('running', 'pending');
      } catch {
        // The database is on the same full disk: the row stays `running`, which a resume also treats as pending.
      }
      return false;
    }
    finishedAt.push(Date.now());
    deps.onEvent({
      type: 'file-end',
      batchId: id,
      idx: item.idx,
      file: item.path,
      status: line.status,
      cost_usd: result.cost.usd,
      total_ms: result.timings.total_ms,
      error: result.error?.message ?? null,
    });
    progress();
    return true;
  };

  const runItem = async (item: ItemRow): Promise<void> => {
    let attempts = item.attempts;
    let transient = 0;
    let limited = 0;
    // Stored and prepared once, then kept across this file's attempts (a 429 resends it without decoding again).
    let attached: AttachedItem | null = null;
    // Whether the database has this file `running` (from its first send until it ends or goes back to pending).
    let running = false;
    const toPending = () => {
      store.markPending(id, item.idx);
      if (running) move('running', 'pending');
      running = false;
    };
    for (;;) {
      if (stopCtrl.signal.aborted) return toPending();
      const ceiling = fileCeilingUsd(item.est_prompt_tokens, deps.guess, deps.price) ?? 0;
      if (spec.maxCostUsd !== null && spent + reserved + ceiling > spec.maxCostUsd) {
        stopNow(
          `--max-cost $${spec.maxCostUsd} reached: $${spent.toFixed(4)} spent and $${reserved.toFixed(4)} in flight leave no room for another file`,
        );
        return toPending();
      }
      reserved += ceiling;
      attempts++;
      const requestId = randomUUID();
      deps.onEvent({ type: 'file-start', batchId: id, idx: item.idx, file: item.path, attempt: attempts });
      const ctrl = new AbortController();
      inflight.add(ctrl);
      if (deps.cancel.aborted) ctrl.abort();
      let t0 = clock.now();
      // The limiter is waited on once the file is decoded and ready, so the pace is the one the provider sees.
      // Marked running as it is sent, in the same commit as the ledger row its request opens.
      const beforeSend = async () => {
        t0 = await limiter.acquire(ctrl.signal);
        if (ctrl.signal.aborted) return false;
        writes.open();
        store.markRunning(id, item.idx, requestId, attempts);
        if (!running) move('pending', 'running');
        running = true;
        return true;
      };
      let result: ChatResult;
      try {
        attached ??= await attach(item);
        const req = {
          providerId: deps.providerId,
          model: spec.model ?? undefined,
          thinking: spec.thinking,
          prompt: spec.prompt,
          attachments: attached.refs,
          history: [],
          budget: spec.budget,
        };
        result = await deps.host.chat.run(req, ctrl, () => {}, requestId, {
          batchId: id,
          maxRetries: 0,
          beforeSend,
          beforeEnd: () => writes.open(),
          prepared: attached.prepared,
        });
      } catch (e) {
        result = emptyFailedResult(
          e instanceof BadInputError
            ? makeError('bad-input', e.text ?? e.message)
            : makeError('internal', redactSecrets(String(e))),
        );
      } finally {
        inflight.delete(ctrl);
        reserved -= ceiling;
      }
      spent += result.cost.usd ?? 0;
      const action = result.error ? failureAction(result.error) : null;
      if (action === 'rate-limited' && limited < MAX_RATE_LIMITED) {
        limited++;
        limiter.rateLimited(t0, result.error?.retry_after_s ?? null);
        deps.onEvent({ type: 'rate', batchId: id, ratePerS: limiter.ratePerS, pausedMs: limiter.pausedMs() });
        continue;
      }
      if (action !== 'rate-limited') limiter.succeeded(t0);
      if (action === 'transient' && transient + 1 < MAX_TRANSIENT_ATTEMPTS && !stopCtrl.signal.aborted) {
        transient++;
        const delayMs = backoffMs(transient);
        deps.onEvent({
          type: 'retry',
          batchId: id,
          idx: item.idx,
          file: item.path,
          reason: result.error?.message ?? '',
          delayMs,
        });
        await clock.sleep(delayMs, deps.cancel);
        continue;
      }
      if (action === 'stop-batch') {
        stopNow(`the provider refused the batch (${result.error?.kind}): ${result.error?.message}`);
        return toPending();
      }
      if (action === 'cancelled') return toPending();
      downStreak = action === 'transient' ? downStreak + 1 : 0;
      if (downStreak >= downThreshold) {
        stopNow(`${downStreak} files in a row failed to reach the provider (${result.error?.message}); resume when it is back`);
        return toPending();
      }
      await finishItem(item, running ? 'running' : 'pending', result, attempts, requestId);
      return;
    }
  };

  const worker = async () => {
    while (!stopCtrl.signal.aborted) {
      const item = take();
      if (!item) return;
      await runItem(item);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, spec.concurrency) }, worker));
  } finally {
    deps.stop.removeEventListener('abort', onStop);
    deps.cancel.removeEventListener('abort', onCancel);
  }
  try {
    writes.commit();
  } catch (e) {
    if (!isStorageFull(e)) throw e;
    // Rolled back: those files are pending (or running) in the database, and a resume sends them again.
  }
  const final = store.counts(id);
  const finished = final.pending === 0 && final.running === 0;
  const status = finished ? 'done' : 'stopped';
  const reason = finished ? null : stopReason;
  store.setStatus(id, status, reason);
  const wall_ms = Date.now() - startedAt;
  spent = store.spent(id);
  let summaryReason: string | null = reason;
  try {
    writeSummaries(store, out, batch, {
      status,
      reason,
      counts: final,
      spent,
      wall_ms,
      columns: deps.schema?.columns ?? null,
    });
  } catch (e) {
    if (!isStorageFull(e)) throw e;
    summaryReason = `${reason ?? 'finished'}; the summary files could not be written (disk full): resume to write them`;
  }
  deps.onEvent({ type: 'end', batchId: id, counts: final, spent_usd: spent, status, reason: summaryReason });
  return { status, reason: summaryReason, counts: final, spent_usd: spent, wall_ms };
}

/** One file's line of results.jsonl, with the schema's verdict when there is one. */
export async function resultLine(
  item: Pick<ItemRow, 'path' | 'name'>,
  r: ChatResult,
  attempts: number,
  requestId: string,
  schema: BatchAnswerSchema | null,
): Promise<BatchResultLine> {
  const line: BatchResultLine = {
    file: item.path,
    name: item.name,
    status: r.error ? 'failed' : 'done',
    attempts,
    answer: r.answer,
    boxes: r.boxes,
    usage: r.usage,
    cost: r.cost,
    timings: r.timings,
    error: r.error,
    request_id: requestId,
  };
  if (schema && !r.error) {
    const c = await schema.check(r.answer);
    line.json = c.json;
    line.valid = c.valid;
    line.validation_errors = c.errors;
  }
  return line;
}
