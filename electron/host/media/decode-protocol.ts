/** Messages between the host (decode-pool.ts) and the decode child (decode-child.ts). */
import type { OcrPrepared, Prepared, Probed } from './image-decode.ts';
import type { PdfOcrPage, PdfOcrPageRequest } from './pdf-ocr-page.ts';

/** The image as bytes, or as a file the child reads itself (an upload streamed to disk is never held by the host). */
export type DecodeJob =
  | (({ bytes: Uint8Array } | { path: string }) & ({ op: 'probe' } | { op: 'prepare'; budget: number } | { op: 'ocr' }))
  /** A PDF page for Local OCR: its text layer, or drawn at a dpi (pdf-ocr-page.ts). */
  | ({ op: 'pdf-page' } & PdfOcrPageRequest);
export type DecodeRequest = DecodeJob & { id: number };

export type DecodeReply =
  | { id: number; ok: true; probed: Probed }
  | { id: number; ok: true; prepared: Prepared }
  | { id: number; ok: true; ocr: OcrPrepared }
  | { id: number; ok: true; pdfPage: PdfOcrPage }
  | { id: number; ok: false; refused: boolean; message: string };
