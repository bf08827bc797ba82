/**
 * The crop rectangle of a snip, as pure data, always in the captured picture's own pixels (a display captured at
 * native resolution is larger than the CSS pixels it is shown in on a HiDPI screen): built from a drag (either
 * direction) over the picture as shown, kept inside it, nudged by arrow keys one picture pixel at a time.
 */

export interface SnipRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The rectangle between two points of a drag, whichever way it went, inside `bounds`. */
export function rectFromDrag(a: { x: number; y: number }, b: { x: number; y: number }, bounds: Size): SnipRect {
  const x1 = clamp(Math.min(a.x, b.x), 0, bounds.width);
  const y1 = clamp(Math.min(a.y, b.y), 0, bounds.height);
  const x2 = clamp(Math.max(a.x, b.x), 0, bounds.width);
  const y2 = clamp(Math.max(a.y, b.y), 0, bounds.height);
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/**
 * Arrow keys: move the rectangle by `step`, or (`grow`) move its right or bottom edge, never leaving `bounds`
 * and never shrinking below one pixel.
 */
export function nudge(r: SnipRect, key: string, step: number, grow: boolean, bounds: Size): SnipRect {
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  if (grow) {
    return {
      ...r,
      width: clamp(r.width + dx, 1, bounds.width - r.x),
      height: clamp(r.height + dy, 1, bounds.height - r.y),
    };
  }
  return {
    ...r,
    x: clamp(r.x + dx, 0, bounds.width - r.width),
    y: clamp(r.y + dy, 0, bounds.height - r.height),
  };
}

/** A pointer position over the shown picture (CSS pixels, `shown` where it sits) in the picture's own pixels. */
export function toImagePoint(p: { x: number; y: number }, shown: SnipRect, image: Size): { x: number; y: number } {
  return { x: ((p.x - shown.x) * image.width) / shown.width, y: ((p.y - shown.y) * image.height) / shown.height };
}

/** `r` (in picture pixels, maybe fractional from a drag) as whole pixels inside the picture. */
export function wholePixels(r: SnipRect, image: Size): SnipRect {
  const x = clamp(Math.round(r.x), 0, image.width - 1);
  const y = clamp(Math.round(r.y), 0, image.height - 1);
  return {
    x,
    y,
    width: clamp(Math.round(r.x + r.width) - x, 1, image.width - x),
    height: clamp(Math.round(r.y + r.height) - y, 1, image.height - y),
  };
}

/** `r` (picture pixels) where it shows on screen (CSS pixels). */
export function toShown(r: SnipRect, shown: SnipRect, image: Size): SnipRect {
  const sx = shown.width / image.width;
  const sy = shown.height / image.height;
  return { x: shown.x + r.x * sx, y: shown.y + r.y * sy, width: r.width * sx, height: r.height * sy };
}

/** Too small to be meant (a click, not a drag): at least this many picture pixels each way. */
export const MIN_SNIP = 4;

export const isUsable = (r: SnipRect | null): r is SnipRect => Boolean(r && r.width >= MIN_SNIP && r.height >= MIN_SNIP);

/** Where a picture of `image` size sits when fitted whole ("contain") in `box`, centred. */
export function containBox(image: Size, box: Size): SnipRect {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height };
}
