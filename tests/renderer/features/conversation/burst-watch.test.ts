import { describe, expect, it } from 'vitest';
import { BURST_GROWTH, BURST_HOLD_MS, BurstWatch } from '../../../../renderer/features/conversation/burst-watch.ts';

describe('a burst holds work back', () => {
  it('holds while the text grows by thousands of characters a render, then lets go once quiet', () => {
    const w = new BurstWatch();
    expect(w.update(40, 0)).toBe(0); // a token at reading speed
    expect(w.update(45, 16)).toBe(0);
    expect(w.update(45 + BURST_GROWTH, 32)).toBe(BURST_HOLD_MS);
    expect(w.update(50 + BURST_GROWTH, 82)).toBe(BURST_HOLD_MS - 50); // a small delta does not extend the hold
    expect(w.update(50 + BURST_GROWTH, 132)).toBe(0);
  });

  it('takes a replaced (shorter) text as no burst, and measures growth from it', () => {
    const w = new BurstWatch();
    w.update(100_000, 0);
    expect(w.update(10, 500)).toBe(0);
    expect(w.update(10 + BURST_GROWTH, 516)).toBe(BURST_HOLD_MS);
  });
});
