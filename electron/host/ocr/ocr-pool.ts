/**
 * A small pool of tesseract.js workers (each a worker_thread running Tesseract compiled to WebAssembly), so OCR
 * runs off the host's main thread in every shell. At most cores - 1 workers, reused across requests (loading a
 * language takes a second; a recognised page takes about as long): a worker is kept for its languages and
 * re-initialised only when no idle worker has the ones asked for. Idle workers are ended after a while, and
 * never keep a `glimpse` run alive.
 *
 * Starting a worker (compiling the core, reading and unpacking a language, initialising the engine) takes longer
 * than reading a page, so the window asks for one to be {@link OcrPool.warm}ed when Local OCR is picked or a file is
 * attached to it: the page sent next finds a worker with its language already loaded. A request that comes while
 * that worker is still starting waits for it rather than starting a second one.
 *
 * Nothing is fetched: languages come from {@link languageFolder}, the worker script is resolved from
 * node_modules, the core is required by the worker itself, and the cache is off (`cacheMethod: 'none'`).
 */
import { availableParallelism } from 'node:os';
import { requireHere } from '../require-here.ts';
import type Tesseract from 'tesseract.js';
import { languageFolder } from './languages.ts';

type TessWorker = Tesseract.Worker;

interface Slot {
  worker: TessWorker;
  langs: string;
  busy: boolean;
  idleTimer: NodeJS.Timeout | null;
}

interface Waiter {
  langs: string;
  resolve: (slot: Slot) => void;
  reject: (e: Error) => void;
}

export interface OcrPoolOptions {
  /** Folder under which the language folder is made (the data dir). */
  dataDir: string;
  /** Workers at most; default cores - 1, at least 1. */
  size?: number;
  /** An idle worker is ended after this long (default 2 minutes). */
  idleMs?: number;
}

/** The default pool size: every core but one, which the shell (window, server, CLI) keeps for itself. */
export const defaultPoolSize = (): number => Math.max(1, availableParallelism() - 1);

export class OcrPool {
  private readonly slots: Slot[] = [];
  private readonly waiters: Waiter[] = [];
  private starting = 0;
  /** Workers being started by {@link warm}, by language set: a request for the same set waits for them. */
  private readonly warming = new Map<string, Promise<void>>();
  /** Workers started so far (tests: a warmed worker is the one that reads the page). */
  started = 0;
  private readonly size: number;
  private readonly idleMs: number;
  private readonly dataDir: string;
  private langPath: string | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(opts: OcrPoolOptions) {
    this.dataDir = opts.dataDir;
    this.size = Math.max(1, opts.size ?? defaultPoolSize());
    this.idleMs = opts.idleMs ?? 120_000;
  }

  /** Workers running now. */
  get workers(): number {
    return this.slots.length;
  }

  get capacity(): number {
    return this.size;
  }

  /** Runs `fn` on a worker initialised for `langs` (e.g. `eng+chi_sim`, already checked). */
  async run<T>(langs: string, fn: (w: TessWorker) => Promise<T>): Promise<T> {
    const slot = await this.acquire(langs);
    try {
      return await fn(slot.worker);
    } finally {
      this.release(slot);
    }
  }

  /**
   * Starts one worker for `langs` in the background unless one has them or is being started for them, or the
   * pool is full. Never throws: a failure is the next request's to report. The worker idles out like any other.
   */
  warm(langs: string): void {
    if (this.closed || this.warming.has(langs) || this.slots.some((s) => s.langs === langs)) return;
    if (this.slots.length + this.starting >= this.size) return;
    const started = this.spawn(langs).then(
      (slot) => {
        this.warming.delete(langs);
        this.take(slot);
        this.release(slot);
      },
      () => {
        this.warming.delete(langs);
        // Requests that waited for this worker try again on their own (and report the failure if it repeats).
        for (const w of this.waiters.splice(0)) this.acquire(w.langs).then(w.resolve, w.reject);
      },
    );
    this.warming.set(langs, started);
  }

  /** Ends every worker; waiting requests fail. Calling it again gives the same promise. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    for (const w of this.waiters.splice(0)) w.reject(new Error('OCR was stopped.'));
    const all = this.slots.splice(0);
    for (const s of all) if (s.idleTimer) clearTimeout(s.idleTimer);
    this.closing = Promise.allSettled(all.map((s) => s.worker.terminate())).then(() => {});
    return this.closing;
  }

  private async acquire(langs: string): Promise<Slot> {
    if (this.closed) throw new Error('OCR was stopped.');
    const same = this.slots.find((s) => !s.busy && s.langs === langs);
    if (same) return this.take(same);
    // A worker for these languages is being warmed: waiting for it is sooner than starting (and loading) another.
    // Only one request waits for it; further ones start workers of their own while the pool has room.
    if (this.warming.has(langs) && !this.waiters.some((w) => w.langs === langs))
      return new Promise<Slot>((resolve, reject) => this.waiters.push({ langs, resolve, reject }));
    if (this.slots.length + this.starting < this.size) return this.take(await this.spawn(langs));
    const other = this.slots.find((s) => !s.busy);
    if (other) {
      this.take(other);
      try {
        await other.worker.reinitialize(langs);
        other.langs = langs;
      } catch (e) {
        this.drop(other);
        throw e;
      }
      return other;
    }
    return new Promise<Slot>((resolve, reject) => this.waiters.push({ langs, resolve, reject }));
  }

  private take(slot: Slot): Slot {
    slot.busy = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    return slot;
  }

  private release(slot: Slot): void {
    slot.busy = false;
    if (this.closed || !this.slots.includes(slot)) return;
    // A waiter for the same languages first: no re-initialisation.
    const i = Math.max(
      0,
      this.waiters.findIndex((w) => w.langs === slot.langs),
    );
    const next = this.waiters.splice(i, 1)[0];
    if (next) {
      this.take(slot);
      if (next.langs === slot.langs) {
        next.resolve(slot);
        return;
      }
      slot.worker.reinitialize(next.langs).then(
        () => {
          slot.langs = next.langs;
          next.resolve(slot);
        },
        (e: unknown) => {
          this.drop(slot);
          next.reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
      return;
    }
    slot.idleTimer = setTimeout(() => this.drop(slot), this.idleMs);
    slot.idleTimer.unref();
  }

  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    void slot.worker.terminate().catch(() => {});
  }

  private async spawn(langs: string): Promise<Slot> {
    this.starting++;
    try {
      const { createWorker, OEM } = (await import('tesseract.js')).default;
      this.langPath ??= languageFolder(this.dataDir);
      const worker = await createWorker(langs, OEM.LSTM_ONLY, {
        langPath: this.langPath,
        gzip: true,
        cacheMethod: 'none',
        workerPath: requireHere().resolve('tesseract.js/src/worker-script/node/index.js'),
        // A worker error surfaces as the rejected job; without a handler tesseract.js would also throw it globally.
        errorHandler: () => {},
      });
      if (this.closed) {
        void worker.terminate().catch(() => {});
        throw new Error('OCR was stopped.');
      }
      const slot: Slot = { worker, langs, busy: false, idleTimer: null };
      this.slots.push(slot);
      this.started++;
      return slot;
    } finally {
      this.starting--;
    }
  }
}
