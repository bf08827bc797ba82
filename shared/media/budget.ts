/**
 * Sizes an image to a visual-token budget the way GLM-4.5V's processor counts it: one token per 28x28 px patch
 * after resizing to multiples of 28 (transformers `Glm4vImageProcessor.smart_resize`). Sending exactly such
 * dimensions means the server does not resize again and the estimate matches what is billed.
 */
export const PATCH = 28;
export const DEFAULT_BUDGET = 2560;
export const MIN_BUDGET = 256;
export const MAX_BUDGET = 16_384;

export interface Fitted {
  width: number;
  height: number;
  tokens: number;
}

/** Visual tokens the model spends on an image of these (already multiple-of-28) dimensions. */
export const imageTokens = (width: number, height: number): number => Math.ceil(width / PATCH) * Math.ceil(height / PATCH);

export const clampBudget = (budget: number): number =>
  Math.min(MAX_BUDGET, Math.max(MIN_BUDGET, Math.round(budget) || DEFAULT_BUDGET));

/**
 * The largest multiple-of-28 size within `budget` tokens that keeps the aspect ratio and never upscales past
 * the original, except as far as the short side needs to reach one patch (28 px): an 8x32 icon is sent as
 * 28x112, not squashed into 28x28.
 */
export function fitToBudget(width: number, height: number, budget = DEFAULT_BUDGET): Fitted {
  const b = clampBudget(budget);
  const down = Math.min(1, Math.sqrt((b * PATCH * PATCH) / (width * height)));
  // Scaling both sides alike keeps the shape; the short side never goes below one patch.
  const scale = Math.max(down, PATCH / Math.min(width, height));
  let w = Math.max(PATCH, Math.floor((width * scale) / PATCH) * PATCH);
  let h = Math.max(PATCH, Math.floor((height * scale) / PATCH) * PATCH);
  // Extreme aspect ratios can still overshoot after the 28 px floor: shave the long side.
  while ((w / PATCH) * (h / PATCH) > b) {
    if (w >= h) w -= PATCH;
    else h -= PATCH;
  }
  return { width: w, height: h, tokens: imageTokens(w, h) };
}
