import { useEffect, useRef, useState } from 'react';

/**
 * New text taken in per frame. A fast provider, or a reopened session, can hand over 300 KB at once; parsing
 * boxes and Markdown and laying all of it out in one go is a frame of several hundred ms. In slices of this size
 * it paints over a few frames instead, and the window keeps answering input. (At 32 KB a frame, the box parser
 * and the Markdown lexer of one slice of a 20,000-box answer took ~200 ms of a frame; at 16 KB half that.)
 */
export const INTAKE_PER_FRAME = 16_000;

/**
 * The part of `text` to render this frame: all of it, unless a burst arrived, in which case a growing prefix.
 * `behind` is true while some is held back; treat the text as still streaming until then.
 */
export function useIntake(text: string, perFrame = INTAKE_PER_FRAME): { text: string; behind: boolean } {
  const taken = useRef(0);
  const [, setTick] = useState(0);
  if (taken.current > text.length) taken.current = 0; // replaced, not extended: start over
  const upTo = Math.min(text.length, taken.current + perFrame);
  taken.current = upTo;
  const behind = upTo < text.length;
  useEffect(() => {
    if (!behind) return;
    const id = requestAnimationFrame(() => setTick((t) => t + 1));
    return () => cancelAnimationFrame(id);
  });
  return { text: behind ? text.slice(0, upTo) : text, behind };
}
