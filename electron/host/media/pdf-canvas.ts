/**
 * The canvases pdf.js draws with in Node (@napi-rs/canvas), with a ceiling. pdf.js copies every image into a
 * canvas of the image's own size before scaling it onto the page; a 35,000 px scan asks Skia for a 1.2-gigapixel
 * surface, which it refuses ("Create skia surface failed") or, in newer versions, silently leaves blank.
 * Past the ceiling this factory hands out a smaller canvas and box-averages the rows pdf.js writes into it, so
 * the page is drawn from a reduced copy of the image: pdf.js scales from the canvas's own size to the image's
 * area on the page, so nothing else needs to know. The page canvas itself is sized by the budget, far below.
 */
import { createRequire } from 'node:module';

type NapiCanvas = typeof import('@napi-rs/canvas');
type Canvas = import('@napi-rs/canvas').Canvas;
type Context = import('@napi-rs/canvas').SKRSContext2D;

/** The largest canvas handed out, in pixels (64 MB of RGBA); a side never exceeds {@link MAX_CANVAS_SIDE}. */
export const MAX_CANVAS_AREA = 16_000_000;
export const MAX_CANVAS_SIDE = 16_384;

/** The whole-number reduction that brings `width` x `height` within the ceiling (1 when it already fits). */
export function reductionFor(width: number, height: number): number {
  let k = Math.max(
    1,
    Math.ceil(Math.max(width, height) / MAX_CANVAS_SIDE),
    Math.ceil(Math.sqrt((width * height) / MAX_CANVAS_AREA)),
  );
  while (Math.ceil(width / k) * Math.ceil(height / k) > MAX_CANVAS_AREA) k++;
  return k;
}

export interface CanvasAndContext {
  canvas: Canvas | null;
  context: Context | null;
}

// pdf.js resolves @napi-rs/canvas from its own folder; it brings a copy of its own when ours is too old for it.
let napi: NapiCanvas | null = null;
function canvasLib(): NapiCanvas {
  if (napi) return napi;
  const fromPdfjs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  napi = fromPdfjs('@napi-rs/canvas') as NapiCanvas;
  return napi;
}

/** The canvas factory given to pdf.js's getDocument (its `CanvasFactory` option: a class it instantiates). */
export class CappedCanvasFactory {
  constructor(_opts?: unknown) {}

  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const k = reductionFor(width, height);
    const canvas = canvasLib().createCanvas(Math.ceil(width / k), Math.ceil(height / k));
    const context = canvas.getContext('2d');
    return { canvas, context: k === 1 ? context : reducingContext(context, width, height, k) };
  }

  reset(entry: CanvasAndContext, width: number, height: number): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    // A reused entry may cross the ceiling either way: it gets a canvas (and context) made for the new size.
    const fresh = this.create(width, height);
    entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = fresh.canvas;
    entry.context = fresh.context;
  }

  destroy(entry: CanvasAndContext): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = null;
    entry.context = null;
  }

  getNoAlphaContext(canvas: Canvas): Context {
    return canvas.getContext('2d', { alpha: false });
  }
}

/**
 * A context that looks `width` x `height` to pdf.js but draws into a canvas `k` times smaller: putImageData
 * (the only way pdf.js fills an image canvas) averages each k x k block. Rows arrive in chunks of 16; a block
 * row is written out once all its source rows have come, so memory stays at one block row per pending row.
 */
function reducingContext(ctx: Context, width: number, height: number, k: number): Context {
  const outW = Math.ceil(width / k);
  const outH = Math.ceil(height / k);
  const pending = new Map<number, { sums: Float64Array; rows: number }>();
  const rowsIn = (outRow: number) => Math.min(k, height - outRow * k);
  const { ImageData } = canvasLib();

  function flush(outRow: number, sums: Float64Array) {
    const line = new ImageData(outW, 1);
    for (let x = 0; x < outW; x++) {
      const n = Math.min(k, width - x * k) * rowsIn(outRow);
      for (let c = 0; c < 4; c++) line.data[x * 4 + c] = Math.round(sums[x * 4 + c] / n);
    }
    ctx.putImageData(line, 0, outRow);
  }

  function putImageData(img: { data: Uint8ClampedArray; width: number; height: number }, dx: number, dy: number) {
    // Read the native object's accessors once: each read crosses into the addon.
    const data = img.data;
    const w = img.width;
    for (let y = 0; y < img.height; y++) {
      const sy = dy + y;
      if (sy < 0 || sy >= height) continue;
      const outRow = Math.floor(sy / k);
      let acc = pending.get(outRow);
      if (!acc) pending.set(outRow, (acc = { sums: new Float64Array(outW * 4), rows: 0 }));
      const sums = acc.sums;
      const base = y * w * 4;
      for (let x = 0; x < w; x++) {
        const sx = dx + x;
        if (sx < 0 || sx >= width) continue;
        const o = Math.floor(sx / k) * 4;
        const i = base + x * 4;
        sums[o] += data[i];
        sums[o + 1] += data[i + 1];
        sums[o + 2] += data[i + 2];
        sums[o + 3] += data[i + 3];
      }
      if (++acc.rows === rowsIn(outRow)) {
        pending.delete(outRow);
        flush(outRow, acc.sums);
      }
    }
  }

  return new Proxy(ctx, {
    get(target, prop) {
      if (prop === 'putImageData') return putImageData;
      // A chunk buffer as wide as the image pdf.js thinks it has: one strip, never the whole image.
      if (prop === 'createImageData') return (w: number, h: number) => new ImageData(w, h);
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value, target);
    },
  });
}
