/**
 * A PDF as the command line sends it: the original stored once, the picked pages rendered host-side at the
 * budget's size and stored as derived images, each ref labelled "page N" with its source, and optionally the
 * page's text layer. The app window does the same in the renderer (renderer/features/attachments).
 */
import type { AttachmentRef } from '../../../shared/bridge/chat.ts';
import { pagesThatFit } from '../../../shared/media/estimate.ts';
import { pageFit, pageRangeRefusal, pageRef, parsePageRange } from '../../../shared/media/pages.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { BadInputError } from '../bad-input.ts';
import { openPdf } from './pdf-render.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';

export interface PdfAttachOptions {
  name: string;
  /** "2-5,8"; null or "all" for every page. */
  pages: string | null;
  password: string | null;
  budget: number;
  withText: boolean;
  /** The model's context window: with no page choice, a PDF whose pages would not fit is refused. */
  contextTokens?: number | null;
}

export async function attachPdfPages(
  store: AttachmentStore,
  bytes: Uint8Array,
  opts: PdfAttachOptions,
): Promise<AttachmentRef[]> {
  const original = await store.put({ name: opts.name, mime: 'application/pdf', bytes });
  if (original.kind !== 'pdf') throw new BadInputError(hostMessage('file.not-pdf', { name: opts.name, kind: original.kind }));
  const pdf = await openPdf(bytes, { name: opts.name, password: opts.password ?? undefined });
  try {
    const picked = parsePageRange(opts.pages ?? 'all', pdf.pageCount);
    if (!picked.ok) throw new BadInputError(pageRangeRefusal(opts.name, picked.text));
    if (opts.pages === null && opts.contextTokens) await refuseOverContext(pdf, opts.name, opts.budget, opts.contextTokens);
    const refs: AttachmentRef[] = [];
    for (const page of picked.pages) {
      const img = await pdf.renderPage(page, { budget: opts.budget });
      const stem = opts.name.replace(/\.pdf$/i, '');
      const info = await store.put({ name: `${stem} p${page}.png`, mime: 'image/png', bytes: img.png });
      const text = opts.withText ? await pdf.pageText(page) : '';
      refs.push(pageRef(page, info.id, original.id, text));
    }
    return refs;
  } finally {
    await pdf.close();
  }
}

/**
 * Every page of a long PDF, unasked for, would go out as one request far past the model's window (500 pages
 * are ~1.25M tokens against 65,536): refuse before rendering anything, saying how many pages fit.
 */
async function refuseOverContext(
  pdf: Awaited<ReturnType<typeof openPdf>>,
  name: string,
  budget: number,
  context: number,
): Promise<void> {
  const tokens: number[] = [];
  for (let n = 1; n <= pdf.pageCount; n++) {
    const size = await pdf.pageSize(n);
    tokens.push(pageFit(size.width, size.height, budget).tokens);
  }
  const fit = pagesThatFit(tokens, context);
  if (fit === tokens.length) return;
  const total = tokens.reduce((a, b) => a + b, 0);
  const params = { name, pages: pdf.pageCount, tokens: total.toLocaleString('en-US'), context: context.toLocaleString('en-US') };
  throw new BadInputError(
    fit > 0 ? hostMessage('pdf.over-context', { ...params, fit }) : hostMessage('pdf.over-context-none', params),
  );
}
