/**
 * The host's side of the decode child: untrusted image bytes are decoded in a separate process (forked once and
 * reused), so a native decoder that crashes on them (Skia did, on any 3-byte file starting "BM") takes down only
 * that child. A worker_thread would not do: a SIGSEGV there ends the whole process.
 *
 * A small pool of children (see {@link defaultPoolSize}) decodes a batch in parallel, but each child has one
 * request at a time, so a crash is blamed on the file that caused it and not on others waiting; the next request
 * starts a fresh child. While idle a child does not keep the host alive (a CLI run still exits).
 */
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChildEntry, type ChildHandle, type ChildLauncher, childEntry, forkLauncher } from '../child-launcher.ts';
import type { OcrPrepared, Prepared, Probed } from './image-decode.ts';
import type { DecodeJob, DecodeReply, DecodeRequest } from './decode-protocol.ts';
import type { PdfOcrPage, PdfOcrPageRequest } from './pdf-ocr-page.ts';

/** The decode child refused the bytes (`refused`) or died on them (`crashed`); `message` has no file name. */
export class DecodeFailure extends Error {
  readonly reason: 'refused' | 'crashed';
  constructor(reason: 'refused' | 'crashed', message: string) {
    super(message);
    this.name = 'DecodeFailure';
    this.reason = reason;
  }
}

/**
 * The child's JavaScript heap: it decodes one image at a time and its pixels live in libvips, not in V8, yet over
 * a batch of thousands V8 grew its young generation to 64 MB of mostly empty pages, because each job's few live
 * objects count towards growing it and nothing ever shrinks it while jobs keep coming. 4 MB semi-spaces keep the
 * child's own heap small; a job allocates far less than that between collections.
 */
const CHILD_HEAP = ['--max-semi-space-size=4'];

/** The decode child's entry, beside this file from source, beside the bundle once built. */
function decodeEntry(): ChildEntry {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  return childEntry(here, 'decode-child', 'Glimpse image decoder', CHILD_HEAP);
}

type Job = { req: DecodeJob; resolve: (r: DecodeReply) => void; reject: (e: Error) => void };

/** A running decode child as the pool drives it. */
export type DecodeChild = ChildHandle<DecodeRequest, DecodeReply>;
/** Starts a decode child: Node's fork (the default), or the desktop app's utility processes. */
export type DecodeLauncher = ChildLauncher<DecodeRequest, DecodeReply>;

/** Longer than any real image takes (a 100-megapixel scan decodes in a few seconds): a decoder spinning on a hostile file is stopped. */
export const DECODE_TIMEOUT_MS = 60_000;

/**
 * How many decode children run at once: one per core the host does not need for itself, at most two (a batch of
 * photos decodes in parallel; more children would only fight over memory). At least one.
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

/** One child and the job it is decoding: a child only ever has one job, so a crash is blamed on that file alone. */
interface Slot {
  child: DecodeChild | null;
  current: (Job & { id: number }) | null;
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
}

export class DecodePool {
  private readonly timeoutMs: number;
  private readonly slots: Slot[];
  private launch: DecodeLauncher;
  private queue: Job[] = [];
  private nextId = 1;
  /** Children started so far (a crash costs one more). */
  spawned = 0;

  constructor(opts: { timeoutMs?: number; launcher?: DecodeLauncher; size?: number } = {}) {
    this.timeoutMs = opts.timeoutMs ?? DECODE_TIMEOUT_MS;
    this.launch = opts.launcher ?? forkLauncher;
    const size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
    this.slots = Array.from({ length: size }, () => ({ child: null, current: null, timer: null, timedOut: false }));
  }

  /** Starts later children with `launcher` (the Electron shell's utility processes); running children are ended. */
  useLauncher(launcher: DecodeLauncher): void {
    this.launch = launcher;
    this.close();
  }

  /** How many children may run at once. */
  get size(): number {
    return this.slots.length;
  }

  /** The process id of a running child, a busy one first (tests make it crash mid-job). */
  get pid(): number | undefined {
    return (this.slots.find((s) => s.current && s.child) ?? this.slots.find((s) => s.child))?.child?.pid;
  }

  /** Size and damage of an image given as bytes or as the path of a file the child reads. */
  probe(image: Uint8Array | { path: string }): Promise<Probed> {
    const src = image instanceof Uint8Array ? { bytes: image } : image;
    return this.run({ op: 'probe', ...src }).then((r) => (r as { probed: Probed }).probed);
  }

  /** The image as sent; a stored file is best given by path (large messages through the IPC channel are slow). */
  prepare(image: Uint8Array | { path: string }, budget: number): Promise<Prepared> {
    const src = image instanceof Uint8Array ? { bytes: image } : image;
    return this.run({ op: 'prepare', ...src, budget }).then((r) => (r as { prepared: Prepared }).prepared);
  }

  /** The image as Local OCR reads it: upright, grey, PNG, scaled down only when huge. */
  prepareForOcr(image: Uint8Array | { path: string }): Promise<OcrPrepared> {
    const src = image instanceof Uint8Array ? { bytes: image } : image;
    return this.run({ op: 'ocr', ...src }).then((r) => (r as { ocr: OcrPrepared }).ocr);
  }

  /** A page of a PDF on disk for Local OCR: its text layer, or the page drawn at `dpi` (one page at a time). */
  pdfPageForOcr(req: PdfOcrPageRequest): Promise<PdfOcrPage> {
    return this.run({ op: 'pdf-page', ...req }).then((r) => (r as { pdfPage: PdfOcrPage }).pdfPage);
  }

  /** Ends the children (tests, shutdown); the next request starts another. */
  close(): void {
    for (const slot of this.slots) {
      const child = slot.child;
      slot.child = null;
      child?.kill();
      // Its exit is no longer this slot's to report: a job in flight is failed here, not left waiting.
      if (slot.current) this.finish(slot, new DecodeFailure('crashed', 'was not decoded: the decoder was shut down'));
    }
  }

  private run(req: DecodeJob): Promise<DecodeReply> {
    return new Promise<DecodeReply>((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      this.pump();
    }).then((reply) => {
      if (!reply.ok) throw new DecodeFailure(reply.refused ? 'refused' : 'crashed', reply.message);
      return reply;
    });
  }

  /** Hands queued jobs to idle slots, the first slot first (a lone job always goes to the same child). */
  private pump(): void {
    for (const slot of this.slots) {
      if (slot.current) continue;
      const job = this.queue.shift();
      if (!job) {
        slot.child?.hold(false);
        continue;
      }
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    const child = (slot.child ??= this.spawn(slot));
    child.hold(true);
    const id = this.nextId++;
    slot.current = { ...job, id };
    slot.timer = setTimeout(() => {
      if (slot.current?.id !== id) return;
      // Killing it reports the job through the exit handler; the next job gets a new child.
      slot.timedOut = true;
      child.kill('SIGKILL');
    }, this.timeoutMs);
    child.send({ ...job.req, id } as DecodeRequest, (err) => {
      if (err && slot.current?.id === id)
        this.finish(slot, new DecodeFailure('crashed', `could not be handed to the decoder (${err.message})`));
    });
  }

  private finish(slot: Slot, outcome: DecodeReply | Error): void {
    const job = slot.current;
    slot.current = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (job) {
      if (outcome instanceof Error) job.reject(outcome);
      else job.resolve(outcome);
    }
    this.pump();
  }

  private spawn(slot: Slot): DecodeChild {
    const child = this.launch(decodeEntry());
    this.spawned++;
    child.onMessage((reply) => {
      if (slot.child === child && slot.current && reply.id === slot.current.id) this.finish(slot, reply);
    });
    child.onExit((why) => {
      if (slot.child !== child) return;
      slot.child = null;
      const timedOut = slot.timedOut;
      slot.timedOut = false;
      this.finish(
        slot,
        new DecodeFailure(
          'crashed',
          timedOut
            ? `took more than ${this.timeoutMs / 1000} s to decode and was stopped; the file is damaged or not a real image`
            : `made the image decoder crash (${why.text}); the file is damaged or not a real image`,
        ),
      );
    });
    return child;
  }
}

/** The one pool the host uses. */
export const decoder = new DecodePool();
