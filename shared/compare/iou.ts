/**
 * Where two lanes put their boxes: each box of one lane is matched to at most one box of the other, on the same
 * image, greedily by best intersection over union. Greedy is what a person does by eye and, for the handful of
 * boxes an answer holds, differs from an optimal (Hungarian) assignment only in contrived layouts.
 */
import type { Box } from '../engine/types.ts';

/** Intersection over union of two boxes in the same image (0 when they do not overlap or one is empty). */
export function iou(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const union = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
  return union > 0 ? inter / union : 0;
}

/** One pair of matched boxes: indices into each lane's box list. */
export interface BoxMatch {
  a: number;
  b: number;
  image: number | null;
  iou: number;
}

/** How two lanes' boxes overlap. `mean_iou` is null when neither lane found a box. */
export interface BoxOverlap {
  matches: BoxMatch[];
  /** Boxes of lane a (indices) with no counterpart in lane b, and the other way round. */
  unmatched_a: number[];
  unmatched_b: number[];
  /**
   * Mean IoU over every box of both lanes, an unmatched box counting 0: two lanes that found the same boxes
   * score 1, lanes that found different numbers of boxes are pulled down by the ones only one of them saw.
   */
  mean_iou: number | null;
}

const isBox = (b: Box) => (b.kind ?? 'box') === 'box';

/** Matches the boxes (not points) of two lanes per image, greedily by best IoU; pairs with IoU 0 stay unmatched. */
export function matchBoxes(aBoxes: readonly Box[], bBoxes: readonly Box[]): BoxOverlap {
  const candidates: BoxMatch[] = [];
  aBoxes.forEach((a, i) => {
    if (!isBox(a)) return;
    bBoxes.forEach((b, j) => {
      if (!isBox(b) || a.image !== b.image) return;
      const v = iou(a, b);
      if (v > 0) candidates.push({ a: i, b: j, image: a.image, iou: v });
    });
  });
  candidates.sort((x, y) => y.iou - x.iou || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matches: BoxMatch[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    matches.push(c);
  }
  matches.sort((x, y) => x.a - y.a);
  const unmatched = (list: readonly Box[], used: Set<number>) => list.flatMap((b, i) => (isBox(b) && !used.has(i) ? [i] : []));
  const unmatched_a = unmatched(aBoxes, usedA);
  const unmatched_b = unmatched(bBoxes, usedB);
  // Each match stands for two boxes (one per lane); each unmatched box for one, at 0.
  const boxes = matches.length * 2 + unmatched_a.length + unmatched_b.length;
  const mean_iou = boxes === 0 ? null : (2 * matches.reduce((s, m) => s + m.iou, 0)) / boxes;
  return { matches, unmatched_a, unmatched_b, mean_iou };
}
