/**
 * The batch half of the bridge, for the app and the browser shell: plans over paths on the host's disk, runs a
 * batch in the background with the same runner as `glimpse batch`, and publishes its events on the `batch`
 * channel (the window title and the tray read the `progress` ones). Arguments arrive checked by
 * shared/bridge/batch-schema.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completionGuess } from '../../../shared/batch/estimate.ts';
import type { BatchEvent, BatchResultLine, BatchSpec } from '../../../shared/batch/types.ts';
import type { BatchApi, BatchExport, BatchPlanView, BatchSummary } from '../../../shared/bridge/batch.ts';
import type { HostEvent } from '../../../shared/bridge/contract.ts';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
import { DEFAULT_BUDGET } from '../../../shared/media/budget.ts';
import { catalogModel } from '../../../shared/providers/catalog.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import type { ChatService } from '../chat-service.ts';
import type { Db } from '../db.ts';
import { isOwnerAlive } from '../ledger/owner.ts';
import type { ProviderStore } from '../provider-store.ts';
import { runBatch } from './batch-runner.ts';
import { completionHistory, estimateTodo, openBatch } from './batch-service.ts';
import { type BatchRow, BatchStore } from './batch-store.ts';
import { csvHeader, csvRow } from './outputs.ts';

/**
 * Ajv (with its formats) and fflate are loaded when a batch first needs them: every shell builds these methods at
 * start, and the CLI's `ask` must not pay for them.
 */
const answerSchemas = () => import('./answer-schema.ts');

export interface BatchMethodDeps {
  db: Db;
  providers: ProviderStore;
  attachments: AttachmentStore;
  chat: ChatService;
  publish: (e: HostEvent) => void;
}

export interface BatchHost {
  methods: BatchApi;
  /** Stops every running batch (the app is quitting): in-flight requests are cancelled, their files stay pending. */
  close(): void;
}

export function createBatchMethods(d: BatchMethodDeps): BatchHost {
  const store = new BatchStore(d.db);
  const running = new Map<string, { stop: AbortController; cancel: AbortController }>();

  const providerOf = (spec: BatchSpec): ProviderView => {
    const p = spec.providerId ? d.providers.get(spec.providerId) : null;
    if (!p) throw new BadInputError(hostMessage('batch.provider-gone'));
    return p;
  };
  const contextOf = (p: ProviderView, model: string) => catalogModel(p.catalogId, model)?.contextTokens ?? null;
  const summary = (b: BatchRow): BatchSummary => ({
    id: b.id,
    createdAt: b.created_at,
    status: b.status,
    stopReason: b.stop_reason,
    outDir: b.out_dir,
    prompt: b.spec.prompt,
    model: b.spec.model,
    thinking: b.spec.thinking,
    counts: store.counts(b.id),
    active: running.has(b.id),
  });
  const estimateFor = (b: BatchRow) => {
    const p = providerOf(b.spec);
    const model = b.spec.model ?? p.model;
    return estimateTodo(store, b.id, { db: d.db, model, price: d.providers.priceFor(p, model), spec: b.spec });
  };

  const methods: BatchApi = {
    async planBatch(input) {
      const p = d.providers.get(input.providerId);
      if (!p) throw new BadInputError(hostMessage('request.no-provider'));
      const model = input.model ?? p.model;
      // Checked now: a broken schema is told before Start, not found 1,000 files later.
      if (input.schema) {
        const a = await answerSchemas();
        // First in the guard's worker, with a deadline: a hostile schema is refused, never compiled here.
        await a.vetAnswerSchema('The schema', input.schema);
        a.compileAnswerSchema('The schema', input.schema);
      }
      const spec: BatchSpec = {
        inputs: input.inputs,
        prompt: input.prompt,
        preset: input.preset ?? null,
        provider: p.catalogId,
        providerId: p.id,
        baseUrl: p.baseUrl,
        model,
        thinking: input.thinking,
        budget: input.budget ?? DEFAULT_BUDGET,
        pages: null,
        pdfText: false,
        schema: input.schema ? { name: 'the schema', text: input.schema } : null,
        format: input.format ?? (input.schema ? 'json' : 'md'),
        concurrency: input.concurrency ?? 4,
        maxCostUsd: input.maxCostUsd ?? null,
        via: 'chat',
        idleTimeoutS: null,
      };
      const price = d.providers.priceFor(p, model);
      if (spec.maxCostUsd !== null && !price) throw new BadInputError(hostMessage('batch.cost-needs-price', { model }));
      const plan = await openBatch({ db: d.db, spec, outDir: input.outDir, model, price, contextTokens: contextOf(p, model) });
      const { batch, ...rest } = plan;
      return { batchId: batch.id, ...rest } satisfies BatchPlanView;
    },

    async startBatch(batchId) {
      if (running.has(batchId)) return;
      const batch = store.get(batchId);
      if (!batch) throw new BadInputError(hostMessage('batch.no-such-batch'));
      const p = providerOf(batch.spec);
      const model = batch.spec.model ?? p.model;
      const schema = batch.spec.schema
        ? (await answerSchemas()).guardedAnswerSchema(batch.spec.schema.name, batch.spec.schema.text)
        : null;
      const ctl = { stop: new AbortController(), cancel: new AbortController() };
      running.set(batchId, ctl);
      const publish = (event: BatchEvent) => {
        // Not running any more by the time anyone hears the end, so a listener that asks sees it settled.
        if (event.type === 'end') running.delete(batchId);
        d.publish({ channel: 'batch', event });
      };
      runBatch(batch, {
        host: { chat: d.chat, attachments: d.attachments },
        store,
        providerId: p.id,
        contextTokens: contextOf(p, model),
        price: d.providers.priceFor(p, model),
        guess: completionGuess(batch.spec.thinking, completionHistory(d.db, model, batch.spec.thinking)),
        schema,
        onEvent: publish,
        stop: ctl.stop.signal,
        cancel: ctl.cancel.signal,
      })
        .catch((e: unknown) => {
          // A fault in the runner itself (a broken data folder): the batch stops, resumable, and the window hears why.
          const reason = e instanceof Error ? e.message : String(e);
          console.error(`glimpse: batch ${batchId} stopped: ${reason}`);
          try {
            store.setStatus(batchId, 'stopped', reason);
          } catch {
            // The database is what failed; the status stays `running`, which the next start offers to resume.
          }
          publish({ type: 'end', batchId, counts: store.counts(batchId), spent_usd: 0, status: 'stopped', reason });
        })
        .finally(() => running.delete(batchId));
    },

    async stopBatch({ batchId, cancel }) {
      const r = running.get(batchId);
      if (!r) return;
      r.stop.abort();
      if (cancel) r.cancel.abort();
    },

    async listBatches() {
      return store.list().map(summary);
    },

    async getBatchItems(q) {
      return store.items(q.batchId, q.offset ?? 0, q.limit ?? 1000);
    },

    async retryFailedBatch(batchId) {
      const b = store.get(batchId);
      if (!b) throw new BadInputError(hostMessage('batch.no-such-batch'));
      store.retryFailed(batchId);
      return {
        batchId,
        resumed: true,
        counts: store.counts(batchId),
        found: { files: store.counts(batchId).total, images: 0, pdfs: 0, pages: 0 },
        skipped: [],
        failed: [],
        estimate: estimateFor(b),
      };
    },

    async interruptedBatches() {
      return store
        .list()
        .filter((b) => !running.has(b.id))
        .filter((b) => (b.status === 'running' && !isOwnerAlive(b.owner_pid, null)) || b.status === 'stopped')
        .filter((b) => {
          const c = store.counts(b.id);
          return c.pending + c.running > 0;
        })
        .map(summary);
    },

    async exportBatch({ batchId, format }) {
      const b = store.get(batchId);
      if (!b) throw new BadInputError(hostMessage('batch.no-such-batch'));
      const stem = `glimpse-batch-${batchId.slice(0, 8)}`;
      if (format === 'jsonl') {
        const lines: string[] = [];
        for (const r of store.results(batchId)) if (r.result) lines.push(r.result);
        return {
          name: `${stem}.jsonl`,
          mime: 'application/x-ndjson',
          data: lines.length ? `${lines.join('\n')}\n` : '',
          encoding: 'utf8',
        } satisfies BatchExport;
      }
      if (format === 'csv') {
        const columns = b.spec.schema
          ? (await answerSchemas()).compileAnswerSchema(b.spec.schema.name, b.spec.schema.text).columns
          : [];
        const rows = [csvHeader(columns)];
        for (const r of store.results(batchId)) if (r.result) rows.push(csvRow(JSON.parse(r.result) as BatchResultLine, columns));
        return { name: `${stem}.csv`, mime: 'text/csv', data: rows.join(''), encoding: 'utf8' } satisfies BatchExport;
      }
      // The zip holds what the out folder holds for this batch: each file's output and the summary files.
      const files: Record<string, Uint8Array> = {};
      const names = new Set(store.items(batchId).map((i) => i.name));
      const keep = (f: string) =>
        ['results.jsonl', 'summary.json', 'results.csv'].includes(f) || names.has(f.replace(/\.(md|json)$/, ''));
      if (existsSync(b.out_dir))
        for (const f of readdirSync(b.out_dir)) if (keep(f)) files[f] = new Uint8Array(readFileSync(join(b.out_dir, f)));
      return {
        name: `${stem}.zip`,
        mime: 'application/zip',
        data: Buffer.from((await import('fflate')).zipSync(files)).toString('base64'),
        encoding: 'base64',
      } satisfies BatchExport;
    },
  };

  return {
    methods,
    close() {
      for (const r of running.values()) {
        r.stop.abort();
        r.cancel.abort();
      }
    },
  };
}
