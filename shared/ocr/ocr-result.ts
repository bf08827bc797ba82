/**
 * What Local OCR (Tesseract) finds on each image of a request, and how that becomes an answer like any model's:
 * Markdown in reading order with a box token after each line (so the grounding overlay draws each line and the
 * answer shows it as a chip), low-confidence words in italics, and "No text found" for a page with no text.
 */
import { CHIP_OPEN } from '../grounding/types.ts';
import type { OcrLine, OcrPage, OcrRect, OcrWord } from './ocr-types.ts';

export type { OcrLine, OcrPage, OcrRect, OcrWord } from './ocr-types.ts';

/** Words Tesseract is less sure of than this (0-100) are marked. */
export const LOW_CONFIDENCE = 60;

/** The page's text as plain lines (paragraphs separated by a blank line): what CER is measured on. */
export function plainText(page: OcrPage): string {
  if (page.source === 'text-layer') return page.text ?? '';
  return page.paragraphs.map((p) => p.map((l) => l.text).join('\n')).join('\n\n');
}

/** All lines of a page in reading order. */
export const linesOf = (page: OcrPage): OcrLine[] => page.paragraphs.flat();

/** Every word Local OCR read on one image of the request (by its index among the request's images), in reading order. */
export function wordsOnImage(pages: readonly OcrPage[], image: number): OcrWord[] {
  return pages.filter((p) => p.image === image).flatMap((p) => linesOf(p).flatMap((l) => l.words));
}

/** A fraction as the 0-1000 integer scale box tokens use. */
const per1000 = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000);

/** The box token after a line; the grounding parser reads it as a box of the nearest named image. */
export function boxToken(r: OcrRect): string {
  return `<|begin_of_box|>[${per1000(r.x1)},${per1000(r.y1)},${per1000(r.x2)},${per1000(r.y2)}]<|end_of_box|>`;
}

/**
 * The answer without its line boxes: what a person copies or a terminal prints (the boxes are drawn, or given
 * in `--json`, instead). Only the exact tokens {@link boxToken} writes are removed, with the space before them.
 */
export function withoutLineBoxes(answer: string): string {
  return answer.replace(/ ?<\|begin_of_box\|>\[\d+,\d+,\d+,\d+\]<\|end_of_box\|>/g, '');
}

/**
 * Escapes what Markdown would otherwise read as markup in printed text (a receipt's "# 42", "*" or "_"), so the
 * answer shows what was printed. The chip marker character is dropped: it is the renderer's, never text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replaceAll(CHIP_OPEN, '')
    .replace(/[\\`*_[\]<>|~$]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+\-=>])(?=\s|$)/, (_m, sp: string, mark: string) => `${sp}\\${mark}`)
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, (_m, num: string, mark: string) => `${num}\\${mark}`);
}

/** A line as Markdown: words escaped, low-confidence ones in italics. */
function lineMarkdown(line: OcrLine): string {
  if (line.words.length === 0) return escapeMarkdown(line.text);
  return line.words.map((w) => (w.low ? `_${escapeMarkdown(w.text)}_` : escapeMarkdown(w.text))).join(' ');
}

/** "Page 3" or "Image 2": names a page of an answer about several, so its boxes go to the right image. */
export function pageTitle(page: OcrPage): string {
  return capital(page.label ?? `image ${page.image + 1}`);
}

/** One page's part of the answer: with its title when the request has several images. */
export function pageSection(page: OcrPage, several: boolean): string {
  return several ? `**${pageTitle(page)}**\n\n${pageMarkdown(page)}` : pageMarkdown(page);
}

/** Said after the answer when any word is in italics. */
export const LOW_CONFIDENCE_NOTE = `_Words in italics were read with less than ${LOW_CONFIDENCE}% confidence._`;

/** Whether any word of the pages was read with low confidence. */
export const anyLowConfidence = (pages: readonly OcrPage[]): boolean =>
  pages.some((p) => linesOf(p).some((l) => l.words.some((w) => w.low)));

/** The Markdown of one page (without the heading). */
export function pageMarkdown(page: OcrPage): string {
  const where = page.label ?? 'this image';
  if (page.source === 'text-layer') {
    const text = (page.text ?? '').trim();
    const note = `_${capital(where)} has a text layer: its text is used as is, not read by OCR._`;
    return text ? `${note}\n\n${text.split('\n').map(escapeMarkdown).join('  \n')}` : `${note}\n\nNo text found.`;
  }
  const lines = linesOf(page);
  if (lines.length === 0) return `No text found on ${where}.`;
  // Two trailing spaces are a Markdown line break: printed lines stay lines, not one reflowed paragraph.
  return page.paragraphs
    .filter((p) => p.length > 0)
    .map((p) => p.map((l) => `${lineMarkdown(l)} ${boxToken(l.box)}`).join('  \n'))
    .join('\n\n');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The whole answer for the pages read (what Local OCR streams, page by page). */
export function answerMarkdown(pages: readonly OcrPage[], several: boolean): string {
  const parts = pages.map((p) => pageSection(p, several));
  if (anyLowConfidence(pages)) parts.push(LOW_CONFIDENCE_NOTE);
  return parts.join('\n\n');
}
