/**
 * The canvases pdf.js draws with in the render worker: OffscreenCanvas, capped and box-averaged past the ceiling
 * by the factory the host shares (shared/media/capped-canvas.ts).
 */
import { type CanvasBackend, CappedCanvasFactoryBase } from '../../../shared/media/capped-canvas.ts';

type Context = OffscreenCanvasRenderingContext2D;

const offscreen: CanvasBackend<OffscreenCanvas, Context, ImageData> = {
  createCanvas: (width, height) => new OffscreenCanvas(width, height),
  // A reduced copy is written row by row: the browser keeps it in memory rather than on the GPU.
  context: (canvas, opts) => canvas.getContext('2d', { alpha: opts.alpha ?? true, willReadFrequently: opts.reduced ?? false })!,
  imageData: (width, height) => new ImageData(width, height),
};

export class CappedCanvasFactory extends CappedCanvasFactoryBase<OffscreenCanvas, Context, ImageData> {
  constructor() {
    super(offscreen);
  }
}
