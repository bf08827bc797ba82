/**
 * The canvases pdf.js draws with in the render worker: OffscreenCanvas, with a ceiling. pdf.js copies every image
 * into a canvas of the image's own size before scaling it onto the page; a 35,000 px scan would ask for 1.2
 * gigapixels, which no browser gives. Past the ceiling the factory hands out a canvas k times smaller whose
 * putImageData box-averages what pdf.js writes (shared/media/block-average.ts); pdf.js scales from the canvas's
 * own size to the image's place on the page, so nothing else needs to know.
 */
import { BlockAverager, type RgbaStrip, reductionFor } from '../../../shared/media/block-average.ts';

type Context = OffscreenCanvasRenderingContext2D;
interface Entry {
  canvas: OffscreenCanvas | null;
  context: Context | null;
}

export class CappedCanvasFactory {
  create(width: number, height: number): Entry {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const k = reductionFor(width, height);
    const canvas = new OffscreenCanvas(Math.ceil(width / k), Math.ceil(height / k));
    const context = canvas.getContext('2d', { willReadFrequently: k > 1 })!;
    return { canvas, context: k === 1 ? context : reducingContext(context, width, height, k) };
  }

  reset(entry: Entry, width: number, height: number): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    // A reused entry may cross the ceiling either way: it gets a canvas (and context) made for the new size.
    const fresh = this.create(width, height);
    entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = fresh.canvas;
    entry.context = fresh.context;
  }

  getNoAlphaContext(canvas: OffscreenCanvas): Context {
    return canvas.getContext('2d', { alpha: false })!;
  }

  destroy(entry: Entry): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = null;
    entry.context = null;
  }
}

/** A context that looks `width` x `height` to pdf.js but keeps a k-times smaller, block-averaged copy. */
function reducingContext(ctx: Context, width: number, height: number, k: number): Context {
  const averager = new BlockAverager(width, height, k, (outRow, line) => {
    ctx.putImageData(new ImageData(line as Uint8ClampedArray<ArrayBuffer>, averager.outWidth, 1), 0, outRow);
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
