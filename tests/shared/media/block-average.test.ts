import { describe, expect, it } from 'vitest';
import { BlockAverager, MAX_CANVAS_AREA, reductionFor } from '../../../shared/media/block-average.ts';

/** A width x height RGBA image whose every byte is a function of its position. */
function image(width: number, height: number, f: (x: number, y: number, c: number) => number) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) for (let c = 0; c < 4; c++) data[(y * width + x) * 4 + c] = f(x, y, c);
  return data;
}

/** The k x k block means, computed the obvious way (edge blocks over the pixels they have). */
function naive(data: Uint8ClampedArray, width: number, height: number, k: number) {
  const ow = Math.ceil(width / k);
  const oh = Math.ceil(height / k);
  const out = new Uint8ClampedArray(ow * oh * 4);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        let n = 0;
        for (let y = oy * k; y < Math.min(height, oy * k + k); y++)
          for (let x = ox * k; x < Math.min(width, ox * k + k); x++, n++) sum += data[(y * width + x) * 4 + c];
        out[(oy * ow + ox) * 4 + c] = Math.round(sum / n);
      }
  return out;
}

describe('BlockAverager', () => {
  it('averages each k x k block of an image written in strips, edge blocks included, in any strip order', () => {
    const [width, height, k] = [11, 7, 3];
    const src = image(width, height, (x, y, c) => (x * 37 + y * 91 + c * 53) % 256);
    const out = new Uint8ClampedArray(Math.ceil(width / k) * Math.ceil(height / k) * 4);
    const rowsDone: number[] = [];
    const avg = new BlockAverager(width, height, k, (row, line) => {
      rowsDone.push(row);
      out.set(line, row * avg.outWidth * 4);
    });
    // Strips of 2 rows, bottom first, the last one hanging past the image's right and bottom edges.
    for (const top of [6, 4, 2, 0]) {
      const h = Math.min(2, height - top);
      const strip = image(width + 2, h, (x, y, c) => (x < width ? src[((top + y) * width + x) * 4 + c] : 255));
      avg.put({ data: strip, width: width + 2, height: h }, 0, top);
    }
    expect(rowsDone.sort()).toEqual([0, 1, 2]);
    expect([...out]).toEqual([...naive(src, width, height, k)]);
  });

  it('reads byte by byte when the pixels do not start on a 4-byte boundary', () => {
    const src = image(4, 2, (x, y, c) => (c === 3 ? 255 : x * 60 + y * 10));
    const shifted = new Uint8ClampedArray(src.length + 1);
    shifted.set(src, 1);
    let line: Uint8ClampedArray | null = null;
    new BlockAverager(4, 2, 2, (_, l) => (line = l)).put({ data: shifted.subarray(1), width: 4, height: 2 }, 0, 0);
    expect([...line!]).toEqual([...naive(src, 4, 2, 2)]);
  });

  it('picks the smallest whole reduction that fits the canvas ceiling', () => {
    expect(reductionFor(4000, 4000)).toBe(1);
    const k = reductionFor(35_000, 35_000);
    expect(Math.ceil(35_000 / k) ** 2).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(Math.ceil(35_000 / (k - 1)) ** 2).toBeGreaterThan(MAX_CANVAS_AREA);
  });
});
