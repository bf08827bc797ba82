import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { intakePace, MIN_MEASURED, type IntakePace } from './intake-pace.ts';

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
    // Lay new text out now rather than in the frame: the same work (the frame then has none left to do), but
    // measured with the rest, and laying out text costs as much as rendering it.
    if (chars >= MIN_MEASURED) void document.documentElement.offsetHeight;
    pace.record(chars, performance.now() - started);
  });
  useEffect(() => {
    if (!behind) return;
    const id = requestAnimationFrame(() => setTick((t) => t + 1));
    return () => cancelAnimationFrame(id);
  });
  return { text: behind ? text.slice(0, upTo) : text, behind };
}
