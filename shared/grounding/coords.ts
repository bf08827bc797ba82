/**
 * From the model's numbers to fractions of the image. GLM-4.5V writes 0-1000 (some sources say 0-999): divide by
 * 1000, clamp to the image, order the corners (docs/providers.md, Boxes in answers).
 */

/** The model's scale: coordinates are fractions of the image times this. */
export const MODEL_SCALE = 1000;

const clamp01 = (v: number) => Math.min(Math.max(v, 0), 1);

/**
 * True when the numbers are already fractions (all within 0..1 and at least one not whole), which some
 * fine-tunes and prompts produce; `[0, 0, 1, 1]` stays on the 0-1000 scale.
 */
export function looksFractional(nums: readonly number[]): boolean {
  return nums.every((v) => v >= 0 && v <= 1) && nums.some((v) => !Number.isInteger(v));
}

/** Fractions of the image, clamped and ordered, for 4 numbers (a box) or 2 (a point). */
export function toFractions(nums: readonly number[]): { x1: number; y1: number; x2: number; y2: number } {
  const scale = looksFractional(nums) ? 1 : MODEL_SCALE;
  const [a = 0, b = 0, c = a, d = b] = nums.map((v) => clamp01(v / scale));
  return { x1: Math.min(a, c), y1: Math.min(b, d), x2: Math.max(a, c), y2: Math.max(b, d) };
}

/** Pixel rectangle of a fractional box on an image of the given size (rounded outward to whole pixels). */
export function toPixels(box: { x1: number; y1: number; x2: number; y2: number }, width: number, height: number) {
  return {
    x1: Math.floor(box.x1 * width),
    y1: Math.floor(box.y1 * height),
    x2: Math.ceil(box.x2 * width),
    y2: Math.ceil(box.y2 * height),
  };
}
