import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampBudget,
  DEFAULT_BUDGET,
  fitToBudget,
  imageTokens,
  MAX_BUDGET,
  MIN_BUDGET,
  PATCH,
} from '../../../shared/media/budget.ts';

describe('fitToBudget', () => {
  it('sizes a 4000x3000 photo to multiples of 28 within the default budget, keeping 4:3', () => {
    const f = fitToBudget(4000, 3000);
    expect(f.width % PATCH).toBe(0);
    expect(f.height % PATCH).toBe(0);
    expect(f.tokens).toBeLessThanOrEqual(DEFAULT_BUDGET);
    expect(f.tokens).toBeGreaterThan(DEFAULT_BUDGET * 0.9);
    expect(f.tokens).toBe((f.width / PATCH) * (f.height / PATCH));
    expect(Math.abs(f.width / f.height - 4 / 3)).toBeLessThan(0.05);
  });

  it('never upscales: a 100x100 image stays at most one patch above its size', () => {
    const f = fitToBudget(100, 100, MAX_BUDGET);
    expect(f.width).toBeLessThanOrEqual(112);
    expect(f.height).toBeLessThanOrEqual(112);
    expect(f).toEqual({ width: 84, height: 84, tokens: 9 });
  });

  it('gives a tiny image at least one patch per side', () => {
    expect(fitToBudget(5, 5)).toEqual({ width: 28, height: 28, tokens: 1 });
  });

  it('keeps the shape of a tiny non-square image: 8x32 becomes 28x112, not a 28x28 square', () => {
    expect(fitToBudget(8, 32)).toEqual({ width: 28, height: 112, tokens: 4 });
    expect(fitToBudget(32, 8)).toEqual({ width: 112, height: 28, tokens: 4 });
    expect(fitToBudget(20, 90)).toEqual({ width: 28, height: 112, tokens: 4 });
  });

  it('keeps the aspect ratio within one 28 px step at every size that fits the budget (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (w, h, budget) => {
          const b = clampBudget(budget);
          const f = fitToBudget(w, h, budget);
          expect(f.tokens).toBeLessThanOrEqual(b);
          // The scale at which the short side is at least one patch and the area fits the budget.
          const down = Math.min(1, Math.sqrt((b * PATCH * PATCH) / (w * h)));
          const s = Math.max(down, PATCH / Math.min(w, h));
          // Never upscaled beyond what the one-patch minimum needs.
          expect(f.width).toBeLessThanOrEqual(Math.max(PATCH, w * Math.max(1, PATCH / Math.min(w, h))) + 1e-9);
          expect(f.height).toBeLessThanOrEqual(Math.max(PATCH, h * Math.max(1, PATCH / Math.min(w, h))) + 1e-9);
          // Where that size fits the budget, each side is within one patch of the exact scaled size.
          if (Math.floor((w * s) / PATCH) * Math.floor((h * s) / PATCH) <= b && Math.min(w, h) * s >= PATCH - 1e-9) {
            expect(Math.abs(f.width - w * s)).toBeLessThan(PATCH);
            expect(Math.abs(f.height - h * s)).toBeLessThan(PATCH);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('handles a 10000x50 strip without overshooting the budget', () => {
    const f = fitToBudget(10000, 50);
    expect(f.height).toBe(28);
    expect(f.width % PATCH).toBe(0);
    expect(f.width).toBeLessThanOrEqual(10000);
    expect(f.tokens).toBeLessThanOrEqual(DEFAULT_BUDGET);
  });

  it('shaves the long side when the 28 px floor would overshoot (100000x10 at the minimum budget)', () => {
    const f = fitToBudget(100000, 10, MIN_BUDGET);
    expect(f).toEqual({ width: MIN_BUDGET * PATCH, height: 28, tokens: MIN_BUDGET });
    const tall = fitToBudget(10, 100000, MIN_BUDGET);
    expect(tall).toEqual({ width: 28, height: MIN_BUDGET * PATCH, tokens: MIN_BUDGET });
  });

  it('clamps the budget it is given', () => {
    expect(fitToBudget(8000, 8000, 10).tokens).toBeLessThanOrEqual(MIN_BUDGET);
    expect(fitToBudget(8000, 8000, 10).tokens).toBeGreaterThan(MIN_BUDGET * 0.8);
    expect(fitToBudget(8000, 8000, 1e9).tokens).toBeLessThanOrEqual(MAX_BUDGET);
  });

  it('holds for any size and budget (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 40_000 }),
        (w, h, budget) => {
          const b = clampBudget(budget);
          const f = fitToBudget(w, h, budget);
          // Multiples of 28, at least one patch.
          expect(f.width % PATCH).toBe(0);
          expect(f.height % PATCH).toBe(0);
          expect(f.width).toBeGreaterThanOrEqual(PATCH);
          expect(f.height).toBeGreaterThanOrEqual(PATCH);
          // Within budget, and the token count is what the model bills.
          expect(f.tokens).toBeLessThanOrEqual(b);
          expect(f.tokens).toBe(imageTokens(f.width, f.height));
          // Never upscaled past the original, except as far as the short side needs to reach one patch.
          const up = Math.max(1, PATCH / Math.min(w, h));
          expect(f.width).toBeLessThanOrEqual(Math.max(w * up, PATCH) + 1e-9);
          expect(f.height).toBeLessThanOrEqual(Math.max(h * up, PATCH) + 1e-9);
          // Aspect kept within one patch whenever the ideal size is at least one patch on both sides.
          const scale = Math.min(1, Math.sqrt((b * PATCH * PATCH) / (w * h)));
          if (w * scale >= PATCH && h * scale >= PATCH) {
            expect(Math.abs(f.width - w * scale)).toBeLessThan(PATCH);
            expect(Math.abs(f.height - h * scale)).toBeLessThan(PATCH);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('clampBudget', () => {
  it('keeps budgets within 256..16384', () => {
    expect(clampBudget(100)).toBe(MIN_BUDGET);
    expect(clampBudget(-5)).toBe(MIN_BUDGET);
    expect(clampBudget(256)).toBe(256);
    expect(clampBudget(4096)).toBe(4096);
    expect(clampBudget(16_384)).toBe(16_384);
    expect(clampBudget(100_000)).toBe(MAX_BUDGET);
    expect(MIN_BUDGET).toBe(256);
    expect(MAX_BUDGET).toBe(16_384);
  });

  it('rounds fractions and falls back to the default for NaN', () => {
    expect(clampBudget(1000.6)).toBe(1001);
    expect(clampBudget(Number.NaN)).toBe(DEFAULT_BUDGET);
  });

  it('always lands in range (property)', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const b = clampBudget(x);
        expect(Number.isInteger(b)).toBe(true);
        expect(b).toBeGreaterThanOrEqual(MIN_BUDGET);
        expect(b).toBeLessThanOrEqual(MAX_BUDGET);
      }),
    );
  });
});
