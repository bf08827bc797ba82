/**
 * pdf.js in the app window: loaded on first use (most sessions never open a PDF), parsing in its own worker.
 * The window's copy answers what is cheap (page count and sizes, passwords, text layers); pages are drawn only
 * when asked (thumbnails as they scroll into view, sent pages at the budget's size) and always in the render
 * worker (./pdf-render), so a page of any size never blocks the window.
 * Open documents are kept here by attachment id, outside the store, because they are live objects.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pageFit } from '../../shared/media/pages.ts';
import { type HostMessage, hostMessage } from '../../shared/messages/messages.ts';
import { closeInWorker, openInWorker, renderInWorker } from './pdf-render/client.ts';

type PdfJs = typeof import('pdfjs-dist');
let lib: Promise<PdfJs> | null = null;
function pdfjs(): Promise<PdfJs> {
  lib ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return lib;
}

/** Why a PDF could not be opened, in terms a person can act on. */
export class PdfOpenError extends Error {
  readonly reason: 'password' | 'wrong-password' | 'damaged';
  /** The message as a code, so the composer's notice says it in the window's language (model/failure.ts). */
  readonly summary: HostMessage;
  constructor(reason: PdfOpenError['reason'], summary: HostMessage) {
    super(summary.message);
    this.reason = reason;
    this.summary = summary;
  }
}

const docs = new Map<string, PDFDocumentProxy>();

/** The page sizes (points) of an open document, by 1-based page number. */
export interface PdfSummary {
  pageCount: number;
  sizes: { width: number; height: number }[];
}

/** Opens `bytes` as `key`; throws {@link PdfOpenError} for a missing/wrong password or a damaged file. */
export async function openPdfDoc(key: string, name: string, bytes: Uint8Array, password?: string): Promise<PdfSummary> {
  const m = await pdfjs();
  const base = new URL('./pdfjs/', document.baseURI).href;
  let doc: PDFDocumentProxy;
  try {
    doc = await m.getDocument({
      data: bytes.slice(), // pdf.js transfers (detaches) the buffer it gets
      password,
      standardFontDataUrl: `${base}standard_fonts/`,
      cMapUrl: `${base}cmaps/`,
      cMapPacked: true,
      wasmUrl: `${base}wasm/`,
    }).promise;
  } catch (e) {
    const err = e as { name?: string; code?: number; message?: string };
    if (err?.name === 'PasswordException') {
      throw password
        ? new PdfOpenError('wrong-password', hostMessage('pdf.wrong-password-retry'))
        : new PdfOpenError('password', hostMessage('pdf.protected', { name }));
    }
    throw new PdfOpenError(
      'damaged',
      err?.message
        ? hostMessage('pdf.unreadable-why', { name, reason: err.message.replace(/\.$/, '') })
        : hostMessage('pdf.unreadable', { name }),
    );
  }
  void docs.get(key)?.loadingTask.destroy();
  docs.set(key, doc);
  // The render worker opens its own copy; a render waits for it there. Its failure shows on the first render.
  openInWorker(key, bytes.slice(), password, base).catch(() => {});
  // Sizes come from each page's dictionary, not from drawing it: cheap even for 500 pages.
  const sizes: PdfSummary['sizes'] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const vp = (await doc.getPage(n)).getViewport({ scale: 1 });
    sizes.push({ width: vp.width, height: vp.height });
  }
  return { pageCount: doc.numPages, sizes };
}

export function closePdfDoc(key: string): void {
  void docs.get(key)?.loadingTask.destroy();
  docs.delete(key);
  closeInWorker(key);
}

function docOf(key: string): PDFDocumentProxy {
  const doc = docs.get(key);
  if (!doc) throw new Error('This PDF is no longer open; attach it again.');
  return doc;
}

/** Draws page `n` into `canvas` at `cssWidth` px wide (device pixels for a sharp thumbnail). */
export async function drawThumbnail(
  key: string,
  n: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  signal: AbortSignal,
): Promise<void> {
  const base = (await docOf(key).getPage(n)).getViewport({ scale: 1 });
  const width = Math.max(1, Math.round(cssWidth * Math.min(2, window.devicePixelRatio || 1)));
  const height = Math.max(1, Math.round((width * base.height) / base.width));
  const bitmap = await renderInWorker(key, n, { width, height }, 'bitmap', signal);
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
}

/** A page drawn at exactly the budget's size (see shared/media/pages.ts), as PNG so small print survives. */
export async function renderPageForSending(
  key: string,
  n: number,
  budget: number,
): Promise<{ blob: Blob; width: number; height: number }> {
  const base = (await docOf(key).getPage(n)).getViewport({ scale: 1 });
  const fit = pageFit(base.width, base.height, budget);
  const blob = await renderInWorker(key, n, fit, 'png');
  return { blob, width: fit.width, height: fit.height };
}

/** The page's text layer, lines kept. */
export async function pageText(key: string, n: number): Promise<string> {
  const content = await (await docOf(key).getPage(n)).getTextContent();
  let out = '';
  for (const it of content.items as { str?: string; hasEOL?: boolean }[]) {
    if (typeof it.str === 'string') out += it.str + (it.hasEOL ? '\n' : '');
  }
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
