import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameLabel, frameTimes, formatTimestamp, MAX_FRAME_COUNT } from '../../../shared/media/frames.ts';

describe('frameTimes', () => {
  it('puts 16 frames of a 16 s clip in the middle of each second', () => {
    expect(frameTimes(16, { mode: 'count', count: 16 })).toEqual(Array.from({ length: 16 }, (_, i) => i + 0.5));
  });
  it('samples only the trimmed range', () => {
    expect(frameTimes(8, { mode: 'count', count: 4 }, { start: 2, end: 6 })).toEqual([2.5, 3.5, 4.5, 5.5]);
  });
  it('at a chosen rate: 2 fps over 3 s gives 6 frames, a quarter second in', () => {
    expect(frameTimes(3, { mode: 'fps', fps: 2 })).toEqual([0.25, 0.75, 1.25, 1.75, 2.25, 2.75]);
  });
  it('caps the count and clamps a range past the end', () => {
    expect(frameTimes(600, { mode: 'fps', fps: 5 })).toHaveLength(MAX_FRAME_COUNT);
    expect(frameTimes(10, { mode: 'count', count: 2 }, { start: 8, end: 99 })).toEqual([8.5, 9.5]);
  });
  it('gives nothing for a clip without a duration', () => {
    expect(frameTimes(0, { mode: 'count', count: 16 })).toEqual([]);
    expect(frameTimes(Number.NaN, { mode: 'count', count: 16 })).toEqual([]);
  });
  it('always gives ascending times inside the range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3600, noNaN: true }),
        fc.integer({ min: 1, max: 80 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, n, f) => {
          const range = { start: d * f * 0.5, end: d * (0.5 + f * 0.5) };
          const t = frameTimes(d, { mode: 'count', count: n }, range);
          expect(t.length).toBe(Math.min(n, MAX_FRAME_COUNT));
          for (let i = 0; i < t.length; i++) {
            expect(t[i]).toBeGreaterThanOrEqual(range.start - 0.001);
            expect(t[i]).toBeLessThanOrEqual(range.end + 0.001);
            if (i) expect(t[i]).toBeGreaterThanOrEqual(t[i - 1]);
          }
        },
      ),
    );
  });
});

describe('timestamps and labels', () => {
  it('formats mm:ss.t and h:mm:ss.t', () => {
    expect(formatTimestamp(12.44)).toBe('00:12.4');
    expect(formatTimestamp(59.96)).toBe('01:00.0');
    expect(formatTimestamp(3725.3)).toBe('1:02:05.3');
  });
  it('labels frames 1-based with their moment', () => {
    expect(frameLabel(2, 12.4)).toBe('frame 3 at 00:12.4');
  });
});
