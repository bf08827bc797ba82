/**
 * One PDF page as Local OCR reads it, run only inside the decode child (decode-child.ts): its text layer when it
 * has one worth using, else the page drawn at a fixed dpi (300 for Tesseract) as PNG. Drawing an A4 page at 300
 * dpi takes pdf.js a second of CPU or more and parses untrusted bytes, so it stays off the host's main thread
 * (the Electron main process) and out of the host process. A child has one job at a time, so one page is drawn
 * at a time; the document last opened is kept for the next page of the same file and closed when idle.
 */
import { readFile } from 'node:fs/promises';
import { openPdf, type OpenedPdf } from './pdf-render.ts';

export interface PdfOcrPageRequest {
  path: string;
  /** 1-based. */
  page: number;
  dpi: number;
  /** A text layer with fewer non-space characters (a page number, a stamp) does not count: the page is drawn. */
  minTextChars: number;
  /** The file's name, for messages. */
  name: string;
}

/** The page's text layer, or the page drawn. */
export type PdfOcrPage = { text: string } | { text: null; png: Uint8Array; width: number; height: number };

/** An open document is closed after this long without a page asked of it. */
const KEEP_OPEN_MS = 15_000;

let last: { path: string; name: string; pdf: Promise<OpenedPdf>; timer: NodeJS.Timeout | null } | null = null;

function closeLast(): void {
  if (!last) return;
  if (last.timer) clearTimeout(last.timer);
  void last.pdf.then((p) => p.close()).catch(() => {});
  last = null;
}

async function opened(path: string, name: string): Promise<OpenedPdf> {
  if (last?.path !== path || last.name !== name) {
    closeLast();
    last = { path, name, pdf: readFile(path).then((bytes) => openPdf(new Uint8Array(bytes), { name })), timer: null };
  }
  if (last.timer) clearTimeout(last.timer);
  last.timer = null;
  const mine = last;
  try {
    return await mine.pdf;
  } catch (e) {
    if (last === mine) last = null;
    throw e;
  }
}

export async function pdfPageForOcr(req: PdfOcrPageRequest): Promise<PdfOcrPage> {
  const pdf = await opened(req.path, req.name);
  try {
    if (!Number.isInteger(req.page) || req.page < 1 || req.page > pdf.pageCount)
      throw new Error(`${req.name} has no page ${req.page} (it has ${pdf.pageCount}).`);
    const text = await pdf.pageText(req.page);
    if (text.replace(/\s+/g, '').length >= req.minTextChars) return { text };
    const drawn = await pdf.renderPage(req.page, { dpi: req.dpi });
    return { text: null, png: drawn.png, width: drawn.width, height: drawn.height };
  } finally {
    if (last) {
      last.timer = setTimeout(closeLast, KEEP_OPEN_MS);
      last.timer.unref();
    }
  }
}
