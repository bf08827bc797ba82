/**
 * The capped canvas factory both pdf.js renderers use (the window's OffscreenCanvas, the host's Skia), driven
 * through a plain in-memory backend: within the ceiling a canvas is what was asked for; past it, a k-times
 * smaller one whose putImageData box-averages the strips pdf.js writes.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_AREA, type RgbaStrip, reductionFor } from '../../../shared/media/block-average.ts';
import { type CanvasBackend, CappedCanvasFactoryBase } from '../../../shared/media/capped-canvas.ts';

interface Img extends RgbaStrip {
  data: Uint8ClampedArray;
}
class MemCanvas {
  width: number;
  height: number;
  rows = new Map<number, Uint8ClampedArray>();
  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
  }
}
class MemContext {
  readonly canvas: MemCanvas;
  alpha = true;
  constructor(canvas: MemCanvas) {
    this.canvas = canvas;
  }
  putImageData(img: Img, _dx: number, dy: number) {
    for (let r = 0; r < img.height; r++) this.canvas.rows.set(dy + r, img.data.slice(r * img.width * 4, (r + 1) * img.width * 4));
  }
  fillRect() {
    return 'real';
  }
}
const mem: CanvasBackend<MemCanvas, MemContext, Img> = {
  createCanvas: (w, h) => new MemCanvas(w, h),
  context: (c, o) => Object.assign(new MemContext(c), { alpha: o.alpha ?? true }),
  imageData: (w, h) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
};
class Factory extends CappedCanvasFactoryBase<MemCanvas, MemContext, Img> {
  constructor() {
    super(mem);
  }
}

describe('CappedCanvasFactoryBase', () => {
  it('gives the size asked for within the ceiling', () => {
    const e = new Factory().create(800, 600);
    expect([e.canvas!.width, e.canvas!.height]).toEqual([800, 600]);
    expect(e.context!.fillRect()).toBe('real');
  });

  it('past the ceiling draws into a reduced canvas and averages each k x k block', () => {
    const width = 10_000;
    const height = 4_000;
    expect(width * height).toBeGreaterThan(MAX_CANVAS_AREA);
    const k = reductionFor(width, height);
    const e = new Factory().create(width, height);
    expect([e.canvas!.width, e.canvas!.height]).toEqual([Math.ceil(width / k), Math.ceil(height / k)]);
    // pdf.js writes the image in strips: k rows of black then white on alternate rows average to mid-grey.
    const strip = (e.context as unknown as { createImageData(w: number, h: number): Img }).createImageData(width, k);
    expect(strip.width).toBe(width);
    for (let r = 0; r < k; r++) strip.data.fill(r % 2 ? 255 : 0, r * width * 4, (r + 1) * width * 4);
    e.context!.putImageData(strip, 0, 0);
    const row = e.canvas!.rows.get(0)!;
    expect(row.length).toBe(Math.ceil(width / k) * 4);
    expect(Math.abs(row[0]! - 127.5)).toBeLessThanOrEqual(k % 2 ? 255 / (2 * k) + 1 : 1);
    // Other calls reach the real context.
    expect(e.context!.fillRect()).toBe('real');
  });

  it('reset crosses the ceiling either way; destroy frees the pixels; no-alpha contexts', () => {
    const f = new Factory();
    const e = f.create(100, 100);
    const old = e.canvas!;
    f.reset(e, 20_000, 20_000);
    expect(old.width).toBe(0);
    expect(e.canvas!.width).toBeLessThan(20_000);
    f.reset(e, 50, 40);
    expect([e.canvas!.width, e.canvas!.height]).toEqual([50, 40]);
    expect(f.getNoAlphaContext(e.canvas!).alpha).toBe(false);
    const c = e.canvas!;
    f.destroy(e);
    expect([c.width, e.canvas, e.context]).toEqual([0, null, null]);
    expect(() => f.create(0, 10)).toThrow('Invalid canvas size');
    expect(() => f.destroy(e)).toThrow('Canvas is not specified');
  });
});
