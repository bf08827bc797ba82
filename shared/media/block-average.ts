/**
 * Box-average downscaling of an image that arrives in strips of rows, as pdf.js writes an image into a canvas
 * (putImageData of 16-row chunks). Used where a page holds an image larger than any canvas may be (a 35,000 px
 * scan is 1.2 gigapixels): the image is drawn into a canvas `k` times smaller and each k x k block is averaged,
 * so thin strokes fade to grey instead of vanishing as they would if pixels were skipped. Memory stays at one
 * row of sums per output row still waiting for source rows. Sums are 32-bit: a block of up to 16.8 million
 * pixels (k = 4096) cannot overflow them. Pure: the host (Node canvas) and the window's
 * render worker (OffscreenCanvas) wrap it around their own canvases.
 */

/** The largest image canvas handed out, in pixels (64 MB of RGBA); a side never exceeds {@link MAX_CANVAS_SIDE}. */
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

/** RGBA pixels, `width` x `height`, as ImageData and @napi-rs/canvas's ImageData both are. */
export interface RgbaStrip {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/**
 * Collects the rows of a `width` x `height` image written as strips at (dx, dy) and hands each finished output
 * row (RGBA, `outWidth` pixels) to `emit` once all of its k source rows have come.
 */
export class BlockAverager {
  readonly width: number;
  readonly height: number;
  readonly k: number;
  readonly outWidth: number;
  readonly outHeight: number;
  private readonly pending = new Map<number, { sums: Uint32Array; rows: number }>();
  private readonly emit: (outRow: number, line: Uint8ClampedArray) => void;

  constructor(width: number, height: number, k: number, emit: (outRow: number, line: Uint8ClampedArray) => void) {
    this.width = width;
    this.height = height;
    this.k = k;
    this.outWidth = Math.ceil(width / k);
    this.outHeight = Math.ceil(height / k);
    this.emit = emit;
  }

  /** Source rows that fall into output row `outRow` (the last one may be short). */
  private rowsIn(outRow: number): number {
    return Math.min(this.k, this.height - outRow * this.k);
  }

  /** Adds a strip whose top-left corner is at (dx, dy) of the full-size image; parts outside it are ignored. */
  put(strip: RgbaStrip, dx: number, dy: number): void {
    const { width, height, k } = this;
    // Read the strip's fields once: for a native ImageData each read crosses into the addon.
    const data = strip.data;
    const w = strip.width;
    const h = strip.height;
    // One 32-bit read per pixel (little-endian RGBA) where the buffer allows it: this loop runs once per source
    // pixel, a billion times for a 35,000 px scan.
    const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, (w * h) | 0) : null;
    const x0 = Math.max(0, -dx);
    const x1 = Math.min(w, width - dx);
    for (let y = 0; y < h; y++) {
      const sy = dy + y;
      if (sy < 0 || sy >= height || x0 >= x1) continue;
      const outRow = Math.floor(sy / k);
      let acc = this.pending.get(outRow);
      if (!acc) this.pending.set(outRow, (acc = { sums: new Uint32Array(this.outWidth * 4), rows: 0 }));
      const sums = acc.sums;
      const rowStart = y * w;
      // Source columns x0..x1 in runs that share an output column.
      let x = x0;
      while (x < x1) {
        const col = Math.floor((dx + x) / k);
        const end = Math.min(x1, (col + 1) * k - dx);
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        if (words) {
          // Scans are mostly runs of one colour: count the run, then add the rest pixel by pixel.
          const first = words[rowStart + x]!;
          let i = rowStart + x;
          const stop = rowStart + end;
          while (i < stop && words[i] === first) i++;
          const same = i - rowStart - x;
          r = (first & 0xff) * same;
          g = ((first >>> 8) & 0xff) * same;
          b = ((first >>> 16) & 0xff) * same;
          a = (first >>> 24) * same;
          for (; i < stop; i++) {
            const v = words[i]!;
            r += v & 0xff;
            g += (v >>> 8) & 0xff;
            b += (v >>> 16) & 0xff;
            a += v >>> 24;
          }
        } else {
          for (let i = (rowStart + x) * 4; i < (rowStart + end) * 4; i += 4) {
            r += data[i]!;
            g += data[i + 1]!;
            b += data[i + 2]!;
            a += data[i + 3]!;
          }
        }
        const o = col * 4;
        sums[o]! += r;
        sums[o + 1]! += g;
        sums[o + 2]! += b;
        sums[o + 3]! += a;
        x = end;
      }
      if (++acc.rows === this.rowsIn(outRow)) {
        this.pending.delete(outRow);
        this.emit(outRow, this.average(outRow, sums));
      }
    }
  }

  private average(outRow: number, sums: Uint32Array): Uint8ClampedArray {
    const { width, k, outWidth } = this;
    const line = new Uint8ClampedArray(outWidth * 4);
    const rows = this.rowsIn(outRow);
    for (let x = 0; x < outWidth; x++) {
      const n = Math.min(k, width - x * k) * rows;
      for (let c = 0; c < 4; c++) line[x * 4 + c] = Math.round(sums[x * 4 + c]! / n);
    }
    return line;
  }
}
