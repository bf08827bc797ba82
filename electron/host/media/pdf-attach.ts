/**
 * A PDF as the command line sends it: the original stored once, the picked pages rendered host-side at the
 * budget's size and stored as derived images, each ref labelled "page N" with its source, and optionally the
 * page's text layer. The app window does the same in the renderer (renderer/features/attachments).
 */
import type { AttachmentRef } from '../../../shared/bridge/chat.ts';
import { pageRef, parsePageRange } from '../../../shared/media/pages.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { BadInputError } from '../bad-input.ts';
import { openPdf } from './pdf-render.ts';

export interface PdfAttachOptions {
  name: string;
  /** "2-5,8"; null or "all" for every page. */
  pages: string | null;
  password: string | null;
  budget: number;
  withText: boolean;
}

export async function attachPdfPages(store: AttachmentStore, bytes: Uint8Array, opts: PdfAttachOptions): Promise<AttachmentRef[]> {
  const original = await store.put({ name: opts.name, mime: 'application/pdf', bytes });
  if (original.kind !== 'pdf') throw new BadInputError(`${opts.name} is a ${original.kind}, not a PDF.`);
  const pdf = await openPdf(bytes, { name: opts.name, password: opts.password ?? undefined });
  try {
    const picked = parsePageRange(opts.pages ?? 'all', pdf.pageCount);
    if (!picked.ok) throw new BadInputError(`${opts.name}: ${picked.message}`);
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
