/**
 * JSON Schema work off the host's main thread, with a deadline: a worker thread (schema-worker.ts) compiles the
 * schema and checks the answer; a job that runs past its deadline ends the worker (the next job starts a fresh
 * one) and is answered with a clear message instead. Size and depth limits are checked here first, so a 10 MB
 * schema is refused without being copied to the worker. Jobs run one at a time, so a slow one cannot make
 * another miss its deadline. The worker is unreferenced while idle (it never keeps the CLI alive) and ended after
 * a minute without work.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnswerValidation, SchemaProblem } from '../../../shared/bridge/playground.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { batchLimitRefusal, MAX_SCHEMA_BYTES, schemaLimitProblem } from './schema-safety.ts';
import type { SchemaJob, SchemaReply } from './schema-jobs.ts';

/** How long one compile-and-check may take: real schemas take milliseconds; a hostile one is cut off here. */
export const SCHEMA_DEADLINE_MS = 3_000;
/** The checker's heap: a schema that makes ajv allocate past this fails its job (the guard ends the worker). */
const WORKER_HEAP_MB = 256;
/**
 * V8's own limit for the worker, well above WORKER_HEAP_MB. A worker that reaches V8's limit can abort the whole
 * process (Node documents the limit as best-effort; see ARCHITECTURE.md), so the guard watches the worker's heap
 * and ends it at WORKER_HEAP_MB, leaving V8's limit as room to unwind. With V8's limit at 256 MB a CI machine fast
 * enough to allocate it within the 3 s deadline lost its test process to a doubling $ref chain.
 */
const WORKER_V8_HEAP_MB = 1024;
/** How often the worker's heap is read while a job runs: a fast allocator adds ~10 MB in this time. */
const HEAP_WATCH_MS = 50;

/** How long a new worker may take to load (ajv): generous, a loaded machine is slow to start threads. */
const STARTUP_MS = 30_000;
const IDLE_MS = 60_000;

/** The worker's entry: beside this file from source; beside the bundle (schema-worker.mjs) once built. */
function workerEntry(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const source = join(here, 'schema-worker.ts');
  return existsSync(source) ? source : join(here, 'schema-worker.mjs');
}

/** A job as a caller gives it; the guard adds its id. */
type Job = SchemaJob extends infer J ? (J extends SchemaJob ? Omit<J, 'id'> : never) : never;

export class SchemaGuard {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | null = null;
  private readonly deadlineMs: number;
  private readonly entry: string;

  constructor(opts: { deadlineMs?: number; entry?: string } = {}) {
    this.deadlineMs = opts.deadlineMs ?? SCHEMA_DEADLINE_MS;
    this.entry = opts.entry ?? workerEntry();
  }

  /** Why a schema is not usable (not JSON Schema, too big, too deep, too slow to compile); empty when it is. */
  async problems(schema: unknown): Promise<SchemaProblem[]> {
    const limit = schemaLimitProblem(schema);
    if (limit) return [limit];
    const r = await this.run({ op: 'check', schema });
    if ('problems' in r) return r.problems;
    return ['error' in r ? r.error : hostMessage('schema.no-answer')];
  }

  /** Checks an answer against a schema; a schema that is not usable is reported as the answer's errors. */
  async validate(schema: Record<string, unknown>, answer: string): Promise<AnswerValidation> {
    const limit = schemaLimitProblem(schema);
    if (limit) return { valid: false, errors: [limit] };
    const r = await this.run({ op: 'validate', schema, answer });
    if ('valid' in r) return { valid: r.valid, errors: r.errors, ...(r.value !== undefined ? { value: r.value } : {}) };
    return { valid: false, errors: 'problems' in r ? r.problems : [r.error] };
  }

  /** Why a batch's schema (JSON text) cannot be used, worded for the person; null when it compiles in time. */
  async vetBatchSchema(name: string, text: string): Promise<SchemaProblem | null> {
    const limit = Buffer.byteLength(text, 'utf8') > MAX_SCHEMA_BYTES ? schemaLimitProblem(null, text) : null;
    if (limit) return batchLimitRefusal(name, limit);
    const r = await this.run({ op: 'batch', name, text });
    return 'error' in r ? r.error : null;
  }

  /**
   * One batch answer checked against the batch's schema (JSON text) in the worker, with the deadline: a schema
   * that is slow on one answer fails that file's check with a message instead of freezing the batch.
   */
  async checkBatchAnswer(
    name: string,
    text: string,
    answer: string,
  ): Promise<{ json: unknown; valid: boolean; errors: string[] }> {
    const r = await this.run({ op: 'batch-check', name, text, answer });
    // A batch writes English to its files (results.jsonl, the CSV), as the CLI does.
    if ('valid' in r) return { json: r.value ?? null, valid: r.valid, errors: r.errors.map(problemText) };
    return {
      json: null,
      valid: false,
      errors: ['problems' in r ? r.problems.map(problemText).join('; ') : problemText(r.error)],
    };
  }

  /** Ends the worker (a shell closing). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }

  private run(job: Job): Promise<SchemaReply | { ok: false; error: SchemaProblem }> {
    const next = this.queue.then(() => this.runNow(job));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(job: Job): Promise<SchemaReply | { ok: false; error: SchemaProblem }> {
    if (this.idle) clearTimeout(this.idle);
    const id = this.nextId++;
    const worker = this.ensureWorker();
    worker.ref();
    if (!(await this.ready)) {
      this.forget(worker);
      void worker.terminate();
      return { ok: false, error: hostMessage('schema.checker-no-start') };
    }
    return new Promise((resolve) => {
      let settled = false;
      const done = (r: SchemaReply | { ok: false; error: SchemaProblem }) => {
        // Once: a heap reading can come back after the job's own reply.
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (this.worker === worker) {
          worker.unref();
          this.idle = setTimeout(() => void this.close(), IDLE_MS);
          this.idle.unref();
        }
        resolve(r);
      };
      const onMessage = (r: SchemaReply | { ready: true }) => {
        if ('id' in r && r.id === id) done(r);
      };
      const onError = (e: Error) => {
        this.forget(worker);
        // A check that allocates without end (allErrors on a doubling $ref chain) meets the heap limit before the
        // deadline: say so, not the worker's own words.
        const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        done({
          ok: false,
          error: oom
            ? hostMessage('schema.too-much-memory', { mb: WORKER_HEAP_MB })
            : hostMessage('schema.checker-failed', { reason: e.message }),
        });
      };
      const onExit = () => {
        this.forget(worker);
        done({ ok: false, error: hostMessage('schema.checker-stopped') });
      };
      // Wall time: a worker's processor time (worker.cpuUsage) would spare checks slowed by a busy machine, but
      // it lags the wall clock by the garbage collector's helper threads, and a check that allocates fast then
      // reached the heap limit first, which in Node 24 aborts the whole process (see the note in ARCHITECTURE.md).
      const timer = setTimeout(() => {
        this.forget(worker);
        void worker.terminate();
        done({ ok: false, error: hostMessage('schema.too-slow', { seconds: this.deadlineMs / 1000 }) });
      }, this.deadlineMs);
      // The heap watch (Node 22.16 and later read a worker's heap from outside it; elsewhere V8's limit stands).
      const tooBig = () => {
        this.forget(worker);
        void worker.terminate();
        done({ ok: false, error: hostMessage('schema.too-much-memory', { mb: WORKER_HEAP_MB }) });
      };
      const heapOf = (worker as { getHeapStatistics?: () => Promise<{ used_heap_size: number }> }).getHeapStatistics;
      const watch = setInterval(() => {
        heapOf
          ?.call(worker)
          .then((h) => h.used_heap_size > WORKER_HEAP_MB * 1024 * 1024 && tooBig())
          .catch(() => undefined); // the worker ended meanwhile: its exit says so
      }, HEAP_WATCH_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...job, id } as SchemaJob);
    });
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      // A bounded heap: a schema that makes ajv allocate without end fails this worker, not the host.
      const worker = new Worker(this.entry, { resourceLimits: { maxOldGenerationSizeMb: WORKER_V8_HEAP_MB } });
      worker.unref();
      this.worker = worker;
      this.ready = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), STARTUP_MS);
        const settle = (ok: boolean) => {
          clearTimeout(timer);
          worker.off('message', onReady);
          worker.off('error', onFail);
          worker.off('exit', onFail);
          resolve(ok);
        };
        const onReady = (m: { ready?: boolean }) => m.ready && settle(true);
        const onFail = () => settle(false);
        worker.on('message', onReady);
        worker.once('error', onFail);
        worker.once('exit', onFail);
      });
    }
    return this.worker;
  }

  private forget(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = null;
      this.ready = null;
    }
  }
}

/** The host's one guard, made on first use. */
let shared: SchemaGuard | null = null;
export function schemaGuard(): SchemaGuard {
  shared ??= new SchemaGuard();
  return shared;
}

/** A problem in English (the CLI, a batch's refusal, a request's refusal): a message's text, or ajv's line. */
export const problemText = (p: SchemaProblem): string => (typeof p === 'string' ? p : p.message);
