/**
 * JSON Schema work off the host's main thread, with a deadline and a memory limit: a child process
 * (schema-child.ts) compiles the schema and checks the answer. A job that runs past its deadline ends the child
 * (the next job starts a fresh one); a job that allocates past the child's heap limit ends it by itself, V8
 * aborting that process and nothing else. Either is answered with a clear message. Size and depth limits are
 * checked here first, so a 10 MB schema is refused without being sent to the child. Jobs run one at a time, so a
 * slow one cannot make another miss its deadline. The child does not keep the host alive while idle (it never
 * holds the CLI open) and is ended after a minute without work.
 *
 * A worker thread did this before. A worker that reaches V8's heap limit can abort the whole process (Node
 * documents the limit as best-effort), and a clean-clone CI run lost its test process that way to a doubling
 * $ref chain; reading the worker's heap every 50 ms and ending it early only made that less likely.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnswerValidation, SchemaProblem } from '../../../shared/bridge/playground.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import {
  type ChildEntry,
  type ChildExit,
  type ChildHandle,
  type ChildLauncher,
  childEntry,
  forkLauncher,
} from '../child-launcher.ts';
import { batchLimitRefusal, MAX_SCHEMA_BYTES, schemaLimitProblem } from './schema-safety.ts';
import type { SchemaJob, SchemaReply } from './schema-jobs.ts';

/** How long one compile-and-check may take: real schemas take milliseconds; a hostile one is cut off here. */
export const SCHEMA_DEADLINE_MS = 3_000;
/** The checker's heap: a schema that makes ajv allocate past this fails its job (V8 ends the child). */
const CHILD_HEAP_MB = 256;

/** How long a new child may take to load (ajv): generous, a loaded machine is slow to start processes. */
const STARTUP_MS = 30_000;
const IDLE_MS = 60_000;

/** The child's entry: beside this file from source; beside the bundle (schema-child.mjs) once built. */
function checkerEntry(): ChildEntry {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  return {
    ...childEntry(here, 'schema-child', 'Glimpse schema checker', [`--max-old-space-size=${CHILD_HEAP_MB}`]),
    quiet: true,
  };
}

/**
 * Whether a child ended by reaching its heap limit: V8 reports it on stderr and aborts (SIGABRT under Node's fork;
 * 134, 128 + SIGABRT, where only the exit code is known).
 */
const outOfMemory = (why: ChildExit) => why.signal === 'SIGABRT' || why.code === 134;

/** A job as a caller gives it; the guard adds its id. */
type Job = SchemaJob extends infer J ? (J extends SchemaJob ? Omit<J, 'id'> : never) : never;
type CheckerMessage = SchemaReply | { ready: true };
type Checker = ChildHandle<SchemaJob, CheckerMessage>;
type CheckerLauncher = ChildLauncher<SchemaJob, CheckerMessage>;
type Outcome = SchemaReply | { ok: false; error: SchemaProblem };

export class SchemaGuard {
  private child: Checker | null = null;
  private ready: Promise<boolean> | null = null;
  /** The job the child is running (one at a time), and how its reply or the child's end settle it. */
  private current: { child: Checker; id: number; finish: (r: Outcome) => void; ended: (why: ChildExit) => void } | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | null = null;
  private readonly deadlineMs: number;
  private readonly entry: ChildEntry;
  private launch: CheckerLauncher;

  constructor(opts: { deadlineMs?: number; entry?: ChildEntry; launcher?: CheckerLauncher } = {}) {
    this.deadlineMs = opts.deadlineMs ?? SCHEMA_DEADLINE_MS;
    this.entry = opts.entry ?? checkerEntry();
    this.launch = opts.launcher ?? forkLauncher;
  }

  /** Starts later children with `launcher` (the Electron shell's utility processes); a running child is ended. */
  useLauncher(launcher: CheckerLauncher): void {
    this.launch = launcher;
    void this.close();
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
   * One batch answer checked against the batch's schema (JSON text) in the child, with the deadline: a schema
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

  /** Ends the child (a shell closing). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const c = this.child;
    this.forget(c);
    c?.kill();
  }

  private run(job: Job): Promise<Outcome> {
    const next = this.queue.then(() => this.runNow(job));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(job: Job): Promise<Outcome> {
    if (this.idle) clearTimeout(this.idle);
    const id = this.nextId++;
    const child = this.ensureChild();
    child.hold(true);
    if (!(await this.ready)) {
      this.forget(child);
      child.kill('SIGKILL');
      return { ok: false, error: hostMessage('schema.checker-no-start') };
    }
    return new Promise<Outcome>((resolve) => {
      const finish = (r: Outcome) => {
        if (this.current?.id !== id) return;
        this.current = null;
        clearTimeout(timer);
        if (this.child === child) {
          child.hold(false);
          this.idle = setTimeout(() => void this.close(), IDLE_MS);
          this.idle.unref();
        }
        resolve(r);
      };
      // The child's end is the job's answer: out of memory (V8 ended it), or crashed.
      const ended = (why: ChildExit) =>
        finish({
          ok: false,
          error: outOfMemory(why)
            ? hostMessage('schema.too-much-memory', { mb: CHILD_HEAP_MB })
            : why.code === 0
              ? hostMessage('schema.checker-stopped')
              : hostMessage('schema.checker-failed', { reason: why.text }),
        });
      this.current = { child, id, finish, ended };
      // Wall time: a deadline the person can count on; a real schema takes milliseconds on any machine.
      const timer = setTimeout(() => {
        this.forget(child);
        child.kill('SIGKILL');
        finish({ ok: false, error: hostMessage('schema.too-slow', { seconds: this.deadlineMs / 1000 }) });
      }, this.deadlineMs);
      child.send({ ...job, id } as SchemaJob, (err) => {
        if (err) finish({ ok: false, error: hostMessage('schema.checker-failed', { reason: err.message }) });
      });
    });
  }

  private ensureChild(): Checker {
    if (this.child) return this.child;
    const child = this.launch(this.entry);
    child.hold(false);
    this.child = child;
    this.ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), STARTUP_MS);
      child.onMessage((m) => {
        if ('ready' in m) {
          clearTimeout(timer);
          resolve(true);
          return;
        }
        const c = this.current;
        if (c?.child === child && m.id === c.id) c.finish(m);
      });
      child.onExit((why) => {
        clearTimeout(timer);
        resolve(false);
        this.forget(child);
        const c = this.current;
        if (c?.child === child) c.ended(why);
      });
    });
    return child;
  }

  private forget(child: Checker | null): void {
    if (child && this.child === child) {
      this.child = null;
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
