/**
 * `glimpse batch`: one prompt over many files through the host's batch services. Prints the estimate, asks before
 * sending (unless --yes), runs with progress, and says how to resume when it stops early.
 */
import { createInterface } from 'node:readline/promises';
import { guardedAnswerSchema, vetAnswerSchema } from '../host/batch/answer-schema.ts';
import { batchApiDiscount, batchApiSupported, runViaBatchApi } from '../host/batch/batch-api.ts';
import { type BatchOutcome, runBatch } from '../host/batch/batch-runner.ts';
import { type BatchPlan, estimateTodo, openBatch } from '../host/batch/batch-service.ts';
import { BatchStore } from '../host/batch/batch-store.ts';
import { completionGuess } from '../../shared/batch/estimate.ts';
import { formatTokens, formatUsd } from '../../shared/format/figures.ts';
import { BadInputError } from '../host/bad-input.ts';
import { startHost } from '../host/startup.ts';
import { UsageError } from './args.ts';
import type { Io } from './ask.ts';
import type { BatchArgs } from './batch-args.ts';
import { progressReporter } from './batch-progress.ts';
import { addCliProvider, catalogIdOf, contextOf } from './cli-inputs.ts';
import { completionHistory } from '../host/batch/batch-service.ts';

export interface Interrupts {
  /** First Ctrl+C. */
  stop: AbortSignal;
  /** Second Ctrl+C. */
  cancel: AbortSignal;
}

export interface BatchIo extends Io {
  /** Writes to the terminal as is: only the progress bar's own carriage return and erase-line go through here. */
  raw: (s: string) => void;
  /** Whether stdin is a terminal a person can answer a question on. */
  stdinIsTty: boolean;
}

export async function batch(args: BatchArgs, io: BatchIo, env: NodeJS.ProcessEnv, interrupts: Interrupts): Promise<number> {
  const { host, keys } = startHost({
    shell: 'cli',
    door: null,
    dataDir: args.dataDir,
    idleTimeoutS: args.spec.idleTimeoutS,
    env,
  });
  try {
    const store = new BatchStore(host.db);
    if (args.list) return listBatches(store, io);
    const resumed = args.resume ? store.get(args.resume) : null;
    if (args.resume && !resumed) throw new UsageError(`No batch ${args.resume} in this data folder (\`glimpse batch --list\`).`);
    const spec = resumed ? resumed.spec : args.spec;
    const outDir = resumed ? resumed.out_dir : (args.out as string);
    spec.provider = catalogIdOf({ provider: resumed ? spec.provider : args.provider, baseUrl: spec.baseUrl });
    const provider = addCliProvider(host, keys, {
      provider: spec.provider,
      baseUrl: spec.baseUrl,
      model: spec.model,
      apiKey: args.apiKey,
    });
    spec.model = provider.model;
    // Checked before any file is read or request sent: a broken schema is a usage error, not 2,000 failures.
    if (spec.schema) await vetAnswerSchema(spec.schema.name, spec.schema.text);
    const schema = spec.schema ? guardedAnswerSchema(spec.schema.name, spec.schema.text) : null;
    const view = host.providers.get(provider.providerId);
    const price = view ? host.providers.priceFor(view, provider.model) : null;
    if (spec.maxCostUsd !== null && !price)
      throw new UsageError(
        `--max-cost needs a price for ${provider.model}, and none is known. Enter one in the app's settings, or leave out --max-cost.`,
      );
    if (spec.via === 'batch-api' && !batchApiSupported(provider.catalogId))
      throw new UsageError(
        `${provider.name} has no OpenAI-style batch API Glimpse can use (docs/providers.md): leave out --via batch-api.`,
      );
    const discount = spec.via === 'batch-api' ? batchApiDiscount(provider.catalogId) : 1;
    let plan: BatchPlan;
    try {
      plan = await openBatch({
        db: host.db,
        spec,
        outDir,
        model: provider.model,
        price,
        contextTokens: contextOf(provider),
        discount,
        resumeId: resumed?.id ?? null,
      });
    } catch (e) {
      if (e instanceof BadInputError) throw new UsageError(e.message);
      throw e;
    }
    const id = plan.batch.id;
    if (args.retryFailed) {
      store.retryFailed(id);
      plan = {
        ...plan,
        counts: store.counts(id),
        estimate: estimateTodo(store, id, { db: host.db, model: provider.model, price, discount, spec }),
      };
    }
    printPlan(plan, provider, io, args.json);
    const todo = plan.counts.pending + plan.counts.running;
    if (todo > 0 && !args.yes) {
      if (!io.stdinIsTty) {
        io.err(`Not started: pass --yes to start without a terminal to confirm on (batch ${id}).\n`);
        return 2;
      }
      if (!(await confirm('Start? [y/N] ', interrupts.stop))) {
        io.err(`Not started. Run the same command again, or \`glimpse batch --resume ${id}\`, to start it later.\n`);
        return 0;
      }
    }
    const mode = args.json ? 'json' : io.errIsTty ? 'bar' : 'lines';
    const root = spec.inputs.length === 1 && !/[*?[\]{}]/.test(spec.inputs[0] ?? '') ? (spec.inputs[0] ?? null) : null;
    const progress = progressReporter(mode, io, io.raw, root);
    const guess = completionGuess(spec.thinking, completionHistory(host.db, provider.model, spec.thinking));
    const batchRow = store.get(id)!;
    let outcome: BatchOutcome;
    try {
      const deps = {
        host,
        store,
        providerId: provider.providerId,
        contextTokens: contextOf(provider),
        price,
        guess,
        schema,
        onEvent: progress.onEvent,
        stop: interrupts.stop,
        cancel: interrupts.cancel,
      };
      outcome =
        spec.via === 'batch-api'
          ? await runViaBatchApi(batchRow, {
              ...deps,
              apiKey: host.providers.keyFor(provider.providerId),
              catalogId: provider.catalogId,
              discount,
              // A provider batch takes minutes to hours: polled every 30 s unless GLIMPSE_BATCH_POLL_MS says otherwise.
              pollMs: Number(env.GLIMPSE_BATCH_POLL_MS) > 0 ? Number(env.GLIMPSE_BATCH_POLL_MS) : undefined,
            })
          : await runBatch(batchRow, deps);
    } finally {
      progress.close();
    }
    printOutcome(id, outDir, outcome, io, args.json, Boolean(schema) || spec.format === 'csv');
    if (outcome.status === 'done') return outcome.counts.failed > 0 ? 1 : 0;
    return interrupts.stop.aborted || interrupts.cancel.aborted ? 130 : 3;
  } finally {
    host.close();
  }
}

async function confirm(question: string, signal: AbortSignal): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    // Ctrl+C at the prompt is a "no", not a dead process.
    const answer = await new Promise<string>((resolve) => {
      rl.on('SIGINT', () => resolve(''));
      signal.addEventListener('abort', () => resolve(''), { once: true });
      rl.question(question).then(resolve, () => resolve(''));
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function printPlan(plan: BatchPlan, provider: { name: string; model: string }, io: Io, json: boolean): void {
  const spec = plan.batch.spec;
  const e = plan.estimate;
  if (json) {
    io.out(
      `${JSON.stringify({ type: 'estimate', batchId: plan.batch.id, resumed: plan.resumed, counts: plan.counts, found: plan.found, skipped: plan.skipped, failed: plan.failed, estimate: e })}\n`,
      'json',
    );
    return;
  }
  const lines: string[] = [];
  lines.push(
    `Batch ${plan.batch.id}${plan.resumed ? ' (resumed)' : ''}: ${provider.model} on ${provider.name}, ${spec.thinking ? 'thinking' : 'fast'}${spec.via === 'batch-api' ? ', through the batch API' : ''}.`,
  );
  const f = plan.found;
  lines.push(
    `Found ${f.files} file(s): ${f.images} image(s), ${f.pdfs} PDF(s)${f.pdfs ? ` with ${f.pages} page(s) to send` : ''}.`,
  );
  const listed = (title: string, xs: { path: string; reason: string }[]) => {
    if (!xs.length) return;
    lines.push(`${title} ${xs.length}:`);
    for (const x of xs.slice(0, 20)) lines.push(`  ${x.path}: ${x.reason}`);
    if (xs.length > 20) lines.push(`  … and ${xs.length - 20} more (all in summary.json)`);
  };
  listed('Skipped', plan.skipped);
  listed('Failed before sending', plan.failed);
  if (plan.counts.done) lines.push(`Already done: ${plan.counts.done} file(s) (kept; not sent again).`);
  lines.push(
    `To send: ${e.files} file(s), about ${formatTokens(e.prompt_tokens)} prompt tokens (images counted at the ${formatTokens(spec.budget)}-token budget they are sized to; smaller images cost less).`,
  );
  lines.push(
    `Completion: ${e.completion.basis}: ${formatTokens(e.completion.total_low)}-${formatTokens(e.completion.total_high)} tokens in all.`,
  );
  if (e.usd_low === null || e.usd_high === null)
    lines.push('Cost: unknown (no price for this model; enter one in the app to see it).');
  else
    lines.push(
      `Cost: ${formatUsd(e.usd_low)} to ${formatUsd(e.usd_high)} (at $${e.price?.prompt}/$${e.price?.completion} per 1M prompt/completion tokens${e.discount !== 1 ? `, batch price ${Math.round(e.discount * 100)}%` : ''}).`,
    );
  if (spec.maxCostUsd !== null)
    lines.push(`--max-cost ${formatUsd(spec.maxCostUsd)}: no file starts once spend plus what is in flight could pass it.`);
  lines.push(`Output: ${plan.batch.out_dir}`);
  io.err(`${lines.join('\n')}\n`);
}

function printOutcome(id: string, outDir: string, o: BatchOutcome, io: Io, json: boolean, csv: boolean): void {
  if (json) {
    // Peak memory of this process, for the benchmark and for anyone sizing a machine for a night's batch, and what
    // it is made of at the end (V8's heap as sized, what is live in it, memory outside it). The decode child is
    // another process with its own memory: the benchmark measures the two together.
    const m = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 1048576);
    // Linux updates the high-water mark behind maxRSS lazily: it can lag the current RSS by a few pages, and a
    // peak below the present would read as nonsense.
    const peak_rss_mb = mb(Math.max(process.resourceUsage().maxRSS * 1024, m.rss));
    const memory_mb = {
      rss: mb(m.rss),
      heap_total: mb(m.heapTotal),
      heap_used: mb(m.heapUsed),
      external: mb(m.external),
      array_buffers: mb(m.arrayBuffers),
    };
    io.out(`${JSON.stringify({ type: 'summary', batchId: id, ...o, peak_rss_mb, memory_mb })}\n`, 'json');
    return;
  }
  const c = o.counts;
  io.err(
    `Batch ${id}: ${c.done} done, ${c.failed} failed, ${c.skipped} skipped, ${c.pending + c.running} left. Spent ${formatUsd(o.spent_usd)} in ${Math.round(o.wall_ms / 1000)} s.\n`,
  );
  io.err(`Results in ${outDir}: results.jsonl, summary.json${csv ? ', results.csv' : ''}.\n`);
  if (o.status === 'stopped') io.err(`Stopped: ${o.reason}\nResume with: glimpse batch --resume ${id}\n`);
}

function listBatches(store: BatchStore, io: Io): number {
  const rows = store.list();
  if (!rows.length) {
    io.out('No batches in this data folder.\n');
    return 0;
  }
  for (const b of rows) {
    const c = store.counts(b.id);
    io.out(
      `${b.id}  ${new Date(b.created_at).toISOString().slice(0, 16).replace('T', ' ')}  ${b.status.padEnd(7)}  ${c.done}/${c.total} done, ${c.failed} failed  ${b.out_dir}\n`,
    );
  }
  return 0;
}
