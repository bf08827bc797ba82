/**
 * The canvases pdf.js draws with in Node (@napi-rs/canvas), with a ceiling. pdf.js copies every image into a
 * canvas of the image's own size before scaling it onto the page; a 35,000 px scan asks Skia for a 1.2-gigapixel
 * surface, which it refuses ("Create skia surface failed") or, in newer versions, silently leaves blank.
 * Past the ceiling this factory hands out a smaller canvas and box-averages the rows pdf.js writes into it, so
 * the page is drawn from a reduced copy of the image: pdf.js scales from the canvas's own size to the image's
 * area on the page, so nothing else needs to know. The page canvas itself is sized by the budget, far below.
 */
import { createRequire } from 'node:module';
import { BlockAverager, type RgbaStrip, reductionFor } from '../../../shared/media/block-average.ts';

type NapiCanvas = typeof import('@napi-rs/canvas');
type Canvas = import('@napi-rs/canvas').Canvas;
type Context = import('@napi-rs/canvas').SKRSContext2D;

export { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, reductionFor } from '../../../shared/media/block-average.ts';

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
 * (the only way pdf.js fills an image canvas) averages each k x k block (shared/media/block-average.ts).
 */
function reducingContext(ctx: Context, width: number, height: number, k: number): Context {
  const { ImageData } = canvasLib();
  const averager = new BlockAverager(width, height, k, (outRow, line) => {
    const row = new ImageData(averager.outWidth, 1);
    row.data.set(line);
    ctx.putImageData(row, 0, outRow);
  });
  const putImageData = (img: RgbaStrip, dx: number, dy: number) => averager.put(img, dx, dy);

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
