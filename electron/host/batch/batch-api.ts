/**
 * `--via batch-api`: the files go to the provider as one OpenAI-style batch job instead of one request each:
 * every request is written to a JSONL file (one line per file, `custom_id` naming it), uploaded with purpose
 * "batch", a batch is created and polled, and its output file is read back into the same per-file results,
 * ledger rows and summary files as a chat run. The provider's batch id is stored at once, so a stopped or killed
 * run resumes by polling the same job rather than paying for a second one. Providers and prices: docs/providers.md.
 */
import { createReadStream, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { BatchEvent } from '../../../shared/batch/types.ts';
import type { AttachmentRef } from '../../../shared/bridge/chat.ts';
import { makeError, redactKey } from '../../../shared/engine/errors.ts';
import { StreamNormalizer } from '../../../shared/engine/normalize.ts';
import { costOf, estimateTextTokens } from '../../../shared/engine/pricing.ts';
import { buildRequestBody } from '../../../shared/engine/request-body.ts';
import { emptyFailedResult } from '../../../shared/engine/result.ts';
import { type ChatResult, emptyUsage } from '../../../shared/engine/types.ts';
import { groundBoxes } from '../../../shared/grounding/parse-answer.ts';
import { catalogEntry, type Price } from '../../../shared/providers/catalog.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import { LedgerStore } from '../ledger/ledger-store.ts';
import { attachItemFor } from './attach-item.ts';
import type { BatchOutcome, BatchRunDeps } from './batch-runner.ts';
import { resultLine } from './batch-runner.ts';
import type { BatchRow, ItemRow } from './batch-store.ts';
import { BatchOutputs, isStorageFull } from './outputs.ts';
import { realClock } from './rate-limiter.ts';
import { writeSummaries } from './summaries.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import type { ChatService } from '../chat-service.ts';
import type { Db } from '../db.ts';
import type { ProviderStore } from '../provider-store.ts';

/** Where each provider's batch lines point, by catalog id; a provider not listed has no batch API Glimpse uses. */
const ENDPOINTS: Record<string, string> = {
  bigmodel: '/v4/chat/completions',
  novita: '/v1/chat/completions',
  custom: '/v1/chat/completions',
};

/** Batch price as a fraction of the standard price, where the provider states one (BigModel: half). */
const DISCOUNTS: Record<string, number> = { bigmodel: 0.5 };

/** Largest input file the providers take (BigModel: 100 MB and 50,000 requests per file). */
const MAX_FILE_BYTES = 100 * 1024 * 1024;
const MAX_REQUESTS = 50_000;

export function batchApiSupported(catalogId: string): boolean {
  return catalogId in ENDPOINTS;
}

export function batchApiDiscount(catalogId: string): number {
  return DISCOUNTS[catalogId] ?? 1;
}

export interface BatchApiDeps extends BatchRunDeps {
  host: { chat: ChatService; attachments: AttachmentStore; providers: ProviderStore; db: Db };
  apiKey: string | null;
  catalogId: string;
  discount: number;
  /** How often the job is polled (tests poll fast). */
  pollMs?: number;
  fetch?: typeof fetch;
}

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);

export async function runViaBatchApi(batch: BatchRow, deps: BatchApiDeps): Promise<BatchOutcome> {
  if (!batchApiSupported(deps.catalogId))
    throw new BadInputError(hostMessage('batch.no-batch-api', { provider: catalogEntry(deps.catalogId).name }));
  const { store } = deps;
  const id = batch.id;
  const startedAt = Date.now();
  const provider = deps.host.providers.get(deps.providerId);
  if (!provider) throw new BadInputError(hostMessage('request.no-provider'));
  const client = new OpenAI({
    apiKey: deps.apiKey || 'not-set',
    baseURL: provider.baseUrl,
    maxRetries: 3,
    fetch: deps.fetch,
    logLevel: 'off',
  });
  const emit = (e: BatchEvent) => deps.onEvent(e);
  emit({ type: 'start', batchId: id, counts: store.counts(id), resumed: Boolean(batch.provider_batch_id) });
  const out = new BatchOutputs(batch.out_dir, deps.outFs);
  const secret = (s: string) => redactKey(s, deps.apiKey);
  const stopped = (reason: string): BatchOutcome => {
    store.setStatus(id, 'stopped', reason);
    const counts = store.counts(id);
    emit({ type: 'end', batchId: id, counts, spent_usd: store.spent(id), status: 'stopped', reason });
    return { status: 'stopped', reason, counts, spent_usd: store.spent(id), wall_ms: Date.now() - startedAt };
  };

  let providerBatchId = batch.provider_batch_id;
  if (!providerBatchId) {
    const file = join(batch.out_dir, `.batch-input-${id}.jsonl`);
    try {
      const n = await writeInput(file, batch, deps);
      if (n === 0) return finishRun(batch, deps, out, startedAt);
      const size = statSync(file).size;
      if (size > MAX_FILE_BYTES)
        throw new BadInputError(hostMessage('batch.file-too-big', { mb: Math.round(size / 1024 / 1024) }));
      const uploaded = await client.files.create({ file: createReadStream(file), purpose: 'batch' });
      const job = await client.batches.create({
        input_file_id: uploaded.id,
        endpoint: ENDPOINTS[deps.catalogId] as '/v1/chat/completions',
        completion_window: '24h',
        metadata: { glimpse_batch: id },
      });
      providerBatchId = job.id;
      // Stored before anything else: from here on a resume polls this job instead of submitting (and paying) again.
      store.setProviderBatch(id, job.id, uploaded.id);
    } catch (e) {
      if (e instanceof BadInputError) throw e;
      return stopped(`the provider did not take the batch: ${secret(e instanceof Error ? e.message : String(e))}`);
    } finally {
      rmSync(file, { force: true });
    }
  }
  store.setStatus(id, 'running');
  const pollMs = deps.pollMs ?? 30_000;
  for (;;) {
    let job: OpenAI.Batches.Batch;
    try {
      job = await client.batches.retrieve(providerBatchId);
    } catch (e) {
      return stopped(
        `could not reach the provider to poll batch ${providerBatchId}: ${secret(e instanceof Error ? e.message : String(e))}; resume to poll again`,
      );
    }
    const rc = job.request_counts;
    emit({
      type: 'progress',
      batchId: id,
      counts: { ...store.counts(id), ...(rc ? { done: rc.completed, failed: rc.failed } : {}) },
      spent_usd: store.spent(id),
      rate_per_s: 0,
      eta_s: null,
    });
    if (TERMINAL.has(job.status)) {
      await collect(job, client, batch, deps);
      return finishRun(batch, deps, out, startedAt);
    }
    if (deps.cancel.aborted) {
      await client.batches.cancel(providerBatchId).catch(() => undefined);
      return stopped(`cancelled: asked the provider to cancel batch ${providerBatchId}; resume to collect what it finished`);
    }
    if (deps.stop.aborted) return stopped(`interrupted: provider batch ${providerBatchId} keeps running; resume to collect it`);
    await (deps.clock ?? realClock).sleep(pollMs, anySignal(deps.stop, deps.cancel));
  }
}

const anySignal = (...s: AbortSignal[]) => AbortSignal.any(s);

/** Writes one JSONL line per pending file: the same messages a chat run would send, without streaming. */
async function writeInput(file: string, batch: BatchRow, deps: BatchApiDeps): Promise<number> {
  writeFileSync(file, '');
  const spec = batch.spec;
  const provider = deps.host.providers.get(deps.providerId)!;
  const entry = catalogEntry(provider.catalogId);
  let n = 0;
  for (let after = -1; ; ) {
    const chunk = deps.store.pending(batch.id, 64, after);
    if (chunk.length === 0) break;
    for (const item of chunk) {
      after = item.idx;
      let refs: AttachmentRef[];
      try {
        // Stored and prepared in one trip to the decode child, as the pool does.
        const attached = await attachItemFor(item, batch.spec, deps.host.attachments, deps.contextTokens, true);
        refs = attached.refs;
        const prepared = await deps.host.chat.prepare(
          {
            providerId: deps.providerId,
            model: spec.model ?? undefined,
            thinking: spec.thinking,
            prompt: spec.prompt,
            attachments: refs,
            history: [],
            budget: spec.budget,
          },
          attached.prepared,
        );
        const body = buildRequestBody(entry, {
          model: spec.model ?? provider.model,
          thinking: spec.thinking,
          messages: prepared.messages,
          upstream: provider.upstream,
        });
        delete body.stream;
        delete body.stream_options;
        appendFileSync(
          file,
          `${JSON.stringify({ custom_id: `item-${item.idx}`, method: 'POST', url: ENDPOINTS[deps.catalogId], body })}\n`,
        );
        deps.store.markRunning(batch.id, item.idx, `item-${item.idx}`, item.attempts + 1);
        n++;
      } catch (e) {
        if (isStorageFull(e)) throw e;
        const r = emptyFailedResult(makeError('bad-input', e instanceof Error ? e.message : String(e)));
        await recordItem(batch, deps, item, r, null);
      }
      if (n > MAX_REQUESTS) throw new BadInputError(hostMessage('batch.too-many-files', { max: MAX_REQUESTS }));
    }
  }
  return n;
}

/** The batch price: the standard price times the provider's batch discount. */
function batchPrice(price: Price | null, discount: number): Price | null {
  return price
    ? {
        ...price,
        prompt: price.prompt * discount,
        completion: price.completion * discount,
        cachedRead: price.cachedRead === null ? null : price.cachedRead * discount,
      }
    : null;
}

/** Reads the job's output and error files into per-file results. */
async function collect(job: OpenAI.Batches.Batch, client: OpenAI, batch: BatchRow, deps: BatchApiDeps): Promise<void> {
  const seen = new Set<number>();
  const read = async (fileId: string | null | undefined) => {
    if (!fileId) return;
    const text = await (await client.files.content(fileId)).text();
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let line: {
        custom_id?: string;
        response?: { status_code?: number; body?: unknown } | null;
        error?: { code?: string; message?: string } | null;
      };
      try {
        line = JSON.parse(raw);
      } catch {
        continue;
      }
      const idx = Number(/^item-(\d+)$/.exec(line.custom_id ?? '')?.[1] ?? Number.NaN);
      const item = Number.isInteger(idx) ? deps.store.item(batch.id, idx) : null;
      if (!item || seen.has(idx) || item.status !== 'running') continue;
      seen.add(idx);
      await recordItem(batch, deps, item, resultOf(line, deps), job.id);
    }
  };
  await read(job.output_file_id);
  await read(job.error_file_id);
  // Files the job never answered (it expired or was cancelled first) fail with that reason.
  for (const r of deps.store.items(batch.id)) {
    if (r.status !== 'running' || seen.has(r.idx)) continue;
    const item = deps.store.item(batch.id, r.idx);
    if (item)
      await recordItem(
        batch,
        deps,
        item,
        emptyFailedResult(makeError('server', `The provider's batch ended (${job.status}) without an answer for this file.`)),
        job.id,
      );
  }
  // This job is collected: a later resume (files added since) submits a new one for what is left.
  deps.store.setProviderBatch(batch.id, null, null);
}

function resultOf(
  line: { response?: { status_code?: number; body?: unknown } | null; error?: { code?: string; message?: string } | null },
  deps: BatchApiDeps,
): ChatResult {
  const status = line.response?.status_code ?? null;
  if (line.error || (status !== null && status >= 400) || !line.response?.body) {
    const body = line.response?.body as { error?: { message?: string } } | undefined;
    return emptyFailedResult(
      makeError(
        'server',
        line.error?.message ?? body?.error?.message ?? `The provider answered ${status ?? 'nothing'} for this file.`,
        { status },
      ),
    );
  }
  const n = new StreamNormalizer();
  const d1 = n.push(line.response.body);
  const d2 = n.end();
  const answer = d1.content + d2.content;
  const reasoning = d1.reasoning + d2.reasoning;
  const price = batchPrice(deps.price, deps.discount);
  const estimatedUsage = { ...emptyUsage(), completion_tokens: estimateTextTokens(answer) + estimateTextTokens(reasoning) };
  return {
    answer,
    reasoning,
    boxes: groundBoxes(answer, []),
    usage: n.meta.usage ?? estimatedUsage,
    cost: costOf({ usage: n.meta.usage, estimatedUsage, providerCostUsd: n.meta.providerCostUsd, price }),
    estimate: { prompt_tokens: 0, usd: null },
    finish_reason: n.meta.finishReason,
    timings: { ttft_ms: null, total_ms: null },
    error: null,
  };
}

/** One file's result: its ledger row (at the batch price, tagged with the batch), its output file and its row. */
async function recordItem(
  batch: BatchRow,
  deps: BatchApiDeps,
  item: ItemRow,
  r: ChatResult,
  providerBatchId: string | null,
): Promise<void> {
  const provider = deps.host.providers.get(deps.providerId);
  const ledger = new LedgerStore(deps.host.db);
  const rowId = `${batch.id}:${item.idx}:${item.attempts}`;
  const now = Date.now();
  if (providerBatchId) {
    ledger.start({
      id: rowId,
      requestId: rowId,
      attempt: 1,
      startedAt: now,
      sessionId: null,
      providerId: deps.providerId,
      catalogId: deps.catalogId,
      provider: provider?.name ?? catalogEntry(deps.catalogId).name,
      upstream: null,
      model: batch.spec.model ?? provider?.model ?? '',
      mode: batch.spec.thinking ? 'thinking' : 'fast',
      compareGroup: null,
      price: batchPrice(deps.price, deps.discount),
      estimate: { prompt_tokens: item.est_prompt_tokens, usd: null },
      batchId: batch.id,
    });
    ledger.finish(rowId, r, r.usage.prompt_tokens > 0, now);
  }
  const line = await resultLine(item, r, item.attempts, providerBatchId ? rowId : '', deps.schema);
  const out = new BatchOutputs(batch.out_dir, deps.outFs);
  out.writeFileResult(item.name, line, batch.spec.format, deps.schema !== null);
  const json = JSON.stringify(line);
  deps.store.finish(batch.id, item.idx, {
    status: line.status === 'done' ? 'done' : 'failed',
    prompt_tokens: r.usage.prompt_tokens,
    completion_tokens: r.usage.completion_tokens,
    cost_usd: r.cost.usd,
    total_ms: r.timings.total_ms,
    error_kind: r.error?.kind ?? null,
    error_message: r.error?.message ?? null,
    result: json,
  });
  out.appendResult(json);
  deps.onEvent({
    type: 'file-end',
    batchId: batch.id,
    idx: item.idx,
    file: item.path,
    status: line.status,
    cost_usd: r.cost.usd,
    total_ms: r.timings.total_ms,
    error: r.error?.message ?? null,
  });
}

function finishRun(batch: BatchRow, deps: BatchApiDeps, out: BatchOutputs, startedAt: number): BatchOutcome {
  const counts = deps.store.counts(batch.id);
  const status = counts.pending + counts.running === 0 ? 'done' : 'stopped';
  const reason = status === 'done' ? null : 'files remain: resume to send them';
  deps.store.setStatus(batch.id, status, reason);
  const spent = deps.store.spent(batch.id);
  const wall_ms = Date.now() - startedAt;
  writeSummaries(deps.store, out, batch, { status, reason, counts, spent, wall_ms, columns: deps.schema?.columns ?? null });
  deps.onEvent({ type: 'end', batchId: batch.id, counts, spent_usd: spent, status, reason });
  return { status, reason, counts, spent_usd: spent, wall_ms };
}
