/**
 * The grounding parser: every box and point in an answer, where it was written, and which image it belongs to.
 * {@link parseAnswer} parses a whole answer; {@link GroundingParser} does the same for a growing, streamed answer:
 * stretches before the last safe cut (a blank line outside box tokens and code fences, see scan.ts) are scanned
 * and assigned once and kept, so each delta costs the live tail, not the whole answer. Both give the same result
 * for the same text, whatever the chunking (tests/shared/grounding/chunking.property.test.ts).
 */
import type { Box } from '../engine/types.ts';
import { assignImages } from './image-refs.ts';
import { lastCut, scanStretch } from './scan.ts';
import type { GroundedAnswer, GroundedBox, ImageInfo, ImageRef } from './types.ts';

/** Parsed and assigned text, ready to be extended by the next stretch. */
interface Done {
  text: string;
  markdown: string;
  boxes: GroundedBox[];
  refs: ImageRef[];
  /** The image named last, carried into the next stretch's assignment. */
  lastNamed: number | null;
}

const EMPTY: Done = { text: '', markdown: '', boxes: [], refs: [], lastNamed: null };

/** Scans `raw` as the stretch after `done` and assigns its boxes; positions are made absolute. */
function extend(done: Done, raw: string, images: readonly ImageInfo[]): Done {
  const s = scanStretch(raw, done.boxes.length + 1);
  const lastNamed = assignImages(s.text, s.boxes, s.refs, images, done.lastNamed);
  const offset = done.text.length;
  const boxes = offset ? s.boxes.map((b) => ({ ...b, start: b.start + offset, end: b.end + offset })) : s.boxes;
  const refs = offset ? s.refs.map((r) => ({ ...r, start: r.start + offset, end: r.end + offset })) : s.refs;
  return {
    text: done.text + s.text,
    markdown: done.markdown + s.markdown,
    boxes: boxes.length ? done.boxes.concat(boxes) : done.boxes,
    refs: refs.length ? done.refs.concat(refs) : done.refs,
    lastNamed,
  };
}

const sameLabels = (a: readonly ImageInfo[], b: readonly ImageInfo[]) =>
  a === b || (a.length === b.length && a.every((im, i) => im.label === b[i]!.label));

const answerOf = (d: Done): GroundedAnswer => ({ text: d.text, markdown: d.markdown, boxes: d.boxes, refs: d.refs });

/**
 * Parses a complete (or partial) answer: the text without special tokens, the Markdown with chip markers, every
 * box with its image. `images` describes the request's images in order; with none, boxes get `image: null`.
 */
export function parseAnswer(raw: string, images: readonly ImageInfo[] = []): GroundedAnswer {
  return answerOf(extend(EMPTY, raw, images));
}

/** The answer as a person reads and copies it: special tokens removed, nothing else changed. */
export function answerText(raw: string): string {
  return scanStretch(raw, 1).text;
}

/** The engine's {@link Box} list of an answer, as `glimpse ask --json` prints it. */
export function groundBoxes(raw: string, images: readonly ImageInfo[] = []): Box[] {
  return parseAnswer(raw, images).boxes.map((b) => ({
    x1: b.x1,
    y1: b.y1,
    x2: b.x2,
    y2: b.y2,
    label: b.label,
    image: b.image,
    kind: b.kind,
  }));
}

/**
 * Parses a streamed answer as it grows. Call {@link GroundingParser.update} with the whole answer so far. Text
 * that is not an extension of the last (an answer replaced rather than extended), or other images, start it over.
 *
 * Each update scans only what arrived since the last safe cut: the new text is first searched for its last cut
 * (a cheap pass, see `lastCut`), the stretch before it is scanned for boxes once and kept, and only the rest, the
 * live tail, is scanned again on the next update. (Scanning the whole new text for its cuts and then again for
 * its boxes was the parser's largest cost in a burst: every character scanned three times, ~1 µs each.)
 */
export class GroundingParser {
  private done: Done = EMPTY;
  /** The committed raw text: a slice of an answer already seen, so checking an extension compares flat strings. */
  private doneRaw = '';
  private images: readonly ImageInfo[] | null = null;
  private last: { raw: string; result: GroundedAnswer } | null = null;

  update(raw: string, images: readonly ImageInfo[] = []): GroundedAnswer {
    // Compared by what they say, not by identity: a caller that passes a new array each time (or none, the
    // default) would otherwise start over on every update and re-scan the whole answer, quadratic in its length.
    const sameImages = this.images !== null && sameLabels(images, this.images);
    if (this.last?.raw === raw && sameImages) return this.last.result;
    if (!sameImages || !raw.startsWith(this.doneRaw)) {
      this.done = EMPTY;
      this.doneRaw = '';
      this.images = images;
      this.last = null;
    }
    const from = this.doneRaw.length;
    // Commit everything before the last safe cut of the new text; it is final whatever arrives next.
    const cut = lastCut(raw.slice(from));
    if (cut !== undefined) {
      this.done = extend(this.done, raw.slice(from, from + cut), images);
      this.doneRaw = raw.slice(0, from + cut);
    }
    const tail = raw.slice(this.doneRaw.length);
    const result = answerOf(tail ? extend(this.done, tail, images) : this.done);
    this.last = { raw, result };
    return result;
  }
}
