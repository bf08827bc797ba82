import { describe, expect, it } from 'vitest';
import {
  type ConversionJob,
  createConversionQueue,
  FRAME_BUDGET_MS,
} from '../../../../renderer/features/conversation/conversion-queue.ts';

/** A queue on a fake clock: frames run when `frame()` is called, and each step takes `ms` of that clock. */
function harness() {
  let clock = 0;
  let pending: (() => void) | null = null;
  const rendered: string[] = [];
  const queue = createConversionQueue(
    (f) => {
      pending = f;
    },
    () => clock,
    (f) => f(),
  );
  const job = (name: string, ms: number, near = false, onStep?: () => void): ConversionJob => ({
    near: () => near,
    step: (budget) => {
      rendered.push(`${name}:${budget}`);
      clock += ms;
      onStep?.();
    },
  });
  const frame = () => {
    const f = pending;
    pending = null;
    f?.();
    return rendered.splice(0);
  };
  return { queue, job, frame, scheduled: () => pending !== null };
}

describe('the window-wide conversion budget', () => {
  it('steps the answers near the view first, and the rest while the frame has budget left', () => {
    const h = harness();
    h.queue.add(h.job('far', 3));
    h.queue.add(h.job('near', 3, true));
    h.queue.add(h.job('far2', 3));
    h.queue.add(h.job('far3', 3));
    // near gets the whole budget, the others what is left of it; far3 finds less than 2 ms and waits.
    expect(h.frame()).toEqual([`near:${FRAME_BUDGET_MS}`, 'far:5', 'far2:2']);
    expect(h.frame()).toEqual([`far3:${FRAME_BUDGET_MS}`]);
    expect(h.scheduled()).toBe(false);
  });

  it('always makes progress: the first step runs even when it alone is over the budget', () => {
    const h = harness();
    h.queue.add(h.job('big', 30));
    h.queue.add(h.job('next', 1));
    expect(h.frame()).toEqual([`big:${FRAME_BUDGET_MS}`]);
    expect(h.frame()).toEqual([`next:${FRAME_BUDGET_MS}`]);
  });

  it('runs no step taken back, and the step an answer queues while it renders waits for the next frame', () => {
    const h = harness();
    const takeBack = h.queue.add(h.job('gone', 1));
    takeBack();
    let again: (() => void) | null = null;
    h.queue.add(
      h.job('a', 1, true, () => {
        again = h.queue.add(h.job('a-next', 1, true));
      }),
    );
    expect(h.frame()).toEqual([`a:${FRAME_BUDGET_MS}`]);
    expect(again).not.toBeNull();
    expect(h.frame()).toEqual([`a-next:${FRAME_BUDGET_MS}`]);
  });

  it('keeps the others queued when a step throws', () => {
    const h = harness();
    h.queue.add({
      near: () => true,
      step: () => {
        throw new Error('render failed');
      },
    });
    h.queue.add(h.job('after', 1));
    expect(() => h.frame()).toThrow('render failed');
    expect(h.frame()).toEqual([`after:${FRAME_BUDGET_MS}`]);
  });
});
