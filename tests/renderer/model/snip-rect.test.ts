import { describe, expect, it } from 'vitest';
import {
  containBox,
  isUsable,
  nudge,
  rectFromDrag,
  toImagePoint,
  toShown,
  wholePixels,
} from '../../../renderer/model/snip-rect.ts';

const screen = { width: 1440, height: 900 };

describe('snip rectangle', () => {
  it('is the same whichever way the drag went, and stays inside the picture', () => {
    const down = rectFromDrag({ x: 100, y: 50 }, { x: 300, y: 250 }, screen);
    expect(down).toEqual({ x: 100, y: 50, width: 200, height: 200 });
    expect(rectFromDrag({ x: 300, y: 250 }, { x: 100, y: 50 }, screen)).toEqual(down);
    expect(rectFromDrag({ x: 1400, y: 880 }, { x: 2000, y: -40 }, screen)).toEqual({ x: 1400, y: 0, width: 40, height: 880 });
  });

  it('is nudged by arrow keys without leaving the picture', () => {
    const r = { x: 10, y: 10, width: 100, height: 50 };
    expect(nudge(r, 'ArrowRight', 1, false, screen)).toEqual({ ...r, x: 11 });
    expect(nudge(r, 'ArrowUp', 10, false, screen)).toEqual({ ...r, y: 0 });
    expect(nudge({ ...r, x: 1340 }, 'ArrowRight', 10, false, screen).x).toBe(1340);
    expect(nudge(r, 'ArrowDown', 10, true, screen)).toEqual({ ...r, height: 60 });
    expect(nudge({ ...r, width: 1 }, 'ArrowLeft', 10, true, screen).width).toBe(1);
  });

  it('maps the pointer over a HiDPI capture to native pixels, and back', () => {
    const native = { width: 2880, height: 1800 };
    const shown = { x: 0, y: 0, width: 1440, height: 900 };
    expect(toImagePoint({ x: 100, y: 50 }, shown, native)).toEqual({ x: 200, y: 100 });
    const letterboxed = { x: 0, y: 72.5, width: 1200, height: 675 };
    expect(toImagePoint({ x: 600, y: 72.5 }, letterboxed, { width: 1280, height: 720 })).toEqual({ x: 640, y: 0 });
    expect(toShown({ x: 200, y: 100, width: 400, height: 200 }, shown, native)).toEqual({
      x: 100,
      y: 50,
      width: 200,
      height: 100,
    });
    // Fractions from a drag become whole pixels; an edge dragged to the very border stays inside.
    expect(wholePixels({ x: 2879.6, y: 0.4, width: 5, height: 1799.9 }, native)).toEqual({
      x: 2879,
      y: 0,
      width: 1,
      height: 1800,
    });
    expect(wholePixels({ x: 10.4, y: 10.6, width: 99.8, height: 50 }, native)).toEqual({ x: 10, y: 11, width: 100, height: 50 });
  });

  it('treats a click as no selection, and fits a picture whole into the window', () => {
    expect(isUsable({ x: 0, y: 0, width: 2, height: 40 })).toBe(false);
    expect(isUsable({ x: 0, y: 0, width: 40, height: 40 })).toBe(true);
    expect(containBox({ width: 1280, height: 720 }, { width: 1200, height: 820 })).toEqual({
      x: 0,
      y: (820 - 675) / 2,
      width: 1200,
      height: 675,
    });
  });
});
