/**
 * The batch runner against the fake batch provider, through a real host: stopping and resuming, a full disk,
 * --max-cost, 429s, transient and permanent errors, a refused key, schema validation and the CSV.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { guardedAnswerSchema } from '../../../../electron/host/batch/answer-schema.ts';
import { SchemaGuard } from '../../../../electron/host/params/schema-guard.ts';
import { type BatchRunDeps, runBatch } from '../../../../electron/host/batch/batch-runner.ts';
import { openBatch } from '../../../../electron/host/batch/batch-service.ts';
import { BatchStore } from '../../../../electron/host/batch/batch-store.ts';
import { type OutFs, realOutFs } from '../../../../electron/host/batch/outputs.ts';
import { createHost, type Host } from '../../../../electron/host/host.ts';
import { decoder } from '../../../../electron/host/media/decode-pool.ts';
import { FileKeyStore } from '../../../../electron/host/key-store.ts';
import { completionGuess } from '../../../../shared/batch/estimate.ts';
import type { BatchEvent, BatchSpec } from '../../../../shared/batch/types.ts';
import { type FakeBatchOptions, type FakeBatchProvider, startFakeBatchProvider } from '../../../fixtures/fake-batch-provider.ts';

let scans: string;
const FILES = 8;

beforeAll(async () => {
  scans = mkdtempSync(join(tmpdir(), 'glimpse-batch-scans-'));
  for (let i = 0; i < FILES; i++)
    await sharp({ create: { width: 60 + i, height: 40, channels: 3, background: { r: i * 20, g: 10, b: 10 } } })
      .png()
      .toFile(join(scans, `r${i}.png`));
});
afterAll(() => rmSync(scans, { recursive: true, force: true }));

let host: Host | null = null;
let fake: FakeBatchProvider | null = null;
const dirs: string[] = [];
afterEach(async () => {
  host?.close();
  host = null;
  await fake?.close();
  fake = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function spec(over: Partial<BatchSpec> = {}): BatchSpec {
  return {
    inputs: [scans],
    prompt: 'Read this receipt',
    preset: null,
    provider: 'zai',
    baseUrl: null,
    model: 'glm-4.5v',
    thinking: false,
    budget: 256,
    pages: null,
    pdfText: false,
    schema: null,
    format: 'md',
    concurrency: 3,
    maxCostUsd: null,
    via: 'chat',
    idleTimeoutS: null,
    ...over,
  };
}

/** A host on a fresh data dir with the fake as a Z.AI provider (so prices are known), and an out folder. */
async function setup(fakeOpts: FakeBatchOptions = {}) {
  fake = await startFakeBatchProvider(fakeOpts);
  const dir = mkdtempSync(join(tmpdir(), 'glimpse-batch-data-'));
  const out = join(dir, 'out');
  dirs.push(dir);
  host = createHost({ dataDir: dir, keys: new FileKeyStore(dir), shell: 'browser', env: {} });
  const p = host.providers.save({ catalogId: 'zai', name: 'Fake', baseUrl: fake.url, model: 'glm-4.5v', apiKey: 'test-key' });
  return { host, fake, out, providerId: p.id, price: host.providers.priceFor(p, 'glm-4.5v') };
}

async function run(
  s: BatchSpec,
  env: Awaited<ReturnType<typeof setup>>,
  more: Partial<BatchRunDeps> = {},
  onEvent: (e: BatchEvent) => void = () => {},
) {
  const plan = await openBatch({
    db: env.host.db,
    spec: s,
    outDir: env.out,
    model: 'glm-4.5v',
    price: env.price,
    contextTokens: 65_536,
  });
  const store = new BatchStore(env.host.db);
  const outcome = await runBatch(store.get(plan.batch.id)!, {
    host: env.host,
    store,
    providerId: env.providerId,
    contextTokens: 65_536,
    price: env.price,
    guess: completionGuess(false, null),
    // As the CLI and the app do: each answer checked in the schema guard's worker.
    schema: s.schema ? guardedAnswerSchema(s.schema.name, s.schema.text) : null,
    onEvent,
    stop: new AbortController().signal,
    cancel: new AbortController().signal,
    ...more,
  });
  return { plan, outcome, store };
}

const outputs = (out: string) =>
  readdirSync(out)
    .filter((f) => f.endsWith('.md'))
    .sort();

describe('batch runner', () => {
  it('writes one output per file, results.jsonl and summary.json, with each request in the ledger tagged with the batch', async () => {
    const env = await setup();
    const { plan, outcome } = await run(spec(), env);
    expect(outcome).toMatchObject({ status: 'done', counts: { done: FILES, failed: 0, pending: 0 } });
    expect(outputs(env.out)).toHaveLength(FILES);
    expect(readFileSync(join(env.out, 'r0.md'), 'utf8')).toContain('Read: Read this receipt');
    const lines = readFileSync(join(env.out, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(FILES);
    expect(lines[0]).toMatchObject({
      status: 'done',
      error: null,
      usage: { prompt_tokens: expect.any(Number) },
      cost: { source: 'price-table' },
    });
    const summary = JSON.parse(readFileSync(join(env.out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ batch_id: plan.batch.id, status: 'done', counts: { done: FILES } });
    const rows = env.host.db
      .prepare('SELECT COUNT(*) AS n, SUM(cost_usd) AS usd FROM ledger WHERE batch_id = ?')
      .get(plan.batch.id) as { n: number; usd: number };
    expect(rows.n).toBe(FILES);
    expect(summary.spent_usd).toBeCloseTo(rows.usd, 12);
  });

  it('stops starting files on the first interrupt, finishes those in flight, and a second run does only the rest', async () => {
    const env = await setup({ latencyMs: 100 });
    const stop = new AbortController();
    const first = await run(spec({ concurrency: 2 }), env, { stop: stop.signal }, (e) => {
      if (e.type === 'file-end') stop.abort();
    });
    expect(first.outcome.status).toBe('stopped');
    const doneFirst = first.outcome.counts.done;
    expect(doneFirst).toBeGreaterThanOrEqual(1);
    expect(doneFirst).toBeLessThanOrEqual(2);
    expect(first.outcome.counts.pending).toBe(FILES - doneFirst);
    const second = await run(spec({ concurrency: 2 }), env);
    expect(second.plan.batch.id).toBe(first.plan.batch.id);
    expect(second.outcome).toMatchObject({ status: 'done', counts: { done: FILES } });
    // Not one finished file was sent again.
    expect(env.fake.stats.accepted).toBe(FILES);
  });

  it('treats files left running by a killed process as pending', async () => {
    const env = await setup();
    const plan = await openBatch({
      db: env.host.db,
      spec: spec(),
      outDir: env.out,
      model: 'glm-4.5v',
      price: env.price,
      contextTokens: null,
    });
    const store = new BatchStore(env.host.db);
    const [a, b] = store.pending(plan.batch.id, 2);
    store.markRunning(plan.batch.id, a!.idx, 'dead-1', 1);
    store.markRunning(plan.batch.id, b!.idx, 'dead-2', 1);
    const { outcome } = await run(spec(), env);
    expect(outcome.counts).toMatchObject({ done: FILES, running: 0, pending: 0 });
  });

  it('stops cleanly on a full disk, loses nothing, and resumes', async () => {
    const env = await setup();
    let writes = 0;
    const full: OutFs = {
      ...realOutFs,
      writeFile: (p, d) => {
        if (p.endsWith('.md.' + process.pid + '.tmp') && ++writes > 3)
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        realOutFs.writeFile(p, d);
      },
    };
    const first = await run(spec({ concurrency: 1 }), env, { outFs: full });
    expect(first.outcome.status).toBe('stopped');
    expect(first.outcome.reason).toMatch(/ENOSPC/);
    expect(first.outcome.counts).toMatchObject({ done: 3, pending: FILES - 3 });
    expect(outputs(env.out)).toHaveLength(3);
    expect(readdirSync(env.out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const second = await run(spec({ concurrency: 1 }), env);
    expect(second.outcome).toMatchObject({ status: 'done', counts: { done: FILES } });
    expect(outputs(env.out)).toHaveLength(FILES);
  });

  it('reports the same counts as the database holds on every progress event, through 429s and failures', async () => {
    const env = await setup({ ratePerS: 2, fail: (n) => (n % 3 === 1 ? { status: 400, message: 'bad request' } : null) });
    const store = new BatchStore(env.host.db);
    const seen: { reported: unknown; stored: unknown }[] = [];
    const { outcome } = await run(spec({ concurrency: 3 }), env, {}, (e) => {
      if (e.type === 'progress' || e.type === 'start') seen.push({ reported: e.counts, stored: store.counts(e.batchId) });
    });
    expect(outcome.counts).toMatchObject({ done: expect.any(Number), failed: expect.any(Number), pending: 0, running: 0 });
    expect(outcome.counts.failed).toBeGreaterThan(0);
    expect(env.fake.stats.limited).toBeGreaterThan(0);
    expect(seen).toHaveLength(FILES + 1);
    for (const s of seen) expect(s.reported).toEqual(s.stored);
  });

  it('has a file’s outcome and its ledger row on disk before it reports the file finished', async () => {
    const env = await setup();
    const reader = new DatabaseSync(join(dirs.at(-1)!, 'glimpse.db'), { readOnly: true });
    const onDisk: { status: string; ledger: string }[] = [];
    try {
      await run(spec(), env, {}, (e) => {
        if (e.type !== 'file-end') return;
        // Another connection sees only what is committed.
        const row = reader
          .prepare('SELECT status, request_id FROM batch_items WHERE batch_id = ? AND idx = ?')
          .get(e.batchId, e.idx) as { status: string; request_id: string };
        const ledger = reader.prepare('SELECT status FROM ledger WHERE request_id = ?').get(row.request_id) as {
          status: string;
        };
        onDisk.push({ status: row.status, ledger: ledger?.status });
      });
    } finally {
      reader.close();
    }
    expect(onDisk).toHaveLength(FILES);
    expect(onDisk.every((r) => r.status === 'done' && r.ledger === 'done')).toBe(true);
  });

  it('never lets spend plus what is in flight pass --max-cost', async () => {
    const env = await setup();
    // A file is reserved at its ceiling (~260 prompt tokens and 1,500 completion: ~$0.0029) while in flight and
    // costs ~$0.0001: two fit at first, and the real spend creeps up until the next one would not.
    const { outcome } = await run(spec({ maxCostUsd: 0.0059, concurrency: 2 }), env);
    expect(outcome.status).toBe('stopped');
    expect(outcome.reason).toMatch(/--max-cost/);
    expect(outcome.counts.done).toBeGreaterThan(0);
    expect(outcome.counts.done).toBeLessThan(FILES);
    expect(outcome.spent_usd).toBeLessThanOrEqual(0.0059);
  });

  it('slows the whole pool down on 429s and finishes every file', async () => {
    // One request a second against a pool of four: the second request is over the limit however slowly a loaded
    // machine prepares the files, so the pool always meets 429s here.
    const env = await setup({ ratePerS: 1 });
    const rates: (number | null)[] = [];
    const { outcome } = await run(spec({ concurrency: 4 }), env, {}, (e) => {
      if (e.type === 'rate') rates.push(e.ratePerS);
    });
    expect(outcome.counts).toMatchObject({ done: FILES, failed: 0 });
    expect(env.fake.stats.limited).toBeGreaterThan(0);
    expect(rates[0]).toBeLessThanOrEqual(1);
  });

  it('retries transient errors, fails other 4xx at once, and stops the batch on a refused key', async () => {
    const env = await setup({
      fail: (n, prompt) =>
        n < 2 ? { status: 503, message: 'busy' } : prompt.includes('bad') ? { status: 400, message: 'bad request' } : null,
    });
    const ok = await run(spec({ concurrency: 1 }), env);
    expect(ok.outcome.counts).toMatchObject({ done: FILES, failed: 0 });
    const bad = await run(spec({ concurrency: 1, prompt: 'bad prompt' }), env);
    expect(bad.outcome.counts).toMatchObject({ failed: FILES, done: 0 });
    expect(bad.store.items(bad.plan.batch.id).every((i) => i.attempts === 1)).toBe(true);
    await fake?.close();
    const denied = await setup({ fail: () => ({ status: 401, message: 'invalid key' }) });
    const stopped = await run(spec(), denied);
    expect(stopped.outcome.status).toBe('stopped');
    expect(stopped.outcome.reason).toMatch(/auth/);
    expect(stopped.outcome.counts.pending).toBe(FILES);
  });

  it('validates each answer against the schema and writes one CSV row per file', async () => {
    const env = await setup({
      answer: (p) => (p.includes('total') ? '```json\n{"merchant": "Café", "total": 10.5}\n```' : 'no json'),
    });
    const schema = {
      name: 'receipt.json',
      text: JSON.stringify({
        type: 'object',
        properties: { merchant: { type: 'string' }, total: { type: 'number' } },
        required: ['total'],
      }),
    };
    const { outcome } = await run(spec({ schema, format: 'json', prompt: 'Give the total as JSON' }), env);
    expect(outcome.counts.done).toBe(FILES);
    const csv = readFileSync(join(env.out, 'results.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe(
      'file,status,merchant,total,valid,validation_errors,prompt_tokens,completion_tokens,cost_usd,total_ms,error',
    );
    expect(csv).toHaveLength(FILES + 1);
    expect(csv[1]).toContain(',done,Café,10.5,true,');
    expect(JSON.parse(readFileSync(join(env.out, 'r0.json'), 'utf8'))).toEqual({ merchant: 'Café', total: 10.5 });
  });

  it("fails a file's schema check that runs past the guard's deadline with the reason, and finishes the batch", async () => {
    const env = await setup({ answer: () => '{"total": 1}' });
    const text = JSON.stringify({ type: 'object', properties: { total: { type: 'number' } } });
    // A deadline no check can meet stands in for a schema that spins on an answer: the worker is stopped each time.
    const guard = new SchemaGuard({ deadlineMs: 1 });
    try {
      const { outcome } = await run(spec({ inputs: [join(scans, 'r0.png'), join(scans, 'r1.png')], format: 'json' }), env, {
        schema: guardedAnswerSchema('receipt.json', text, guard),
      });
      expect(outcome.counts).toMatchObject({ done: 2, pending: 0 });
    } finally {
      await guard.close();
    }
    const lines = readFileSync(join(env.out, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l.valid).toBe(false);
      expect(l.validation_errors).toEqual([expect.stringMatching(/took longer than 0.001 s and was stopped/)]);
    }
  });

  it('decodes each file once, when it is stored, and resends that image after a 429 without decoding again', async () => {
    const env = await setup({ ratePerS: 4 });
    const prepare = vi.spyOn(decoder, 'prepare');
    const probe = vi.spyOn(decoder, 'probe');
    try {
      const { outcome } = await run(spec({ concurrency: 4 }), env);
      expect(outcome.counts).toMatchObject({ done: FILES, failed: 0 });
      expect(env.fake.stats.limited).toBeGreaterThan(0);
      expect(prepare).toHaveBeenCalledTimes(FILES);
      expect(probe).not.toHaveBeenCalled();
    } finally {
      prepare.mockRestore();
      probe.mockRestore();
    }
    // The stored attachment still records the original's size (what a probe used to give), not the sent one's.
    const row = env.host.db.prepare(`SELECT width, height FROM attachments WHERE name = 'r3.png'`).get();
    expect(row).toEqual({ width: 63, height: 40 });
  });

  it('fails a file removed after planning with its reason, and finishes the rest', async () => {
    const env = await setup();
    const inDir = mkdtempSync(join(tmpdir(), 'glimpse-batch-vanish-'));
    dirs.push(inDir);
    const { copyFileSync } = await import('node:fs');
    for (const n of ['a.png', 'b.png']) copyFileSync(join(scans, 'r0.png'), join(inDir, n));
    // Planned but not started (stopped before the first file), then the file goes away, then the batch resumes.
    const stopped = new AbortController();
    stopped.abort();
    await run(spec({ inputs: [inDir] }), env, { stop: stopped.signal });
    rmSync(join(inDir, 'b.png'));
    const lines: unknown[] = [];
    const { outcome } = await run(spec({ inputs: [inDir] }), env, {}, (e) => {
      if (e.type === 'file-end') lines.push(e);
    });
    expect(outcome.counts).toMatchObject({ done: 1, failed: 1 });
    expect(lines).toContainEqual(
      expect.objectContaining({
        file: join(inDir, 'b.png'),
        status: 'failed',
        error: expect.stringMatching(/Cannot read .*b\.png \(ENOENT\)/),
      }),
    );
  });

  it('lists an unreadable file as failed with its reason and goes on', async () => {
    const env = await setup();
    const inDir = mkdtempSync(join(tmpdir(), 'glimpse-batch-mixed-'));
    dirs.push(inDir);
    mkdirSync(join(inDir, 'sub'));
    const { symlinkSync, copyFileSync } = await import('node:fs');
    copyFileSync(join(scans, 'r0.png'), join(inDir, 'good.png'));
    symlinkSync(join(inDir, 'missing.png'), join(inDir, 'gone.png'));
    const { plan, outcome } = await run(spec({ inputs: [inDir] }), env);
    expect(plan.failed).toEqual([
      { path: join(inDir, 'gone.png'), reason: expect.stringMatching(/Cannot read .*gone\.png \(ENOENT\)/) },
    ]);
    expect(outcome.counts).toMatchObject({ done: 1, failed: 1 });
  });
});
