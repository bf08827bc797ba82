import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { intakePace, MIN_MEASURED, reasoningPace, type IntakePace } from './intake-pace.ts';

/** One slice taken in, as the stream bench's page probe sees it. */
export interface IntakeSample {
  text: 'answer' | 'reasoning';
  /** New characters shown by this render, and how many were still held back after it. */
  chars: number;
  backlog: number;
  /** From this render's start to its layout effect, the forced layout of the new text included. */
  ms: number;
  /** Of which that forced layout. */
  layoutMs: number;
}

/**
 * Where each slice is reported when something listens: the stream bench's page probe (tests/bench/page-probe.ts)
 * sets this to see, frame by frame, how much text a slice took and what it cost. Nothing is kept when nobody does.
 */
const listener = () => (globalThis as { __glimpseIntake?: (s: IntakeSample) => void }).__glimpseIntake;

/**
 * The part of `text` to render this frame: all of it, unless a burst arrived, in which case a growing prefix
 * sized by `pace` (intake-pace.ts) from what earlier slices cost. A fast provider, or a reopened session, can
 * hand over 300 KB at once; parsing boxes and Markdown and laying all of it out in one go is a frame of several
 * hundred ms. `behind` is true while some is held back; treat the text as still streaming until then.
 *
 * Call it in the component whose subtree shows the text: the cost measured is that subtree's render and commit
 * (from this render to this component's layout effect, which runs after its children's) and the layout of the
 * text it added.
 */
export function useIntake(
  text: string,
  pace: IntakePace = intakePace,
  /**
   * Whether a backlog may take the pace's catch-up budget. Off for text that is not the one being followed (the
   * reasoning once the answer has begun): two intakes ticking in the same frame render in one task, and two
   * catch-up slices there would make it a long one.
   */
  catchUp = true,
): { text: string; behind: boolean } {
  const taken = useRef(0);
  const [, setTick] = useState(0);
  const started = performance.now();
  if (taken.current > text.length) taken.current = 0; // replaced, not extended: start over
  const before = taken.current;
  const upTo = Math.min(text.length, before + pace.slice(catchUp ? text.length - before : 0));
  taken.current = upTo;
  const behind = upTo < text.length;
  useLayoutEffect(() => {
    const chars = upTo - before;
    const rendered = performance.now();
    // Lay new text out now rather than in the frame: the same work (the frame then has none left to do), but
    // measured with the rest, and laying out text costs as much as rendering it.
    if (chars >= MIN_MEASURED) void document.documentElement.offsetHeight;
    const end = performance.now();
    pace.record(chars, end - started);
    if (chars > 0)
      listener()?.({
        text: pace === reasoningPace ? 'reasoning' : 'answer',
        chars,
        backlog: text.length - upTo,
        ms: end - started,
        layoutMs: end - rendered,
      });
  });
  useEffect(() => {
    if (!behind) return;
    const id = requestAnimationFrame(() => setTick((t) => t + 1));
    return () => cancelAnimationFrame(id);
  });
  return { text: behind ? text.slice(0, upTo) : text, behind };
}
