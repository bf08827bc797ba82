/**
 * The canvases pdf.js draws with in Node: @napi-rs/canvas (Skia), capped and box-averaged past the ceiling by the
 * factory the window shares (shared/media/capped-canvas.ts). The page canvas itself is sized by the caller.
 */
import { createRequire } from 'node:module';
import { requireHere } from '../require-here.ts';
import { type CanvasBackend, CappedCanvasFactoryBase } from '../../../shared/media/capped-canvas.ts';

type NapiCanvas = typeof import('@napi-rs/canvas');
type Canvas = import('@napi-rs/canvas').Canvas;
type Context = import('@napi-rs/canvas').SKRSContext2D;
type NapiImageData = import('@napi-rs/canvas').ImageData;

export { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, reductionFor } from '../../../shared/media/block-average.ts';

// pdf.js resolves @napi-rs/canvas from its own folder; it brings a copy of its own when ours is too old for it.
let napi: NapiCanvas | null = null;
function canvasLib(): NapiCanvas {
  if (napi) return napi;
  const fromPdfjs = createRequire(requireHere().resolve('pdfjs-dist/package.json'));
  napi = fromPdfjs('@napi-rs/canvas') as NapiCanvas;
  return napi;
}

const skia: CanvasBackend<Canvas, Context, NapiImageData> = {
  createCanvas: (width, height) => canvasLib().createCanvas(width, height),
  context: (canvas, opts) => canvas.getContext('2d', opts.alpha === false ? { alpha: false } : undefined),
  imageData: (width, height) => new (canvasLib().ImageData)(width, height),
};

/** The class given to pdf.js's getDocument as `CanvasFactory` (it instantiates it). */
export class CappedCanvasFactory extends CappedCanvasFactoryBase<Canvas, Context, NapiImageData> {
  constructor() {
    super(skia);
  }
}
