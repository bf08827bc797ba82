/**
 * Opens a batch for a run: plans the inputs, finds the batch a previous run of the same command left (or the one
 * `--resume ID` names) and brings its files up to date, and computes the estimate over what is left to do. Used
 * by `glimpse batch` and the app's Batch view alike.
 */
import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { type BatchEstimate, type CompletionHistory, completionGuess, estimateBatch } from '../../../shared/batch/estimate.ts';
import type { BatchCounts, BatchSpec } from '../../../shared/batch/types.ts';
import type { Price } from '../../../shared/providers/catalog.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import type { Db } from '../db.ts';
import { type BatchRow, BatchStore, type PlannedItem } from './batch-store.ts';
import { checkOutDir } from './outputs.ts';
import { planInputs } from './plan.ts';

/** What the person is shown before anything is sent. */
export interface BatchPlan {
  batch: BatchRow;
  /** True when an earlier run of this batch had already done some files. */
  resumed: boolean;
  counts: BatchCounts;
  found: { files: number; images: number; pdfs: number; pages: number };
  skipped: { path: string; reason: string }[];
  failed: { path: string; reason: string }[];
  /** Over the files still to do. */
  estimate: BatchEstimate;
}

/** The fields that change what a file's answer is: a different one makes a different batch. */
export function paramsHash(spec: BatchSpec): string {
  const { prompt, provider, baseUrl, model, thinking, budget, pages, pdfText, schema, via } = spec;
  return sha({ prompt, provider, baseUrl, model, thinking, budget, pages, pdfText, schema: schema?.text ?? null, via });
}

function sha(v: unknown): string {
  return createHash('sha256').update(JSON.stringify(v)).digest('hex');
}

/** What identifies "the same command run again": the inputs, the parameters and the output folder. */
export function runKey(spec: BatchSpec, outDir: string): string {
  return sha({ inputs: spec.inputs, params: paramsHash(spec), out: resolve(outDir) });
}

/** Past completions of a model in a mode, from the ledger, for the estimate's completion side. */
export function completionHistory(db: Db, model: string, thinking: boolean): CompletionHistory | null {
  const r = db
    .prepare(
      `SELECT COUNT(*) AS n, AVG(completion_tokens) AS avg, MAX(completion_tokens) AS max FROM
         (SELECT completion_tokens FROM ledger WHERE model = ? AND mode = ? AND status = 'done' ORDER BY started_at DESC LIMIT 200)`,
    )
    .get(model, thinking ? 'thinking' : 'fast') as { n: number; avg: number | null; max: number | null };
  return r.n ? { requests: r.n, avgCompletion: r.avg ?? 0, maxCompletion: r.max ?? 0 } : null;
}

export interface OpenOptions {
  db: Db;
  spec: BatchSpec;
  outDir: string;
  model: string;
  price: Price | null;
  contextTokens: number | null;
  /** A batch API's price factor (0.5 = half price), else 1. */
  discount?: number;
  /** An existing batch to continue (`--resume ID`). */
  resumeId?: string | null;
}

/** Plans the inputs and opens (or continues) the batch. Refuses an unwritable out folder before anything else. */
export async function openBatch(o: OpenOptions): Promise<BatchPlan> {
  const store = new BatchStore(o.db);
  const outDir = resolve(o.outDir);
  checkOutDir(outDir);
  let batch: BatchRow | null;
  if (o.resumeId) {
    batch = store.get(o.resumeId);
    if (!batch) throw new BadInputError(hostMessage('batch.no-such-id', { id: o.resumeId }));
  } else {
    batch = store.findByRunKey(runKey(o.spec, outDir));
  }
  const spec = batch?.spec ?? o.spec;
  const planned = await planInputs(spec, outDir, o.contextTokens);
  if (planned.length === 0) throw new BadInputError(hostMessage('batch.no-files', { inputs: spec.inputs.join(', ') }));
  const resumed = batch !== null;
  if (!batch) {
    const id = randomUUID();
    store.create({ id, runKey: runKey(spec, outDir), spec, outDir, paramsHash: paramsHash(spec) });
    batch = store.get(id) as BatchRow;
  }
  store.reconcile(batch.id, planned);
  // Files submitted to a provider batch stay `running` until it is collected; others left running were in flight.
  if (!batch.provider_batch_id) store.resetRunning(batch.id);
  return {
    batch,
    resumed,
    counts: store.counts(batch.id),
    ...summarisePlan(planned),
    estimate: estimateTodo(store, batch.id, o),
  };
}

function summarisePlan(planned: readonly PlannedItem[]): Pick<BatchPlan, 'found' | 'skipped' | 'failed'> {
  const found = { files: planned.length, images: 0, pdfs: 0, pages: 0 };
  const skipped: BatchPlan['skipped'] = [];
  const failed: BatchPlan['failed'] = [];
  for (const p of planned) {
    if (p.kind === 'image') found.images++;
    if (p.kind === 'pdf') {
      found.pdfs++;
      found.pages += p.pages;
    }
    if (p.status === 'skipped') skipped.push({ path: p.path, reason: p.error ?? 'skipped' });
    if (p.status === 'failed') failed.push({ path: p.path, reason: p.error ?? 'failed' });
  }
  return { found, skipped, failed };
}

/** The estimate over the files still pending (a resumed batch is priced for what is left). */
export function estimateTodo(
  store: BatchStore,
  batchId: string,
  o: Pick<OpenOptions, 'db' | 'model' | 'price' | 'discount'> & { spec: Pick<BatchSpec, 'thinking'> },
): BatchEstimate {
  const tokens: number[] = [];
  for (let after = -1; ; ) {
    const chunk = store.pending(batchId, 1000, after);
    if (chunk.length === 0) break;
    for (const it of chunk) tokens.push(it.est_prompt_tokens);
    after = chunk[chunk.length - 1]?.idx ?? after;
  }
  const guess = completionGuess(o.spec.thinking, completionHistory(o.db, o.model, o.spec.thinking));
  return estimateBatch(tokens, guess, o.price, o.discount ?? 1);
}
