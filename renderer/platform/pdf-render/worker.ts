/**
 * The PDF render worker: every page the window shows or sends is drawn here, on an OffscreenCanvas, so no page
 * can block the window however large its images (a 35,000 px scan takes seconds to reduce). pdf.js runs as it
 * does in the window (its own parsing worker beside this one), with three differences: images reach this
 * thread as raw pixels (`isOffscreenCanvasSupported: false`, so pdf.js's worker does not rescale gigapixel
 * images itself, which took a minute), the canvases are capped (./capped-canvas-factory.ts), and glyphs are
 * drawn as paths (`disableFontFace`: a worker has no document to load fonts into).
 *
 * A page holding an image past the canvas ceiling is drawn once at the largest size any budget sends (its
 * "master"), kept, and every later thumbnail or send of that page is scaled from it: one render, not two.
 * Renders run one at a time, pages to send before thumbnails (./render-queue.ts); a render cancelled before it
 * starts is skipped.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { reductionFor } from '../../../shared/media/block-average.ts';
import { MAX_BUDGET } from '../../../shared/media/budget.ts';
import { pageFit } from '../../../shared/media/pages.ts';
import { CappedCanvasFactory } from './capped-canvas-factory.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { RenderQueue } from './render-queue.ts';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

type PdfJs = typeof import('pdfjs-dist');
let lib: Promise<PdfJs> | null = null;
function pdfjs(): Promise<PdfJs> {
  lib ??= import('pdfjs-dist').then((m) => {
    // pdf.js starts its worker from `window.location`, which a worker lacks, and then falls back to loading its
    // parser into this thread, where it would take over this worker's messages: it is handed a port instead.
    m.GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module', name: 'Glimpse PDF parser' });
    return m;
  });
  return lib;
}

const docs = new Map<string, Promise<PDFDocumentProxy>>();
/** Masters of huge pages, by `key#page`, oldest first; two at most (each up to ~50 MB). */
const masters = new Map<string, ImageBitmap>();
const MAX_MASTERS = 2;
const cancelled = new Set<number>();
const queue = new RenderQueue();

async function open(msg: Extract<ToWorker, { type: 'open' }>): Promise<void> {
  const m = await pdfjs();
  const task = m.getDocument({
    data: msg.bytes,
    password: msg.password,
    standardFontDataUrl: `${msg.base}standard_fonts/`,
    cMapUrl: `${msg.base}cmaps/`,
    cMapPacked: true,
    wasmUrl: `${msg.base}wasm/`,
    // pdf.js's parser fetches fonts, maps and decoders itself (deciding that reads `document`, absent here).
    useWorkerFetch: true,
    isOffscreenCanvasSupported: false,
    disableFontFace: true,
    CanvasFactory: CappedCanvasFactory,
  });
  await close(msg.key);
  docs.set(msg.key, task.promise);
  await task.promise;
}

async function close(key: string): Promise<void> {
  const doc = docs.get(key);
  docs.delete(key);
  for (const [k, bitmap] of masters)
    if (k.startsWith(`${key}#`)) {
      bitmap.close();
      masters.delete(k);
    }
  if (doc) await doc.then((d) => d.loadingTask.destroy()).catch(() => {});
}

/** The largest image the page draws, in pixels per side, from its operator list (which pdf.js then reuses to draw). */
async function needsReduction(page: PDFPageProxy, ops: PdfJs['OPS']): Promise<boolean> {
  const list = await page.getOperatorList();
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    let size: { width: number; height: number } | null = null;
    if (fn === ops.paintImageXObject) size = { width: Number(args[1]), height: Number(args[2]) };
    else if (fn === ops.paintImageMaskXObject || fn === ops.paintInlineImageXObject)
      size = args[0] as { width: number; height: number };
    if (size && size.width > 0 && size.height > 0 && reductionFor(size.width, size.height) > 1) return true;
  }
  return false;
}

/** Draws `page` at `width` x `height` on a white background. */
async function draw(page: PDFPageProxy, width: number, height: number): Promise<OffscreenCanvas> {
  const base = page.getViewport({ scale: 1 });
  const sx = width / base.width;
  const sy = height / base.height;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  // Each side is rounded on its own (to a multiple of 28 for sending), so the vertical scale may differ a hair.
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: ctx as unknown as CanvasRenderingContext2D,
    viewport: page.getViewport({ scale: sx }),
    transform: sx === sy ? undefined : [1, 0, 0, sy / sx, 0, 0],
  }).promise;
  return canvas;
}

function scaled(source: ImageBitmap, width: number, height: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  return canvas;
}

async function render(msg: Extract<ToWorker, { type: 'render' }>): Promise<FromWorker> {
  const doc = docs.get(msg.key);
  if (!doc) throw new Error('This PDF is no longer open; attach it again.');
  const page = await (await doc).getPage(msg.page);
  const id = `${msg.key}#${msg.page}`;
  let master = masters.get(id);
  if (!master && (await needsReduction(page, (await pdfjs()).OPS))) {
    const base = page.getViewport({ scale: 1 });
    const fit = pageFit(base.width, base.height, MAX_BUDGET);
    master = (await draw(page, fit.width, fit.height)).transferToImageBitmap();
    masters.set(id, master);
    for (const [k, old] of masters)
      if (masters.size > MAX_MASTERS) {
        old.close();
        masters.delete(k);
      }
  }
  const canvas = master ? scaled(master, msg.width, msg.height) : await draw(page, msg.width, msg.height);
  // The decoded images are kept by the master (if any), not by pdf.js.
  page.cleanup();
  if (msg.as === 'png') {
    const png = await canvas.convertToBlob({ type: 'image/png' });
    canvas.width = canvas.height = 0;
    return { id: msg.id, ok: true, png };
  }
  return { id: msg.id, ok: true, bitmap: canvas.transferToImageBitmap() };
}

function reply(id: number, work: () => Promise<FromWorker | null>): Promise<void> {
  return work().then(
    (r) => {
      if (!r) return;
      scope.postMessage(r, r.ok && r.bitmap ? [r.bitmap] : []);
    },
    (e: unknown) => scope.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  if (msg.type === 'close') {
    queue.push('send', () => close(msg.key));
    return;
  }
  if (msg.type === 'open') {
    queue.push('send', () =>
      reply(msg.id, async () => {
        await open(msg);
        return { id: msg.id, ok: true };
      }),
    );
    return;
  }
  // A PNG is a page to send; a bitmap is a thumbnail, which can wait.
  queue.push(msg.as === 'png' ? 'send' : 'thumbnail', () =>
    reply(msg.id, async () => {
      if (cancelled.delete(msg.id)) return { id: msg.id, ok: false, message: 'cancelled', cancelled: true };
      return render(msg);
    }),
  );
};
