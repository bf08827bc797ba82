/**
 * One image through Tesseract: its blocks, paragraphs, lines and words turned into an {@link OcrPage} with
 * boxes in fractions of the image, so they land on the image as shown whatever size it was read at.
 */
import type Tesseract from 'tesseract.js';
import { LOW_CONFIDENCE, type OcrLine, type OcrPage, type OcrRect } from '../../../shared/ocr/ocr-result.ts';

export interface OcrImage {
  /** PNG (or any format Tesseract's leptonica reads) of the page as OCR should see it. */
  png: Uint8Array;
  width: number;
  height: number;
}

const rect = (b: Tesseract.Bbox, w: number, h: number): OcrRect => ({
  x1: b.x0 / w,
  y1: b.y0 / h,
  x2: b.x1 / w,
  y2: b.y1 / h,
});

/** Tesseract's page result as paragraphs of lines; empty lines (only spaces) are left out. */
export function toParagraphs(page: Pick<Tesseract.Page, 'blocks'>, width: number, height: number): OcrLine[][] {
  const out: OcrLine[][] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      const lines: OcrLine[] = [];
      for (const line of para.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({
            text: w.text.trim(),
            confidence: Math.round(w.confidence * 10) / 10,
            box: rect(w.bbox, width, height),
            low: w.confidence < LOW_CONFIDENCE,
          }));
        if (words.length === 0) continue;
        lines.push({
          text: joinWords(words.map((w) => w.text)),
          confidence: Math.round(line.confidence * 10) / 10,
          box: rect(line.bbox, width, height),
          words,
        });
      }
      if (lines.length) out.push(lines);
    }
  }
  return out;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Words joined as printed: Tesseract splits Chinese into one "word" per character or run, which are written
 * without spaces; a space stays between Latin words and where a Latin word meets a CJK one.
 */
export function joinWords(words: readonly string[]): string {
  let out = '';
  for (const w of words) {
    if (out && !(CJK.test(out.at(-1)!) && CJK.test(w.charAt(0)))) out += ' ';
    out += w;
  }
  return out;
}

/** Reads one image with a worker initialised for the languages wanted. */
export async function recognizeImage(
  worker: Tesseract.Worker,
  image: OcrImage,
  where: { image: number; label: string | null },
): Promise<OcrPage> {
  const { data } = await worker.recognize(Buffer.from(image.png), {}, { blocks: true, text: false });
  return {
    image: where.image,
    label: where.label,
    source: 'ocr',
    width: image.width,
    height: image.height,
    paragraphs: toParagraphs(data, image.width, image.height),
  };
}
