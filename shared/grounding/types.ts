/**
 * Vocabulary of the grounding parser: what it finds in an answer and where.
 * Offsets are into {@link GroundedAnswer.text}, the answer as a person reads and copies it (special tokens gone).
 */
import type { Box } from '../engine/types.ts';

/** How a box was written in the answer. */
export type BoxSource =
  /** Inside `<|begin_of_box|>...<|end_of_box|>`, any bracket style. */
  | 'token'
  /** Bare in prose, e.g. `bounding box[[110,147,193,823]]`. */
  | 'bare'
  /** A JSON detection, e.g. `{"label": "cat", "bbox_2d": [..]}`. */
  | 'json';

/** One box or point found in an answer, in fractions of its image (see {@link Box}). */
export interface GroundedBox extends Box {
  kind: 'box' | 'point';
  /** 1-based number in order of appearance: what the chip and the overlay show. */
  n: number;
  source: BoxSource;
  /** Where the coordinates were written, in {@link GroundedAnswer.text}. */
  start: number;
  end: number;
  /** The numbers as the model wrote them (0-1000 scale, or fractions when it wrote fractions). */
  raw: number[];
  /** True when the image was named in the answer ("image 2", "page 3"), false when it fell back to the last one. */
  imageNamed: boolean;
}

/** What the parser knows about each image of the request, in the order sent. */
export interface ImageInfo {
  /** The attachment's label, e.g. "page 3" or "frame 3 at 00:12.4"; null for a plain image. */
  label?: string | null;
}

/** A place where the answer names an image. */
export interface ImageRef {
  kind: 'image' | 'page' | 'frame';
  /** The number as written (1-based). */
  number: number;
  start: number;
  end: number;
}

/** The parse of a (possibly still streaming) answer. */
export interface GroundedAnswer {
  /** The answer as a person reads and copies it: special tokens removed, everything else verbatim. */
  text: string;
  /**
   * The text prepared for the Markdown renderer: each run of inline boxes replaced by chip markers
   * ({@link CHIP_OPEN} n {@link CHIP_CLOSE} per box), `\(..\)` and `\[..\]` math turned into `$$` math.
   */
  markdown: string;
  boxes: GroundedBox[];
  refs: ImageRef[];
}

/** Opens a chip marker in {@link GroundedAnswer.markdown}: a private-use character no model writes. */
export const CHIP_OPEN = '\uE000';
/** Closes a chip marker. */
export const CHIP_CLOSE = '\uE001';
/** Finds chip markers; group 1 is the box number. */
export const CHIP_RE = /\uE000(\d+)\uE001/g;
