import { expect, it } from 'vitest';
import { FLUSH_MS, PROGRESS_CHARS, progressInterval } from '../../../electron/host/observer-writes.ts';

it('saves a short answer every FLUSH_MS and a long one less often, in proportion to its length', () => {
  expect(progressInterval(FLUSH_MS, 0)).toBe(500);
  expect(progressInterval(FLUSH_MS, PROGRESS_CHARS)).toBe(500);
  expect(progressInterval(FLUSH_MS, 400 * 1024)).toBe(3125);
});

it('writes a long answer streamed at reading speed in total linear in its length, not its square', () => {
  // 400 KB at 500 characters a second (some 14 minutes), saved whole at each save, as the session observer does.
  const rate = 500;
  const length = 400 * 1024;
  const written = (interval: (chars: number) => number) => {
    let total = 0;
    for (let t = 0; t * rate < length; ) {
      const chars = Math.min(length, Math.round(t * rate));
      total += chars;
      t += interval(chars) / 1000;
    }
    return total;
  };
  const fixed = written(() => FLUSH_MS);
  const spaced = written((chars) => progressInterval(FLUSH_MS, chars));
  // At a fixed interval: ~length² / (2 · rate · interval) = 336M characters.
  expect(fixed).toBeGreaterThan(300e6);
  // Spaced: at most 2 · PROGRESS_CHARS characters a second (64K per 0.5 s), over the stream's 819 s.
  expect(spaced).toBeLessThanOrEqual((2 * PROGRESS_CHARS * length) / rate);
  expect(spaced).toBeLessThan(fixed / 3);
});
