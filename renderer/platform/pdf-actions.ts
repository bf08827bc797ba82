/** A PDF in the composer: opened in the window (pdf.js), unlocked with a password, its text layers read on demand. */
import type { PdfPick } from '../model/attachments.ts';
import { openPdfDoc, pageText, PdfOpenError } from './pdf-engine.ts';

/** Pages picked when a PDF is attached: all of a short document, the first 20 of a long one (50 images is Z.AI's cap). */
export const DEFAULT_PAGE_PICK = 20;

/** Bytes of PDFs still waiting for their password, by composer id. */
const locked = new Map<string, Uint8Array>();

const lockedPick = (reason: 'password' | 'wrong-password'): PdfPick => ({
  pageCount: 0,
  sizes: [],
  pages: [],
  withText: false,
  texts: {},
  locked: reason,
});

async function open(localId: string, name: string, bytes: Uint8Array, password?: string): Promise<PdfPick> {
  try {
    const doc = await openPdfDoc(localId, name, bytes, password);
    locked.delete(localId);
    const n = Math.min(doc.pageCount, DEFAULT_PAGE_PICK);
    return {
      pageCount: doc.pageCount,
      sizes: doc.sizes,
      pages: Array.from({ length: n }, (_, i) => i + 1),
      withText: false,
      texts: {},
      locked: null,
    };
  } catch (e) {
    if (e instanceof PdfOpenError && e.reason !== 'damaged') {
      locked.set(localId, bytes);
      return lockedPick(e.reason);
    }
    throw e;
  }
}

/** Opens a newly attached PDF; a damaged one throws (the composer says so), an encrypted one comes back locked. */
export const startPdf = (localId: string, name: string, bytes: Uint8Array) => open(localId, name, bytes);

export async function unlockPdf(localId: string, name: string, password: string): Promise<PdfPick> {
  const bytes = locked.get(localId);
  if (!bytes) return lockedPick('password');
  return open(localId, name, bytes, password);
}

/** Text layers of the picked pages not read yet. */
export async function extractTexts(localId: string, pdf: PdfPick): Promise<Record<number, string>> {
  const out: Record<number, string> = {};
  for (const n of pdf.pages) if (pdf.texts[n] === undefined) out[n] = await pageText(localId, n);
  return out;
}
