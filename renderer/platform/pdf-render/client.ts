/**
 * The window's side of the PDF render worker (./worker.ts): one worker, started with the first PDF, that draws
 * pages off the main thread and hands back an ImageBitmap (thumbnails) or a PNG (pages to send).
 */
import type { FromWorker, ToWorker } from './protocol.ts';

/** A render stopped because its thumbnail scrolled away before the worker reached it. */
export class RenderCancelled extends Error {}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: FromWorker & { ok: true }) => void; reject: (e: Error) => void }>();

function theWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'Glimpse PDF pages' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const r = e.data;
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    if (r.ok) w.resolve(r);
    else w.reject(r.cancelled ? new RenderCancelled('cancelled') : new Error(r.message));
  };
  worker.onerror = (e) => {
    // The worker itself failed (it could not load): every request waiting on it fails, the next starts another.
    for (const w of waiting.values()) w.reject(new Error(`The page renderer stopped (${e.message || 'unknown error'}).`));
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

function call(msg: ToWorker & { id: number }, transfer: Transferable[] = []): Promise<FromWorker & { ok: true }> {
  return new Promise((resolve, reject) => {
    waiting.set(msg.id, { resolve, reject });
    theWorker().postMessage(msg, transfer);
  });
}

/** Gives the worker its own copy of the document (`bytes` is transferred: pass a copy you no longer need). */
export function openInWorker(key: string, bytes: Uint8Array, password: string | undefined, base: string): Promise<void> {
  return call({ type: 'open', id: nextId++, key, bytes, password, base }, [bytes.buffer]).then(() => undefined);
}

export function closeInWorker(key: string): void {
  worker?.postMessage({ type: 'close', key } satisfies ToWorker);
}

/** Page `page` drawn at exactly `width` x `height`; an abort before the worker starts on it rejects with RenderCancelled. */
export function renderInWorker(
  key: string,
  page: number,
  size: { width: number; height: number },
  as: 'bitmap',
  signal?: AbortSignal,
): Promise<ImageBitmap>;
export function renderInWorker(
  key: string,
  page: number,
  size: { width: number; height: number },
  as: 'png',
  signal?: AbortSignal,
): Promise<Blob>;
export async function renderInWorker(
  key: string,
  page: number,
  size: { width: number; height: number },
  as: 'bitmap' | 'png',
  signal?: AbortSignal,
): Promise<ImageBitmap | Blob> {
  const id = nextId++;
  const cancel = () => worker?.postMessage({ type: 'cancel', id } satisfies ToWorker);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const r = await call({ type: 'render', id, key, page, width: size.width, height: size.height, as });
    const out = as === 'png' ? r.png : r.bitmap;
    if (!out) throw new Error('The page could not be drawn.');
    return out;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
