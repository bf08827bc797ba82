/**
 * How close one reading of a page is to another: the character error rate of the text (edit distance over the
 * reference's length, from fastest-levenshtein) and how many reference lines have a box that overlaps it well
 * (intersection over union, shared/compare/iou.ts). Used by the accuracy test, the benchmark and the compare view
 * ("GLM-4.5V vs Tesseract").
 */
import { distance } from 'fastest-levenshtein';
import { iou } from '../compare/iou.ts';
import type { OcrRect } from './ocr-types.ts';

/**
 * Text as it is compared: NFKC (full-width forms as ASCII), each line's runs of spaces made one, blank lines
 * dropped, and no space between two CJK characters (Chinese is written without them; OCR may put some in).
 */
export function normaliseOcrText(text: string): string {
  return text
    .normalize('NFKC')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .replace(/(?<=[\u3000-\u9fff\uf900-\ufaff]) (?=[\u3000-\u9fff\uf900-\ufaff])/g, '');
}

/** Character error rate of `hypothesis` against `reference` (0 is perfect; can pass 1 when much is made up). */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = normaliseOcrText(reference);
  const hyp = normaliseOcrText(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return distance(ref, hyp) / ref.length;
}

/** For each reference box, the best IoU of any found box (0 when none overlaps). */
export function bestLineIous(reference: readonly OcrRect[], found: readonly OcrRect[]): number[] {
  const asBox = (r: OcrRect) => ({ ...r, label: null, image: null });
  return reference.map((r) => found.reduce((best, f) => Math.max(best, iou(asBox(r), asBox(f))), 0));
}

/** Share of reference lines (0..1) with a found box of IoU at least `threshold`; null without reference lines. */
export function lineBoxRecall(reference: readonly OcrRect[], found: readonly OcrRect[], threshold = 0.5): number | null {
  if (reference.length === 0) return null;
  return bestLineIous(reference, found).filter((v) => v >= threshold).length / reference.length;
}
