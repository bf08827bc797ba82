/**
 * One frame budget for converting Markdown, shared by every answer on screen. A reopened session of six long
 * answers had six conversions stepping at once: each asked for its own step after the paint, React folded the six
 * updates into one render, and that render was a task of 40-60 ms, a dozen times over. Here the steps run one
 * after another after a frame's paint, each rendered at once (its own update, not folded with the others), until
 * the frame's budget is spent: answers near the view first, the rest when time is left, in the next frames.
 */
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../../platform/after-paint.ts';

/** Target main-thread time per frame for turning finished blocks into Markdown; the rest is for paint. */
export const FRAME_BUDGET_MS = 8;
/** Below this much budget left, the next step waits for the next frame (a step makes progress whatever its size). */
const MIN_STEP_MS = 2;

export interface ConversionJob {
  /** Whether the answer is within a screen of the view: those go first. */
  near: () => boolean;
  /** One step within `budgetMs`: sets the answer's state (rendered at once by the queue). */
  step: (budgetMs: number) => void;
}

export interface ConversionQueue {
  /** Queues one step of `job` after the next paint; the returned function takes it back if it has not run. */
  add(job: ConversionJob): () => void;
}

export function createConversionQueue(
  later: (f: () => void) => void = (f) => void afterNextPaint(f),
  now: () => number = () => performance.now(),
  render: (f: () => void) => void = flushSync,
): ConversionQueue {
  const waiting = new Set<ConversionJob>();
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    const start = now();
    // Near the view first; among equals, in the order they asked (a Set keeps insertion order, sort is stable).
    const jobs = [...waiting].sort((a, b) => Number(b.near()) - Number(a.near()));
    try {
      for (const job of jobs) {
        // Taken back meanwhile: an earlier step's render re-rendered its answer, which queued a new step.
        if (!waiting.has(job)) continue;
        const left = FRAME_BUDGET_MS - (now() - start);
        if (left < MIN_STEP_MS && job !== jobs[0]) break;
        // Taken out before it runs: the step's render queues the answer's next step, for a later frame.
        waiting.delete(job);
        render(() => job.step(Math.max(left, MIN_STEP_MS)));
      }
    } finally {
      if (waiting.size) schedule();
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    later(drain);
  };
  return {
    add(job) {
      waiting.add(job);
      schedule();
      return () => void waiting.delete(job);
    },
  };
}

/** The window's queue. */
export const conversionQueue = createConversionQueue();
