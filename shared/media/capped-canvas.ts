/**
 * The canvases pdf.js draws with, with a ceiling: the part the window's render worker (OffscreenCanvas) and the
 * host's Node renderer (@napi-rs/canvas) share. pdf.js copies every image into a canvas of the image's own size
 * before scaling it onto the page; a 35,000 px scan would ask for 1.2 gigapixels, which no browser gives and Skia
 * refuses ("Create skia surface failed") or, in newer versions, silently leaves blank. Past the ceiling the factory
 * hands out a canvas k times smaller whose putImageData box-averages what pdf.js writes (block-average.ts); pdf.js
 * scales from the canvas's own size to the image's place on the page, so nothing else needs to know.
 *
 * Pure: each side gives a {@link CanvasBackend} that makes its own canvases and pixel buffers.
 */
import { BlockAverager, type RgbaStrip, reductionFor } from './block-average.ts';

/** What the factory needs of a canvas: its size, which it zeroes to free the pixels. */
export interface SizedCanvas {
  width: number;
  height: number;
}

/** What the factory needs of a 2D context: to write pixels (the reduced copy) and to make pixel buffers. */
export interface PixelContext<I extends RgbaStrip> {
  putImageData(image: I, dx: number, dy: number): void;
}

/** A platform's canvases. */
export interface CanvasBackend<C extends SizedCanvas, X extends PixelContext<I>, I extends RgbaStrip> {
  createCanvas(width: number, height: number): C;
  /** Its 2D context; `reduced`: the canvas holds a reduced copy that is written row by row (read often). */
  context(canvas: C, opts: { alpha?: boolean; reduced?: boolean }): X;
  /** A blank `width` x `height` RGBA buffer of the platform's own ImageData type. */
  imageData(width: number, height: number): I;
}

/** A canvas and its context as pdf.js keeps them. */
export interface CanvasEntry<C, X> {
  canvas: C | null;
  context: X | null;
}

/** The canvas factory given to pdf.js's getDocument (its `CanvasFactory` option); subclassed per platform. */
export class CappedCanvasFactoryBase<C extends SizedCanvas, X extends PixelContext<I>, I extends RgbaStrip> {
  private readonly backend: CanvasBackend<C, X, I>;

  constructor(backend: CanvasBackend<C, X, I>) {
    this.backend = backend;
  }

  create(width: number, height: number): CanvasEntry<C, X> {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const k = reductionFor(width, height);
    const canvas = this.backend.createCanvas(Math.ceil(width / k), Math.ceil(height / k));
    const context = this.backend.context(canvas, { reduced: k > 1 });
    return { canvas, context: k === 1 ? context : reducingContext(this.backend, context, width, height, k) };
  }

  reset(entry: CanvasEntry<C, X>, width: number, height: number): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    // A reused entry may cross the ceiling either way: it gets a canvas (and context) made for the new size.
    const fresh = this.create(width, height);
    entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = fresh.canvas;
    entry.context = fresh.context;
  }

  destroy(entry: CanvasEntry<C, X>): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = null;
    entry.context = null;
  }

  getNoAlphaContext(canvas: C): X {
    return this.backend.context(canvas, { alpha: false });
  }
}

/**
 * A context that looks `width` x `height` to pdf.js but draws into a canvas `k` times smaller: putImageData (the
 * only way pdf.js fills an image canvas) averages each k x k block; everything else goes to the real context.
 */
export function reducingContext<X extends PixelContext<I>, I extends RgbaStrip>(
  backend: Pick<CanvasBackend<SizedCanvas, X, I>, 'imageData'>,
  ctx: X,
  width: number,
  height: number,
  k: number,
): X {
  const averager = new BlockAverager(width, height, k, (outRow, line) => {
    const row = backend.imageData(averager.outWidth, 1);
    row.data.set(line);
    ctx.putImageData(row, 0, outRow);
  });
  const putImageData = (img: RgbaStrip, dx: number, dy: number) => averager.put(img, dx, dy);
  return new Proxy(ctx, {
    get(target, prop) {
      if (prop === 'putImageData') return putImageData;
      // A chunk buffer as wide as the image pdf.js thinks it has: one strip, never the whole image.
      if (prop === 'createImageData') return (w: number, h: number) => backend.imageData(w, h);
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value, target);
    },
  });
}
