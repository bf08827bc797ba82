/** What Local OCR reads from an image: kept apart (no imports) so the engine's result type can carry it. */

/** A rectangle in fractions (0..1) of its image. */
export interface OcrRect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface OcrWord {
  text: string;
  /** Tesseract's confidence, 0-100. */
  confidence: number;
  box: OcrRect;
  /** Below the confidence threshold (shared/ocr/ocr-result.ts LOW_CONFIDENCE): shown in italics. */
  low: boolean;
}

export interface OcrLine {
  text: string;
  confidence: number;
  box: OcrRect;
  words: OcrWord[];
}

/** One image of the request as Local OCR read it. */
export interface OcrPage {
  /** Index among the request's images (what a box's `image` means). */
  image: number;
  /** "page 3" for a PDF page, null for a plain image. */
  label: string | null;
  /** `ocr`: read by Tesseract; `text-layer`: a PDF page whose own text was used as is (no boxes). */
  source: 'ocr' | 'text-layer';
  /** Pixels OCR ran on (0 for a text layer). */
  width: number;
  height: number;
  /** Paragraphs in reading order, each a list of lines. */
  paragraphs: OcrLine[][];
  /** The text layer's text, for `source: 'text-layer'`. */
  text?: string;
}

/** Local OCR's part of a result: each image as read, with lines, words and confidences. */
export interface OcrResult {
  languages: string;
  pages: OcrPage[];
}
