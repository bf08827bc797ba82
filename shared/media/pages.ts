/**
 * PDF pages as images: which pages a person picked ("2-5, 8"), and the pixel size a page is rendered at so it
 * fills the visual-token budget exactly (a page has no pixel size of its own, only points).
 */
import type { AttachmentRef } from '../bridge/chat.ts';
import { type HostMessage, hostMessage } from '../messages/messages.ts';
import { fitToBudget, type Fitted } from './budget.ts';

/** The highest resolution a page is rendered at, whatever the budget: 300 dpi is plenty for OCR of small print. */
export const MAX_PAGE_DPI = 300;

/** The size a page of `widthPt` x `heightPt` points is rendered at for `budget` tokens per image. */
export function pageFit(widthPt: number, heightPt: number, budget: number): Fitted {
  const scale = MAX_PAGE_DPI / 72;
  return fitToBudget(widthPt * scale, heightPt * scale, budget);
}

/** The outcome of reading a page list: the pages (1-based, ascending, unique) or what is wrong with it. */
export type PageSelection = { ok: true; pages: number[] } | { ok: false; message: string; text: HostMessage };

const refused = (text: HostMessage): PageSelection => ({ ok: false, message: text.message, text });

/**
 * Reads "2-5", "1,3,7-9", "4-" (to the end) or "all" against a document of `pageCount` pages.
 * Anything out of range or unreadable gives a message a person can act on, never a silent empty list.
 */
export function parsePageRange(spec: string, pageCount: number): PageSelection {
  const text = spec.trim().toLowerCase();
  if (text === '' || text === 'all') return { ok: true, pages: Array.from({ length: pageCount }, (_, i) => i + 1) };
  const pages = new Set<number>();
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const m = /^(\d+)?\s*(?:(-)\s*(\d+)?)?$/.exec(part);
    if (!part || !m || (!m[1] && !m[3])) return refused(hostMessage('pages.not-a-range', { text: raw.trim() }));
    const from = m[1] ? Number(m[1]) : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : pageCount) : from;
    if (from < 1 || to < from) return refused(hostMessage('pages.invalid-range', { text: part }));
    if (to > pageCount)
      return refused(
        pageCount === 1
          ? hostMessage('pages.past-end-one', { text: part })
          : hostMessage('pages.past-end', { count: pageCount, text: part }),
      );
    for (let p = from; p <= to; p++) pages.add(p);
  }
  return { ok: true, pages: [...pages].sort((a, b) => a - b) };
}

/** A page-list refusal naming the PDF it is about (a file given on the command line or in a batch). */
export function pageRangeRefusal(name: string, text: HostMessage): HostMessage {
  const t = String(text.params.text ?? '');
  switch (text.code) {
    case 'pages.not-a-range':
      return hostMessage('pdf.pages-not-a-range', { name, text: t });
    case 'pages.invalid-range':
      return hostMessage('pdf.pages-invalid-range', { name, text: t });
    case 'pages.past-end-one':
      return hostMessage('pdf.pages-past-end-one', { name, text: t });
    default:
      return hostMessage('pdf.pages-past-end', { name, count: text.params.count ?? '', text: t });
  }
}

/** Writes a page list back compactly: [1,2,3,5] -> "1-3, 5". */
export function formatPageList(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** The label sent beside a rendered page. */
export const pageLabel = (page: number): string => `page ${page}`;

/**
 * The reference sent for one rendered page of a stored PDF: the rendered image, labelled "page N", pointing
 * back at its PDF, followed by the page's text layer when there is one. The app window and the command line
 * both send pages through this, so a page reads the same to the model and to the grounding overlay.
 */
export function pageRef(page: number, imageId: string, pdfId: string, text = ''): AttachmentRef {
  return { id: imageId, label: pageLabel(page), source: { attachmentId: pdfId, page }, ...(text ? { text } : {}) };
}
