import { describe, expect, it } from 'vitest';
import {
  type Converted,
  NOTHING_CONVERTED,
  pendingCount,
  pendingRanges,
  type StepOptions,
  step,
} from '../../../../renderer/features/conversation/conversion-order.ts';

// Four blocks fit a step, whichever side it works from; groups of 8 blocks.
const opts = (o: Partial<StepOptions> = {}): StepOptions => ({
  group: 8,
  streaming: false,
  endNear: true,
  forward: (from) => from + 4,
  backward: (to, floor) => Math.max(floor, to - 4),
  ...o,
});

/** Steps until nothing is pending, with the states passed through. */
function run(count: number, o: StepOptions, from: Converted = NOTHING_CONVERTED): Converted[] {
  const seen: Converted[] = [];
  for (let c = from; pendingCount(c, count) > 0; ) {
    c = step(c, count, o);
    seen.push(c);
    if (seen.length > count) throw new Error('no progress');
  }
  return seen;
}

describe('the order blocks are converted to Markdown in', () => {
  it('converts a settled answer from its end while the end is in view', () => {
    expect(run(20, opts())).toEqual([
      { head: 0, suffix: { from: 16, to: 20 } },
      { head: 0, suffix: { from: 12, to: 20 } },
      { head: 0, suffix: { from: 8, to: 20 } },
      { head: 0, suffix: { from: 4, to: 20 } },
      { head: 20, suffix: null },
    ]);
  });

  it('converts from the start while the answer streams, or when its end is out of view', () => {
    const forward = [
      { head: 4, suffix: null },
      { head: 8, suffix: null },
      { head: 10, suffix: null },
    ];
    expect(run(10, opts({ streaming: true }))).toEqual(forward);
    expect(run(10, opts({ endNear: false }))).toEqual(forward);
  });

  it('never converts from the end into the group the start has reached', () => {
    // The start reached block 3, inside the first group [0, 8): from the end, conversion stops at block 8 and the
    // start finishes its own group, so no group is ever converted from both sides.
    const seen = run(14, opts(), { head: 3, suffix: null });
    expect(seen).toEqual([
      { head: 3, suffix: { from: 10, to: 14 } },
      { head: 3, suffix: { from: 8, to: 14 } },
      { head: 7, suffix: { from: 8, to: 14 } },
      { head: 14, suffix: null },
    ]);
  });

  it('stops the start at the group the converted end reaches into, and finishes that group from its end', () => {
    // Five blocks a step: from the start, the second step would end inside [8, 16), which the end has reached into.
    const five = opts({ endNear: false, forward: (from) => from + 5, backward: (to, floor) => Math.max(floor, to - 5) });
    expect(run(20, five, { head: 0, suffix: { from: 12, to: 20 } })).toEqual([
      { head: 5, suffix: { from: 12, to: 20 } },
      { head: 8, suffix: { from: 12, to: 20 } },
      { head: 20, suffix: null },
    ]);
  });

  it('goes on from the start when the person scrolls away from the end', () => {
    const c = step({ head: 0, suffix: { from: 12, to: 20 } }, 20, opts({ endNear: false }));
    expect(c).toEqual({ head: 4, suffix: { from: 12, to: 20 } });
    expect(pendingRanges(c, 20)).toEqual([[4, 12]]);
  });

  it('converts blocks added after a converted end (a continued answer) from the start', () => {
    const c: Converted = { head: 4, suffix: { from: 8, to: 12 } };
    expect(pendingRanges(c, 15)).toEqual([
      [4, 8],
      [12, 15],
    ]);
    // The end is not the suffix's any more: conversion goes on from the start, over the suffix, then past it.
    expect(run(15, opts(), c)).toEqual([
      { head: 12, suffix: null },
      { head: 15, suffix: null },
    ]);
  });

  it('converts no group from both sides, and ends, whatever the view does in between', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(random() * 120);
      let c: Converted = NOTHING_CONVERTED;
      let steps = 0;
      while (pendingCount(c, count) > 0) {
        const size = 1 + Math.floor(random() * 6);
        c = step(c, count, {
          group: 8,
          streaming: false,
          endNear: random() < 0.5,
          forward: (from) => from + size,
          backward: (to, floor) => Math.max(floor, to - size),
        });
        steps++;
        expect(steps).toBeLessThanOrEqual(count);
        if (!c.suffix) continue;
        expect(c.head).toBeLessThan(c.suffix.from);
        expect(c.suffix.to).toBe(count);
        // The prefix's last block and the suffix's first are in different groups.
        if (c.head > 0) expect(Math.floor((c.head - 1) / 8)).toBeLessThan(Math.floor(c.suffix.from / 8));
      }
      expect(c).toEqual({ head: count, suffix: null });
    }
  });

  it('returns the same state when nothing is pending', () => {
    const done: Converted = { head: 9, suffix: null };
    expect(step(done, 9, opts())).toBe(done);
  });
});
