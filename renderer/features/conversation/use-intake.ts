import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * Main-thread time per frame that new text may take to parse and render. A fast provider, or a reopened session,
 * can hand over 300 KB at once; parsing boxes and Markdown and laying all of it out in one go is a frame of
 * several hundred ms. Taken in slices that fit this time it paints over a few frames instead, and the window
 * keeps answering input. The rest of the frame is left for layout and paint.
 */
export const INTAKE_FRAME_MS = 6;
/** The first slice, before any render was measured; and the bounds the measured slice is kept within. */
export const INTAKE_FIRST = 32_000;
const INTAKE_MIN = 2_000;
const INTAKE_MAX = 512_000;
/** Renders that took in less than this say little about the cost per character (fixed costs dominate). */
const MEASURE_MIN = 4_000;

/**
 * The part of `text` to render this frame: all of it, unless a burst arrived, in which case a growing prefix.
 * `behind` is true while some is held back; treat the text as still streaming until then. The slice adapts:
 * each render that took in a lot is timed, and the next slice is what fits `frameMs` at that pace, so a fast
 * machine takes a burst in one frame and a loaded one spreads it out rather than stalling.
 */
export function useIntake(text: string, frameMs = INTAKE_FRAME_MS): { text: string; behind: boolean } {
  const taken = useRef(0);
  const perFrame = useRef(INTAKE_FIRST);
  const [, setTick] = useState(0);
  const renderStart = performance.now();
  if (taken.current > text.length) taken.current = 0; // replaced, not extended: start over
  const from = taken.current;
  const upTo = Math.min(text.length, from + perFrame.current);
  taken.current = upTo;
  const behind = upTo < text.length;
  // Runs after the whole subtree that renders this text committed: that render's cost is the pace.
  useLayoutEffect(() => {
    const took = upTo - from;
    if (took < MEASURE_MIN) return;
    const spent = performance.now() - renderStart;
    if (spent < 0.5) return;
    const fits = (took * frameMs) / spent;
    // Halfway towards what fits: one slow render (a GC, another process) does not halve the next slice.
    perFrame.current = Math.min(INTAKE_MAX, Math.max(INTAKE_MIN, (perFrame.current + fits) / 2));
  });
  useEffect(() => {
    if (!behind) return;
    const id = requestAnimationFrame(() => setTick((t) => t + 1));
    return () => cancelAnimationFrame(id);
  });
  return { text: behind ? text.slice(0, upTo) : text, behind };
}
