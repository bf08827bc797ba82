/**
 * PDF pages to images without a browser, for `glimpse ask --pdf` and the benchmark: pdf.js's Node path, which
 * draws with @napi-rs/canvas (Skia). The app window renders pages itself (renderer/features/attachments), in a
 * worker; both size pages with shared/media/pages.ts, so the same budget gives the same pixels.
 */
import { requireHere } from '../require-here.ts';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pageFit } from '../../../shared/media/pages.ts';
import { BadInputError } from '../bad-input.ts';
import { CappedCanvasFactory, MAX_CANVAS_AREA, MAX_CANVAS_SIDE } from './pdf-canvas.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjsPromise: Promise<PdfJs> | null = null;
// Loaded on first use: most requests carry no PDF, and pdf.js costs ~100 ms to import.
const loadPdfJs = () => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const pdfjsRoot = () => dirname(requireHere().resolve('pdfjs-dist/package.json'));

export interface RenderedPage {
  page: number;
  /** PNG: lossless, so small print survives until the host's single JPEG re-encode. */
  png: Buffer;
  width: number;
  height: number;
}

export interface OpenedPdf {
  pageCount: number;
  /**
   * Renders a page (1-based) at the budget's size (see {@link pageFit}) or at a fixed dpi; a page that would
   * pass the canvas ceiling at that dpi (a 35,000 px poster) is drawn at the largest size within it.
   */
  renderPage(page: number, size: { budget: number } | { dpi: number }): Promise<RenderedPage>;
  /** The page's size in points, from its dictionary (nothing is drawn). */
  pageSize(page: number): Promise<{ width: number; height: number }>;
  /** The page's text layer, lines joined; empty for a scan without text. */
  pageText(page: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens a PDF from its bytes. A missing or wrong password and a damaged file become {@link BadInputError}s that
 * say which, so the CLI can exit with `bad-input` before anything is sent.
 */
export async function openPdf(bytes: Uint8Array, opts: { name?: string; password?: string } = {}): Promise<OpenedPdf> {
  const pdfjs = await loadPdfJs();
  const root = pdfjsRoot();
  const name = opts.name ?? 'The PDF';
  let doc: PdfDocument;
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
    data: new Uint8Array(bytes),
    password: opts.password,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    wasmUrl: pathToFileURL(join(root, 'wasm')).pathname + '/',
    CanvasFactory: CappedCanvasFactory,
    verbosity: 0,
  });
  try {
    doc = await task.promise;
  } catch (e) {
    void task.destroy();
    throw pdfError(e, name, Boolean(opts.password));
  }
  return {
    pageCount: doc.numPages,
    async renderPage(pageNumber, size) {
      const page = await doc.getPage(pageNumber);
      const base = page.getViewport({ scale: 1 });
      let scaleX: number;
      let scaleY: number;
      let width: number;
      let height: number;
      if ('budget' in size) {
        const fit = pageFit(base.width, base.height, size.budget);
        ({ width, height } = fit);
        scaleX = width / base.width;
        scaleY = height / base.height;
      } else {
        const wanted = size.dpi / 72;
        const cap = Math.min(
          MAX_CANVAS_SIDE / Math.max(base.width, base.height),
          Math.sqrt(MAX_CANVAS_AREA / (base.width * base.height)),
        );
        scaleX = scaleY = Math.min(wanted, cap);
        width = Math.max(1, Math.floor(base.width * scaleX));
        height = Math.max(1, Math.floor(base.height * scaleY));
      }
      // Budget sizes are rounded to multiples of 28 per side, so each axis gets its own scale.
      const viewport = page.getViewport({ scale: scaleX });
      const factory = new CappedCanvasFactory();
      const target = factory.create(width, height);
      try {
        target.context!.fillStyle = '#ffffff';
        target.context!.fillRect(0, 0, width, height);
        await page.render({
          canvasContext: target.context as never,
          canvas: target.canvas as never,
          viewport,
          transform: scaleY === scaleX ? undefined : [1, 0, 0, scaleY / scaleX, 0, 0],
        }).promise;
        const png: Buffer = await target.canvas!.encode('png');
        return { page: pageNumber, png, width, height };
      } catch (e) {
        throw new BadInputError(hostMessage('pdf.page-failed', { name, page: pageNumber, reason: (e as Error).message }));
      } finally {
        factory.destroy(target);
        page.cleanup();
      }
    },
    async pageSize(pageNumber) {
      const { width, height } = (await doc.getPage(pageNumber)).getViewport({ scale: 1 });
      return { width, height };
    },
    async pageText(pageNumber) {
      const page = await doc.getPage(pageNumber);
      const content = await page.getTextContent();
      return textOf(content.items as { str?: string; hasEOL?: boolean }[]);
    },
    close: () => task.destroy(),
  };
}

/** Joins pdf.js text items into lines the way they were laid out (hasEOL marks line ends). */
export function textOf(items: readonly { str?: string; hasEOL?: boolean }[]): string {
  let out = '';
  for (const it of items) {
    if (typeof it.str !== 'string') continue;
    out += it.str + (it.hasEOL ? '\n' : '');
  }
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function pdfError(e: unknown, name: string, hadPassword: boolean): BadInputError {
  const err = e as { name?: string; code?: number; message?: string };
  if (err?.name === 'PasswordException') {
    return new BadInputError(hostMessage(hadPassword || err.code === 2 ? 'pdf.password-wrong' : 'pdf.password-needed', { name }));
  }
  if (err?.name === 'InvalidPDFException')
    return new BadInputError(
      hostMessage('pdf.damaged', { name, reason: (err.message ?? 'it cannot be read').replace(/\.$/, '') }),
    );
  return new BadInputError(hostMessage('pdf.unopenable', { name, reason: (err?.message ?? String(e)).replace(/\.$/, '') }));
}
